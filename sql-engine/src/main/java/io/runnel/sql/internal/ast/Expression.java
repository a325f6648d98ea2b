package io.runnel.sql.internal.ast;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scalar expressions. Names are already normalized: unquoted identifiers upper-cased, quoted ones
 * kept as written. Parentheses are not kept; the tree shape carries precedence.
 */
public sealed interface Expression extends Node {

    // ------------------------------------------------------------------------------- literals

    /** Literal values; also the values of WITH properties. */
    sealed interface Literal extends Expression {
        /** The value as a Java object: null, Boolean, Integer, Long, BigDecimal, Double or String. */
        Object value();
    }

    record NullLiteral(Position position) implements Literal {
        public NullLiteral {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public Object value() {
            return null;
        }
    }

    record BooleanLiteral(boolean bool, Position position) implements Literal {
        public BooleanLiteral {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public Object value() {
            return bool;
        }
    }

    /** A whole number that fits an INT. */
    record IntegerLiteral(int number, Position position) implements Literal {
        public IntegerLiteral {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public Object value() {
            return number;
        }
    }

    /** A whole number too large for INT (BIGINT). */
    record LongLiteral(long number, Position position) implements Literal {
        public LongLiteral {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public Object value() {
            return number;
        }
    }

    /** A number with a point and no exponent, e.g. {@code 10.50}: DECIMAL with the scale as written. */
    record DecimalLiteral(BigDecimal number, Position position) implements Literal {
        public DecimalLiteral {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public Object value() {
            return number;
        }
    }

    /** A number with an exponent, e.g. {@code 1.5E3}: DOUBLE. */
    record DoubleLiteral(double number, Position position) implements Literal {
        public DoubleLiteral {
            Objects.requireNonNull(position, "position");
            if (!Double.isFinite(number)) throw new IllegalArgumentException("not finite: " + number);
        }

        @Override
        public Object value() {
            return number;
        }
    }

    record StringLiteral(String text, Position position) implements Literal {
        public StringLiteral {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public Object value() {
            return text;
        }
    }

    // ------------------------------------------------------------------------------ references

    /** A column, optionally qualified by a source name or alias ({@code s.col}). */
    record ColumnRef(Optional<String> qualifier, String name, Position position) implements Expression {
        public ColumnRef {
            Objects.requireNonNull(qualifier, "qualifier");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }
    }

    /** Struct field access {@code base->field}. */
    record Dereference(Expression base, String field, Position position) implements Expression {
        public Dereference {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(position, "position");
        }
    }

    /** Array element or map value {@code base[index]} (arrays are 1-based, negative from the end). */
    record Subscript(Expression base, Expression index, Position position) implements Expression {
        public Subscript {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(position, "position");
        }
    }

    // ------------------------------------------------------------------------------- functions

    /**
     * A call of a scalar, aggregate or table function. {@code COUNT(*)} has {@code star} set and no
     * arguments; {@code COUNT(DISTINCT x)} has {@code distinct} set.
     */
    record FunctionCall(String name, List<Expression> arguments, boolean distinct, boolean star, Position position)
            implements Expression {
        public FunctionCall {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(position, "position");
            if (star && (!arguments.isEmpty() || distinct)) {
                throw new IllegalArgumentException("(*) takes no arguments and no DISTINCT");
            }
            if (distinct && arguments.isEmpty()) throw new IllegalArgumentException("DISTINCT needs an argument");
        }
    }

    /** A lambda argument of a higher-order function: {@code x => x + 1}, {@code (s, x) => s + x}. */
    record Lambda(List<String> parameters, Expression body, Position position) implements Expression {
        public Lambda {
            parameters = List.copyOf(parameters);
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(position, "position");
            if (parameters.isEmpty()) throw new IllegalArgumentException("lambda without parameters");
        }
    }

    record Cast(Expression operand, TypeExpr type, Position position) implements Expression {
        public Cast {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(position, "position");
        }
    }

    // ---------------------------------------------------------------------------- constructors

    record ArrayConstructor(List<Expression> elements, Position position) implements Expression {
        public ArrayConstructor {
            elements = List.copyOf(elements);
            Objects.requireNonNull(position, "position");
        }
    }

    record MapEntry(Expression key, Expression value) {
        public MapEntry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    record MapConstructor(List<MapEntry> entries, Position position) implements Expression {
        public MapConstructor {
            entries = List.copyOf(entries);
            Objects.requireNonNull(position, "position");
        }
    }

