package io.runnel.sql.internal.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.function.Udaf;
import io.runnel.sql.internal.catalog.SqlType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading user functions from jars: sources compiled once for the class, jarred, and loaded from a directory. */
class ExtensionJarLoaderTest {

    @TempDir
    static Path shared;

    private static Path extensions;

    @BeforeAll
    static void compileAndJar() throws IOException {
        extensions = buildJar(shared, "my-udfs.jar");
    }

    private static final String UDF = """
            package com.example.udf;

            import io.runnel.sql.function.Udf;
            import io.runnel.sql.function.UdfDescription;
            import io.runnel.sql.function.UdfParameter;
            import io.runnel.sql.function.UdfSchemaProvider;
            import io.runnel.sql.function.DecimalTypes;
            import java.math.BigDecimal;
            import java.util.List;

            @UdfDescription(name = "multiply", description = "multiplies", author = "me", version = "1.0")
            public class Multiply {
                private final long factor = 1;

                @Udf(description = "ints")
                public long multiply(@UdfParameter("a") int a, @UdfParameter("b") int b) {
                    return factor * a * b;
                }

                @Udf(description = "decimals", schemaProvider = "decimalResult")
                public BigDecimal multiply(@UdfParameter("a") BigDecimal a, @UdfParameter("b") BigDecimal b) {
                    return a.multiply(b);
                }

                @UdfSchemaProvider
                public String decimalResult(List<String> args) {
                    int p = DecimalTypes.precision(args.get(0)) + DecimalTypes.precision(args.get(1));
                    int s = DecimalTypes.scale(args.get(0)) + DecimalTypes.scale(args.get(1));
                    return DecimalTypes.decimal(p, s);
                }
            }
            """;

    private static final String UDAF = """
            package com.example.udf;

            import io.runnel.sql.function.Udaf;
            import io.runnel.sql.function.UdafDescription;
            import io.runnel.sql.function.UdafFactory;

            @UdafDescription(name = "longest", description = "the longest string")
            public class Longest {
                @UdafFactory(description = "longest")
                public static Udaf<String, String, Integer> longest() {
                    return new Udaf<>() {
                        public String initialize() { return ""; }
                        public String aggregate(String v, String a) { return v != null && v.length() > a.length() ? v : a; }
                        public String merge(String a, String b) { return aggregate(a, b); }
                        public Integer map(String a) { return a.length(); }
                    };
                }
            }
            """;

    private static final String HELPER = """
            package com.example.udf;

            public class NotAFunction {
            }
            """;

    private static Path buildJar(Path dir, String jarName) throws IOException {
        Path src = dir.resolve("src/com/example/udf");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Multiply.java"), UDF);
        Files.writeString(src.resolve("Longest.java"), UDAF);
        Files.writeString(src.resolve("NotAFunction.java"), HELPER);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int rc = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                src.resolve("Multiply.java").toString(), src.resolve("Longest.java").toString(),
                src.resolve("NotAFunction.java").toString());
        assertThat(rc).as("javac exit code").isZero();
        Path extensions = dir.resolve("ext");
        Files.createDirectories(extensions);
        Path jar = extensions.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        Path readme = extensions.resolve("README.txt");
        try (OutputStream o = Files.newOutputStream(readme)) {
            o.write("not a jar".getBytes(StandardCharsets.UTF_8));
        }
        return extensions;
    }

    @Test
    void shouldRegisterAnnotatedClassesOfJarsInExtensionDirectory() {
        FunctionRegistry registry = FunctionRegistry.withBuiltIns();
        List<String> loaded = registry.loadExtensions(extensions);
        assertThat(loaded).containsExactlyInAnyOrder("MULTIPLY", "LONGEST");

        ResolvedFunction ints = registry.resolveScalar("Multiply", List.of(ArgType.of(SqlType.INTEGER), ArgType.of(SqlType.INTEGER)));
        assertThat(ints.returnType()).isEqualTo(SqlType.BIGINT);
        assertThat(ints.instance()).isNotNull();
        assertThat(ints.invoker().invoke(6, 7)).isEqualTo(42L);
        assertThat(ints.invoker().invoke(null, 7)).isNull();

        ResolvedFunction decimals = registry.resolveScalar("MULTIPLY",
                List.of(ArgType.of(new SqlType.Decimal(4, 2)), ArgType.of(new SqlType.Decimal(3, 1))));
        assertThat(decimals.returnType()).isEqualTo(new SqlType.Decimal(7, 3));
        assertThat(decimals.invoker().invoke(new java.math.BigDecimal("1.50"), new java.math.BigDecimal("2.0")))
                .isEqualTo(new java.math.BigDecimal("3.000"));

        ResolvedAggregate longest = registry.resolveAggregate("longest", List.of(ArgType.of(SqlType.STRING)));
        assertThat(longest.returnType()).isEqualTo(SqlType.INTEGER);
        Udaf<Object, Object, Object> udaf = longest.create(List.of());
        assertThat(udaf.map(udaf.aggregate("abc", udaf.aggregate("a", udaf.initialize())))).isEqualTo(3);

        FunctionDescription description = registry.describe("multiply");
        assertThat(description.metadata().author()).isEqualTo("me");
        assertThat(description.metadata().source()).endsWith("my-udfs.jar");
        assertThat(description.overloads()).extracting(FunctionDescription.Overload::signature)
                .contains("MULTIPLY(a INTEGER, b INTEGER) => BIGINT", "MULTIPLY(a DECIMAL, b DECIMAL) => DECIMAL");
    }

    @Test
    void shouldRefuseJarFunctionClashingWithLoadedOne() {
        FunctionRegistry registry = FunctionRegistry.withBuiltIns();
        registry.loadExtensions(extensions);
        assertThatThrownBy(() -> registry.loadExtensions(extensions)).hasMessageContaining("A function named");
    }

    @Test
    void shouldLoadNothingFromMissingDirectory(@TempDir Path dir) {
        assertThat(new FunctionRegistry().loadExtensions(dir.resolve("absent"))).isEmpty();
    }
}
