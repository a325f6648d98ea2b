package io.runnel.sql.internal.command;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the engine records the statements that changed its catalog, so that a restart (or another
 * server) rebuilds the same catalog by replaying them in order ({@link DdlExecutor#replay}).
 * {@link #append} returns only once the command is durable in the log's sense; a command that was
 * not appended never changes the catalog. Single writer: one engine appends to a log.
 */
public interface CommandLog extends AutoCloseable {

    /** Appends a command without a plan, numbered with the next sequence number, and returns it. */
    default Command append(String statement, Map<String, String> properties) {
        return append(statement, properties, Optional.empty());
    }

    /**
     * Appends a command, numbered with the next sequence number, and returns it; {@code plan} is
     * the exec plan (JSON) of a statement that starts a persistent query.
     */
    Command append(String statement, Map<String, String> properties, Optional<String> plan);

    /** Every command, in sequence order. */
    List<Command> readAll();

    @Override
    void close();
}