    record StructField(String name, Expression value) {
        public StructField {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    record StructConstructor(List<StructField> fields, Position position) implements Expression {
        public StructConstructor {
            fields = List.copyOf(fields);
            Objects.requireNonNull(position, "position");
        }
    }

    // ------------------------------------------------------------------------------- operators

    enum ArithmeticOperator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULUS("%");

        private final String symbol;

        ArithmeticOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record Arithmetic(ArithmeticOperator operator, Expression left, Expression right, Position position)
            implements Expression {
        public Arithmetic {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(position, "position");
        }
    }

    /** Unary minus; a minus directly before a numeric literal is folded into the literal instead. */
    record Negation(Expression operand, Position position) implements Expression {
        public Negation {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(position, "position");
        }
    }

    /** String concatenation {@code a || b}. */
    record Concat(Expression left, Expression right, Position position) implements Expression {
        public Concat {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(position, "position");
        }
    }

    enum ComparisonOperator {
        EQUAL("="), NOT_EQUAL("<>"), LESS_THAN("<"), LESS_THAN_OR_EQUAL("<="), GREATER_THAN(">"),
        GREATER_THAN_OR_EQUAL(">="), IS_DISTINCT_FROM("IS DISTINCT FROM"),
        IS_NOT_DISTINCT_FROM("IS NOT DISTINCT FROM");

        private final String symbol;

        ComparisonOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record Comparison(ComparisonOperator operator, Expression left, Expression right, Position position)
            implements Expression {
        public Comparison {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(position, "position");
        }
    }

    enum LogicalOperator { AND, OR }

    record Logical(LogicalOperator operator, Expression left, Expression right, Position position)
            implements Expression {
        public Logical {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(position, "position");
        }

        /**
         * The terms {@code e} joins with {@code operator}, left to right ({@code a AND (b AND c)}
         * gives a, b, c); {@code e} alone when it is not such a chain.
         */
        public static java.util.List<Expression> terms(Expression e, LogicalOperator operator) {
            java.util.List<Expression> out = new java.util.ArrayList<>();
            addTerms(e, operator, out);
            return out;
        }

        private static void addTerms(Expression e, LogicalOperator operator, java.util.List<Expression> out) {
            if (e instanceof Logical l && l.operator() == operator) {
                addTerms(l.left(), operator, out);
                addTerms(l.right(), operator, out);
            } else {
                out.add(e);
            }
        }
    }

    record Not(Expression operand, Position position) implements Expression {
        public Not {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(position, "position");
        }
    }

    record IsNull(Expression operand, boolean negated, Position position) implements Expression {
        public IsNull {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(position, "position");
        }
    }

    record Between(Expression value, Expression lower, Expression upper, boolean negated, Position position)
            implements Expression {
        public Between {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(lower, "lower");
            Objects.requireNonNull(upper, "upper");
            Objects.requireNonNull(position, "position");
        }
    }

    record InList(Expression value, List<Expression> list, boolean negated, Position position) implements Expression {
        public InList {
            Objects.requireNonNull(value, "value");
            list = List.copyOf(list);
            Objects.requireNonNull(position, "position");
            if (list.isEmpty()) throw new IllegalArgumentException("IN list is empty");
        }
    }

    record Like(Expression value, Expression pattern, Optional<Character> escape, boolean negated, Position position)
            implements Expression {
        public Like {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(escape, "escape");
            Objects.requireNonNull(position, "position");
        }
    }

    // ------------------------------------------------------------------------------------ CASE

    record WhenClause(Expression condition, Expression result) {
        public WhenClause {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(result, "result");
        }
    }

    /** {@code CASE WHEN cond THEN r ... [ELSE e] END}. */
    record SearchedCase(List<WhenClause> whens, Optional<Expression> elseValue, Position position)
            implements Expression {
        public SearchedCase {
            whens = List.copyOf(whens);
            Objects.requireNonNull(elseValue, "elseValue");
            Objects.requireNonNull(position, "position");
            if (whens.isEmpty()) throw new IllegalArgumentException("CASE without WHEN");
        }
    }

    /** {@code CASE operand WHEN value THEN r ... [ELSE e] END}. */
    record SimpleCase(Expression operand, List<WhenClause> whens, Optional<Expression> elseValue, Position position)
            implements Expression {
        public SimpleCase {
            Objects.requireNonNull(operand, "operand");
            whens = List.copyOf(whens);
            Objects.requireNonNull(elseValue, "elseValue");
            Objects.requireNonNull(position, "position");
            if (whens.isEmpty()) throw new IllegalArgumentException("CASE without WHEN");
        }
    }
}
