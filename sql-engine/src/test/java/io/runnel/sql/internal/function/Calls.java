package io.runnel.sql.internal.function;

import io.runnel.sql.internal.catalog.SqlType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test helper: calls a built-in function through the registry, typing each argument from its
 * Java value (as the analyzer would from the expression), so tests exercise resolution and the
 * invoker together.
 */
public final class Calls {
    public static final FunctionRegistry REGISTRY = FunctionRegistry.withBuiltIns();

    private Calls() {
    }

    /** A lambda argument for {@link #call}: the Java function, its arity and its body's SQL type. */
    public record Lambda(Object function, int arity, SqlType bodyType) {
    }

    public static Lambda lambda(int arity, SqlType bodyType, Object function) {
        return new Lambda(function, arity, bodyType);
    }

    public static Object call(String name, Object... args) {
        List<ArgType> types = new ArrayList<>();
        Object[] values = args.clone();
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Lambda l) {
                types.add(ArgType.lambda(l.arity(), inputs -> l.bodyType()));
                values[i] = l.function();
            } else {
                types.add(a == null ? ArgType.nullLiteral() : ArgType.of(typeOf(a)));
            }
        }
        return REGISTRY.resolveScalar(name, types).invoker().invoke(values);
    }

    /** Calls with explicit SQL types (e.g. a NULL of a given type, or an empty array). */
    public static Object callTyped(String name, List<SqlType> types, Object... args) {
        return REGISTRY.resolveScalar(name, types.stream().map(ArgType::of).toList()).invoker().invoke(args);
    }

    public static ByteBuffer bytes(String utf8) {
        return ByteBuffer.wrap(utf8.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
    }

    public static SqlType typeOf(Object value) {
        if (value instanceof Integer) return SqlType.INTEGER;
        if (value instanceof Long) return SqlType.BIGINT;
        if (value instanceof Double) return SqlType.DOUBLE;
        if (value instanceof Boolean) return SqlType.BOOLEAN;
        if (value instanceof String) return SqlType.STRING;
        if (value instanceof ByteBuffer) return SqlType.BYTES;
        if (value instanceof LocalDate) return SqlType.DATE;
        if (value instanceof LocalTime) return SqlType.TIME;
        if (value instanceof Instant) return SqlType.TIMESTAMP;
        if (value instanceof BigDecimal d) return new SqlType.Decimal(Math.max(d.precision(), d.scale() + 1), d.scale());
        if (value instanceof List<?> l) {
            for (Object e : l) if (e != null) return new SqlType.Array(typeOf(e));
            return new SqlType.Array(SqlType.STRING);
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() != null) return new SqlType.Map(typeOf(e.getKey()), typeOf(e.getValue()));
            }
            return new SqlType.Map(SqlType.STRING, SqlType.STRING);
        }
        throw new IllegalArgumentException("no SQL type for " + value.getClass());
    }
}
