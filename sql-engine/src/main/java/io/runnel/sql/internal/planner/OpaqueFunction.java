package io.runnel.sql.internal.planner;

import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Expression;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * A ksqlDB expression Calcite does not evaluate (a UDF call, a struct dereference, a subscript,
 * LIKE, IN, a constructor, ...), standing in a Calcite plan as a call whose operands are the
 * input columns it reads, so rules can move it and remap its columns. It is a dynamic function,
 * so expression reduction never folds it, and non-deterministic functions (RANDOM, UUID, ...) say
 * so. The function is its own side table: it keeps the original expression and, per operand, the
 * expression's nodes that read that operand's column, so {@link RexToExpression} can rebuild it
 * over wherever the rules moved it. Equality is identity: two opaque calls are never merged.
 */
final class OpaqueFunction extends SqlFunction {
    /** Functions whose result may differ between two calls with the same arguments. */
    private static final Set<String> NON_DETERMINISTIC = Set.of("RANDOM", "UUID", "UNIX_TIMESTAMP", "UNIX_DATE");

    private final Expression expression;
    private final TypedExpression typed;
    private final List<List<Expression>> operandNodes;
    private final boolean deterministic;
    private final boolean joinCondition;

    /**
     * @param label        how the call prints in plans (the expression's SQL)
     * @param expression   the original expression (a node of {@code typed})
     * @param typed        the typed expression it belongs to (types of CAST targets, bound nodes)
     * @param operandNodes per operand: the nodes of {@code expression} bound to that operand's column
     * @param type         the expression's type
     */
    OpaqueFunction(String label, Expression expression, TypedExpression typed, List<List<Expression>> operandNodes,
                   RelDataType type, boolean deterministic) {
        this(label, expression, typed, operandNodes, type, deterministic, false);
    }

    private OpaqueFunction(String label, Expression expression, TypedExpression typed,
                           List<List<Expression>> operandNodes, RelDataType type, boolean deterministic,
                           boolean joinCondition) {
        super("[" + label + "]", SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(type), null, OperandTypes.VARIADIC,
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
        this.expression = Objects.requireNonNull(expression, "expression");
        this.typed = typed;
        this.operandNodes = List.copyOf(operandNodes);
        this.deterministic = deterministic;
        this.joinCondition = joinCondition;
    }

    /**
     * The condition of a ksqlDB join (its sides' join expressions are equal), over operands that
     * read both sides, so it is never pushed into one side and the optimizer tells it apart from
     * WHERE conjuncts (which never join it).
     */
    static OpaqueFunction joinCondition(Expression condition, RelDataType type) {
        return new OpaqueFunction("ON " + io.runnel.sql.internal.parser.SqlFormatter.format(condition), condition,
                null, List.of(), type, true, true);
    }

    /**
     * A value the plan computes that is not an input column: a join's key and its result's
     * ROWTIME, ROWPARTITION and ROWOFFSET, a window's bounds. It reads {@code operands} operands
     * (to pin it where it is: over both sides of a join), and stands for the column
     * {@code column} names in the row it is computed for.
     */
    static OpaqueFunction placeholder(Expression.ColumnRef column, int operands, RelDataType type) {
        List<List<Expression>> none = new java.util.ArrayList<>();
        for (int i = 0; i < operands; i++) {
            none.add(List.of());
        }
        return new OpaqueFunction(column.name(), column, null, none, type, false, false);
    }

    boolean isJoinCondition() {
        return joinCondition;
    }

    /** True when {@code name} is a function that may give different results for the same arguments. */
    static boolean isNonDeterministic(String name) {
        return NON_DETERMINISTIC.contains(name.toUpperCase(java.util.Locale.ROOT));
    }

    Expression expression() {
        return expression;
    }

    /** The typed expression the original expression belongs to; null for plan-made placeholders. */
    TypedExpression typed() {
        return typed;
    }

    List<List<Expression>> operandNodes() {
        return operandNodes;
    }

    @Override
    public boolean isDynamicFunction() {
        return true;
    }

    @Override
    public boolean isDeterministic() {
        return deterministic;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
