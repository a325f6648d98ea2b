package io.runnel.examples;

import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.api.StatementExecutor;
import io.runnel.server.api.StatementExecutorFactory;
import io.runnel.server.client.RunnelClient;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Runnel server for the SQL examples' tests: the engine the class path provides, its data
 * in {@code dataDir}, on 127.0.0.1 on a free port, committing often so pull queries catch up fast.
 */
public final class ExampleServer implements AutoCloseable {
    /** Pull queries that scan a table, as the examples' checks do. */
    public static final Map<String, Object> SCAN = Map.of("ksql.query.pull.table.scan.enabled", true);

    private final StatementExecutor executor;
    private final RunnelServer server;

    private ExampleServer(StatementExecutor executor, RunnelServer server) {
        this.executor = executor;
        this.server = server;
    }

    public static ExampleServer start(Path dataDir) throws Exception {
        StatementExecutor executor = StatementExecutorFactory.load().orElseThrow()
                .create(dataDir, Map.of("commit.interval.ms", "50"));
        try {
            return new ExampleServer(executor, RunnelServer.start(RunnelServerConfig.defaults().withPort(0), executor));
        } catch (RuntimeException | InterruptedException e) {
            executor.close();
            throw e;
        }
    }

    public RunnelClient client() {
        return RunnelClient.create(server.uri());
    }

    @Override
    public void close() {
        server.close();
        executor.close();
    }
}
