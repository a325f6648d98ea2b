package io.runnel.sql.internal.command;

import java.util.List;
import java.util.Map;

/**
 * Where the engine records the statements that changed its catalog, so that a restart (or another
 * server) rebuilds the same catalog by replaying them in order ({@link DdlExecutor#replay}).
 * {@link #append} returns only once the command is durable in the log's sense; a command that was
 * not appended never changes the catalog. Single writer: one engine appends to a log.
 */
public interface CommandLog extends AutoCloseable {

    /** Appends a command, numbered with the next sequence number, and returns it. */
    Command append(String statement, Map<String, String> properties);

    /** Every command, in sequence order. */
    List<Command> readAll();

    @Override
    void close();
}
