package io.runnel.sql.engine;

import io.runnel.sql.SqlException;
import java.util.List;
import java.util.Objects;

/**
 * A statement of a script failed: the cause (with its error code and position), the failing
 * statement's text, and the results of the statements before it, which stay executed.
 */
public final class ScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String statementText;
    private final transient List<EngineResult> executed;

    public ScriptException(SqlException cause, String statementText, List<EngineResult> executed) {
        super(Objects.requireNonNull(cause, "cause").getMessage(), cause);
        this.statementText = statementText;
        this.executed = List.copyOf(executed);
    }

    @Override
    public synchronized SqlException getCause() {
        return (SqlException) super.getCause();
    }

    /** The failing statement, as written. */
    public String statementText() {
        return statementText;
    }

    /** Results of the statements before the failing one. */
    public List<EngineResult> executed() {
        return executed;
    }
}
