package io.runnel.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.server.api.StatementExecutor;
import io.runnel.server.api.StatementExecutorFactory;
import io.runnel.server.testing.ToyEngine;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiring point the engine's adapter plugs into. */
class StatementExecutorFactoryTest {

    /** What an engine adapter would register. */
    public static final class ToyFactory implements StatementExecutorFactory {
        @Override
        public StatementExecutor create(Path dataDir, Map<String, Object> properties) {
            return new ToyEngine();
        }
    }

    @Test
    void shouldFindAFactoryRegisteredAsAService(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(StatementExecutorFactory.class.getName()), ToyFactory.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            // The class path's own registration (the SQL engine's adapter) comes first, so look for ours among all.
            Optional<StatementExecutorFactory> factory = java.util.ServiceLoader.load(StatementExecutorFactory.class,
                    loader).stream().map(java.util.ServiceLoader.Provider::get).filter(f -> f instanceof ToyFactory)
                    .findFirst();

            assertThat(StatementExecutorFactory.load(loader)).isPresent();
            assertThat(factory).isPresent();
            assertThat(factory.get().create(dir, Map.of())).isInstanceOf(ToyEngine.class);
        }
    }

    @Test
    void shouldFindTheSqlEngineAdapterOnTheClassPath() {
        assertThat(StatementExecutorFactory.load()).get()
                .isInstanceOf(io.runnel.server.internal.engine.EngineExecutorFactory.class);
    }
}
