package io.runnel.server.api;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Creates the {@link StatementExecutor} a server (or the embedded shell) runs on. This is the
 * wiring point for the SQL engine: its adapter registers an implementation in
 * {@code META-INF/services/io.runnel.server.api.StatementExecutorFactory}, and
 * {@link #load()} finds it on the class path. Until one is registered, {@code ./runnel server}
 * and the embedded shell say that the engine is not available.
 */
public interface StatementExecutorFactory {

    /**
     * Opens an executor over the data in {@code dataDir} (created if missing), replaying the
     * command log so that persistent queries run again.
     *
     * @param properties server configuration (for example from {@code --config}), passed to the
     *                   engine as its default properties
     */
    StatementExecutor create(Path dataDir, Map<String, Object> properties) throws Exception;

    /** The first factory registered through {@link ServiceLoader}, if any. */
    static Optional<StatementExecutorFactory> load() {
        return load(StatementExecutorFactory.class.getClassLoader());
    }

    /** The first factory registered through {@link ServiceLoader} in {@code loader}, if any. */
    static Optional<StatementExecutorFactory> load(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Iterator<StatementExecutorFactory> it = ServiceLoader.load(StatementExecutorFactory.class, loader).iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }
}
