package io.runnel.sql.internal.function;

import io.runnel.sql.function.Pair;
import io.runnel.sql.function.TableUdaf;
import io.runnel.sql.function.Udaf;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An aggregate call resolved to one factory overload. The planner evaluates the constant
 * arguments once and calls {@link #create(List)} per aggregation (per task); the resulting
 * {@link Udaf} is fed the column values: for one column argument the value itself, for two a
 * {@link Pair} (convert each with {@link ImplicitCasts#convert} from {@link #argumentTypes()} to
 * {@link #parameterTypes()} first; {@link #input(Object...)} does both). The aggregate's state has
 * type {@link #aggregateType()} (the state store's value serde uses it), the output
 * {@link #returnType()}.
 */
public record ResolvedAggregate(String name, AggregateOverload overload, List<SqlType> argumentTypes,
                                List<SqlType> parameterTypes, SqlType aggregateType, SqlType returnType) {
    public ResolvedAggregate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(overload, "overload");
        argumentTypes = Collections.unmodifiableList(new ArrayList<>(argumentTypes));
        parameterTypes = Collections.unmodifiableList(new ArrayList<>(parameterTypes));
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(returnType, "returnType");
    }

    /** How many leading arguments are columns (the rest are constants passed to {@link #create}). */
    public int columnCount() {
        return overload.columnCount();
    }

    /** Whether the aggregate implements {@link TableUdaf} (can aggregate a table's changes). */
    public boolean supportsUndo() {
        return overload.supportsUndo();
    }

    /** A new aggregate instance for the constant arguments' values (in argument order, after the columns). */
    @SuppressWarnings("unchecked")
    public Udaf<Object, Object, Object> create(List<Object> constantArguments) {
        int expected = parameterTypes.size() - columnCount();
        if (constantArguments.size() != expected) {
            throw new IllegalArgumentException(name + " expects " + expected + " constant arguments, got "
                    + constantArguments.size());
        }
        Object[] values = new Object[expected];
        for (int i = 0; i < expected; i++) {
            int arg = columnCount() + i;
            values[i] = ImplicitCasts.convert(constantArguments.get(i), argumentTypes.get(arg), parameterTypes.get(arg));
        }
        try {
            return (Udaf<Object, Object, Object>) overload.handle().invokeWithArguments(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new FunctionInvocationException(name, t);
        }
    }

    /** The value to pass to {@link Udaf#aggregate} for the column values of one record (widened, paired). */
    public Object input(Object... columnValues) {
        if (columnValues.length != columnCount()) {
            throw new IllegalArgumentException(name + " takes " + columnCount() + " columns, got " + columnValues.length);
        }
        Object[] v = new Object[columnValues.length];
        for (int i = 0; i < v.length; i++) v[i] = ImplicitCasts.convert(columnValues[i], argumentTypes.get(i), parameterTypes.get(i));
        return switch (v.length) {
            case 0 -> null;
            case 1 -> v[0];
            case 2 -> new Pair<>(v[0], v[1]);
            default -> throw new IllegalStateException("more than two column arguments");
        };
    }
}
