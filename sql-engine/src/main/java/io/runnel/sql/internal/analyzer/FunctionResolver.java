package io.runnel.sql.internal.analyzer;

import io.runnel.sql.internal.catalog.SqlType;
import java.util.List;

/**
 * Finds the function a call refers to, for the analyzer and the expression compiler. The
 * function registry implements it; tests may use a small fixed set of functions.
 */
public interface FunctionResolver {

    /**
     * The function {@code name} (case-insensitive) applied to arguments of these types. A null
     * entry is an argument of unknown type (a NULL literal), which matches any parameter.
     *
     * @throws io.runnel.sql.SqlException when there is no such function or no matching signature
     */
    ResolvedFunction resolve(String name, List<SqlType> argumentTypes);

    /**
     * A lambda argument of a call being resolved: its number of parameters, and how to type its
     * body given the types of its parameters (may be called once per candidate overload).
     */
    record LambdaArgument(int arity, java.util.function.Function<List<SqlType>, SqlType> bodyType) {
        public LambdaArgument {
            java.util.Objects.requireNonNull(bodyType, "bodyType");
        }
    }

    /**
     * As {@link #resolve(String, List)} for a call where some arguments are lambdas or string
     * literals. A lambda's position in {@code argumentTypes} holds null and {@code lambdas}
     * describes it; the resolved function tells its parameter types
     * ({@link ResolvedFunction#lambdaInputTypes}). A string literal (its position in
     * {@code stringLiterals}, its type STRING) may also stand for a DATE, TIME or TIMESTAMP
     * parameter, as in ksqlDB; the call converts it.
     */
    default ResolvedFunction resolve(String name, List<SqlType> argumentTypes,
                                     java.util.Map<Integer, LambdaArgument> lambdas,
                                     java.util.Set<Integer> stringLiterals) {
        if (!lambdas.isEmpty()) {
            throw new io.runnel.sql.SqlException(io.runnel.sql.SqlErrorCode.UNSUPPORTED_FEATURE,
                    "Lambda arguments are not supported (function " + name + ")");
        }
        return resolve(name, argumentTypes);
    }

    /** A resolved scalar function: its return type and how to call it on evaluated arguments. */
    interface ResolvedFunction {

        SqlType returnType();

        /**
         * Calls the function. Arguments are Java values per docs/internals/sql-engine.md, already
         * converted to the parameter types the resolution chose.
         */
        Object invoke(Object[] arguments);

        /** The parameter types the arguments are converted to before {@link #invoke}. */
        List<SqlType> parameterTypes();

        /**
         * Per argument, the parameter types of a lambda argument (null for other arguments); the
         * lambda is passed to {@link #invoke} as a {@code Function}, {@code BiFunction} or
         * {@link io.runnel.sql.function.TriFunction} by its number of parameters.
         */
        default List<List<SqlType>> lambdaInputTypes() {
            return List.of();
        }

        /** True for a table function: {@link #invoke} returns a list of values of {@link #returnType()}. */
        default boolean tableFunction() {
            return false;
        }
    }

    /** True when {@code name} (case-insensitive) is a table function (EXPLODE, ...): one call, many rows. */
    default boolean isTableFunction(String name) {
        return false;
    }

    /**
     * The table function {@code name} applied to arguments of these types; its return type is the
     * type of each produced value, and {@link ResolvedFunction#invoke} returns a {@code List} of them.
     */
    default ResolvedFunction resolveTable(String name, List<SqlType> argumentTypes) {
        throw new io.runnel.sql.SqlException(io.runnel.sql.SqlErrorCode.INVALID_STATEMENT,
                "Unknown table function '" + name + "'");
    }

    /** True when {@code name} (case-insensitive) is an aggregate function (COUNT, SUM, ...). */
    default boolean isAggregate(String name) {
        return false;
    }

    /**
     * The aggregate {@code name} applied to arguments of these types ({@code COUNT(*)} has none).
     *
     * @throws io.runnel.sql.SqlException when there is no such aggregate or no matching signature
     */
    default ResolvedAggregate resolveAggregate(String name, List<SqlType> argumentTypes) {
        throw new io.runnel.sql.SqlException(io.runnel.sql.SqlErrorCode.INVALID_STATEMENT,
                "Unknown aggregate function '" + name + "'");
    }

    /** A resolved aggregate: the types of its result and state, and how to run it. */
    interface ResolvedAggregate {

        String name();

        SqlType returnType();

        List<SqlType> parameterTypes();

        /** The type of the aggregation state (what the state store keeps). */
        SqlType aggregateType();

        /** How many leading arguments are columns; the others are constants given to {@link #create}. */
        int columnCount();

        /** A new aggregation for the constant arguments' values. */
        io.runnel.sql.function.Udaf<Object, Object, Object> create(List<Object> constantArguments);

        /** The value to aggregate for one record's column argument values (converted and paired). */
        Object input(Object... columnValues);

        /** True when the aggregate can take a value back out ({@link io.runnel.sql.function.TableUdaf}). */
        boolean supportsUndo();
    }

    /** A resolver that knows no functions. */
    FunctionResolver NONE = (name, types) -> {
        throw new io.runnel.sql.SqlException(io.runnel.sql.SqlErrorCode.INVALID_STATEMENT,
                "Unknown function '" + name + "'");
    };
}
