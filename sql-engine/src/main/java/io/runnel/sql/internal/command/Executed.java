package io.runnel.sql.internal.command;

import io.runnel.sql.engine.EngineResult;
import java.util.Objects;

/**
 * The outcome of one statement: the session to use next (with its new catalog) and the answer
 * (descriptions without the queries reading and writing the source: the engine adds them).
 */
public record Executed(SessionContext session, EngineResult result) {
    public Executed {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(result, "result");
    }
}
