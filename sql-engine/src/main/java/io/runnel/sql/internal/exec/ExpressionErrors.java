package io.runnel.sql.internal.exec;

/**
 * Where an expression reports a function call that failed on a record. As in ksqlDB, the failed
 * call is NULL and the rest of the expression goes on ({@code IFNULL(PARSE_DATE(s, f), d)} is
 * {@code d} for a malformed {@code s}); the report goes to the query's processing log.
 * {@link #THROW} instead fails the whole evaluation. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ExpressionErrors {

    /** Fails the evaluation with the error (the caller decides what a failed expression means). */
    ExpressionErrors THROW = e -> {
        throw e;
    };

    void report(ExpressionEvaluationException error);
}
