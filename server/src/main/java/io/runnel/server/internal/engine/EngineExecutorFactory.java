package io.runnel.server.internal.engine;

import io.runnel.server.api.StatementExecutor;
import io.runnel.server.api.StatementExecutorFactory;
import io.runnel.sql.engine.SqlEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Opens Runnel's SQL engine on a data directory (its embedded log and query state live there). */
public final class EngineExecutorFactory implements StatementExecutorFactory {

    @Override
    public StatementExecutor create(Path dataDir, Map<String, Object> properties) throws Exception {
        Files.createDirectories(dataDir);
        return new EngineExecutor(SqlEngine.open(dataDir, properties));
    }
}
