package io.runnel.sql.internal.function;

import io.runnel.sql.function.Struct;
import io.runnel.sql.function.TriFunction;
import io.runnel.sql.internal.catalog.SqlType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Maps the Java types of function parameters and results to {@link ParamType}s, following the
 * value mapping of docs/internals/sql-engine.md, and SQL types back to the Java class holding
 * their values.
 */
public final class JavaTypes {

    private JavaTypes() {
    }

    /** The SQL type pattern of a Java type; throws IllegalArgumentException for a type with no SQL equivalent. */
    public static ParamType toParamType(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) throw new IllegalArgumentException("Java arrays are not SQL types (use List): " + c.getTypeName());
            if (c == Integer.class || c == int.class) return new ParamType.Exact(SqlType.INTEGER);
            if (c == Long.class || c == long.class) return new ParamType.Exact(SqlType.BIGINT);
            if (c == Double.class || c == double.class) return new ParamType.Exact(SqlType.DOUBLE);
            if (c == Boolean.class || c == boolean.class) return new ParamType.Exact(SqlType.BOOLEAN);
            if (c == String.class) return new ParamType.Exact(SqlType.STRING);
            if (c == ByteBuffer.class) return new ParamType.Exact(SqlType.BYTES);
            if (c == LocalDate.class) return new ParamType.Exact(SqlType.DATE);
            if (c == LocalTime.class) return new ParamType.Exact(SqlType.TIME);
            if (c == Instant.class) return new ParamType.Exact(SqlType.TIMESTAMP);
            if (c == BigDecimal.class) return new ParamType.AnyDecimal();
            if (c == Struct.class) return new ParamType.AnyStruct();
            if (c == Object.class) return new ParamType.Any();
            if (c == List.class) return new ParamType.ArrayOf(new ParamType.Any());
            if (c == Map.class) return new ParamType.MapOf(new ParamType.Any(), new ParamType.Any());
            throw new IllegalArgumentException("no SQL type for Java type " + c.getTypeName());
        }
        if (type instanceof TypeVariable<?> v) return new ParamType.Generic(v.getName());
        if (type instanceof WildcardType w) {
            Type[] upper = w.getUpperBounds();
            return upper.length == 1 ? toParamType(upper[0]) : new ParamType.Any();
        }
        if (type instanceof GenericArrayType) {
            throw new IllegalArgumentException("Java arrays are not SQL types (use List): " + type.getTypeName());
        }
        if (type instanceof ParameterizedType p) {
            Type raw = p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class) return new ParamType.ArrayOf(toParamType(args[0]));
            if (raw == Map.class) return new ParamType.MapOf(toParamType(args[0]), toParamType(args[1]));
            if (raw == Function.class || raw == BiFunction.class || raw == TriFunction.class) {
                List<ParamType> inputs = new ArrayList<>();
                for (int i = 0; i < args.length - 1; i++) inputs.add(toParamType(args[i]));
                return new ParamType.Lambda(inputs, toParamType(args[args.length - 1]));
            }
            throw new IllegalArgumentException("no SQL type for Java type " + type.getTypeName());
        }
        throw new IllegalArgumentException("no SQL type for Java type " + type.getTypeName());
    }

    /** The Java class of values of a SQL type (docs/internals/sql-engine.md). */
    public static Class<?> javaClass(SqlType type) {
        return switch (type.baseType()) {
            case BOOLEAN -> Boolean.class;
            case INTEGER -> Integer.class;
            case BIGINT -> Long.class;
            case DOUBLE -> Double.class;
            case DECIMAL -> BigDecimal.class;
            case STRING -> String.class;
            case BYTES -> ByteBuffer.class;
            case DATE -> LocalDate.class;
            case TIME -> LocalTime.class;
            case TIMESTAMP -> Instant.class;
            case ARRAY -> List.class;
            case MAP -> Map.class;
            case STRUCT -> Struct.class;
        };
    }
}
