package io.runnel.sql.internal.exec;

/**
 * The superclass of generated expression classes: holds the constants (literals, resolved
 * functions, compiled patterns, types) the generated code refers to as {@code c[i]}.
 */
public abstract class CompiledExpression implements Evaluator {
    protected Object[] c;

    /** Called once, right after construction, by the compiler. */
    public final void constants(Object[] constants) {
        if (this.c != null) {
            throw new IllegalStateException("constants already set");
        }
        this.c = constants;
    }

    @Override
    public final Object evaluate(Object[] row) {
        return evaluate(row, ExpressionErrors.THROW);
    }

    @Override
    public abstract Object evaluate(Object[] row, ExpressionErrors errors);
}
