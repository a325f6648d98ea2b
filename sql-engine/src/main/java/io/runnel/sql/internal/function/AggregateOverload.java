package io.runnel.sql.internal.function;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * One overload of an aggregate: the signature lists the {@code columnCount} column arguments
 * first, then the factory's constant arguments. {@code aggregateType}/{@code outputType} are the
 * patterns of {@code Udaf<I, A, O>}'s A and O, resolved per call (type variables bound by the
 * arguments) unless the factory gives them as SQL text ({@code aggregateSchema}, {@code returnSchema},
 * empty when not given), which may name the type variables, e.g. {@code STRUCT<SEQ BIGINT, VAL T>}.
 */
public record AggregateOverload(FunctionSignature signature, int columnCount, String description, Method factory,
                                MethodHandle handle, ParamType aggregateType, ParamType outputType,
                                String aggregateSchema, String returnSchema, boolean supportsUndo) {
    public AggregateOverload {
        Objects.requireNonNull(signature, "signature");
        if (columnCount < 0 || columnCount > signature.parameters().size()) {
            throw new IllegalArgumentException("columnCount " + columnCount);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(outputType, "outputType");
        Objects.requireNonNull(aggregateSchema, "aggregateSchema");
        Objects.requireNonNull(returnSchema, "returnSchema");
    }
}
