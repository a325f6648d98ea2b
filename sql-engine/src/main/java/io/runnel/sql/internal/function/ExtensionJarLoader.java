package io.runnel.sql.internal.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the function classes in the jars of an extension directory ({@code runnel.extension.dir}).
 * Each jar gets its own {@link URLClassLoader} whose parent is the engine's loader, so a jar sees
 * the function API and its own classes (and not other extension jars). Classes that fail to load
 * (e.g. a missing optional dependency) are skipped and logged; jars are read in name order. The
 * class loaders stay open for the life of the engine (loaded functions keep using their classes).
 */
public final class ExtensionJarLoader {
    private static final System.Logger LOG = System.getLogger(ExtensionJarLoader.class.getName());

    /** A function class found in a jar; {@code jar} names its source in DESCRIBE FUNCTION. */
    public record FoundClass(Class<?> type, Path jar) {
    }

    private final ClassLoader parent;

    public ExtensionJarLoader(ClassLoader parent) {
        this.parent = parent;
    }

    /** The annotated function classes of every {@code *.jar} directly in {@code directory}. */
    public List<FoundClass> load(Path directory) {
        List<FoundClass> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) return found;
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list extension directory " + directory, e);
        }
        for (Path jar : jars) found.addAll(loadJar(jar));
        return found;
    }

    private List<FoundClass> loadJar(Path jar) {
        List<FoundClass> found = new ArrayList<>();
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("runnel-ext-" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            List<String> names = new ArrayList<>();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.contains("-")) {
                    names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
            names.sort(null);
            for (String name : names) {
                try {
                    Class<?> type = Class.forName(name, false, loader);
                    if (FunctionClassScanner.isFunctionClass(type)) found.add(new FoundClass(type, jar));
                } catch (ClassNotFoundException | LinkageError e) {
                    LOG.log(Level.WARNING, "Skipping class {0} of {1}: {2}", name, jar, e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read extension jar " + jar, e);
        }
        return found;
    }
}
