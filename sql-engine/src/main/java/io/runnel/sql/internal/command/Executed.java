package io.runnel.sql.internal.command;

import java.util.Objects;

/** The outcome of one statement: the session to use next (with its new catalog) and the answer. */
public record Executed(SessionContext session, StatementResult result) {
    public Executed {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(result, "result");
    }
}
