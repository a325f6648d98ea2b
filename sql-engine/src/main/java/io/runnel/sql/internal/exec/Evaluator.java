package io.runnel.sql.internal.exec;

/**
 * A compiled expression. Evaluates over one input row laid out as the expression's
 * {@link io.runnel.sql.internal.analyzer.RowSchema}; returns the Java value of the expression's
 * type, or null. Thread-safe (stateless after construction). Throws
 * {@link ExpressionEvaluationException} when a record makes the expression fail (e.g. integer
 * division by zero, a function throwing): the caller decides whether that is NULL or a skip.
 */
@FunctionalInterface
public interface Evaluator {

    Object evaluate(Object[] row);

    /**
     * Evaluates with function calls that fail reported to {@code errors} and read as NULL (as
     * ksqlDB does); other failures still throw.
     */
    default Object evaluate(Object[] row, ExpressionErrors errors) {
        return evaluate(row);
    }
}
