package io.runnel.sql.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One overload of a scalar function whose class carries {@link UdfDescription}. Parameter and
 * return types are taken from the Java signature (mapping in docs/internals/sql-engine.md):
 * {@code Integer}/{@code int} INT, {@code Long} BIGINT, {@code Double} DOUBLE, {@code BigDecimal}
 * any DECIMAL, {@code String} STRING, {@code Boolean} BOOLEAN, {@code ByteBuffer} BYTES,
 * {@code LocalDate} DATE, {@code LocalTime} TIME, {@code Instant} TIMESTAMP, {@code List<T>}
 * ARRAY, {@code Map<K, V>} MAP, {@link Struct} any STRUCT, a type variable or {@code Object} any
 * type (bound per call), {@code Function}/{@code BiFunction}/{@link TriFunction} a lambda, and a
 * trailing Java varargs parameter SQL varargs.
 *
 * <p>A return type that the Java type does not determine (DECIMAL, STRUCT) is given by
 * {@link #schema()} or by a {@link UdfSchemaProvider} method named in {@link #schemaProvider()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Udf {
    String description() default "";

    /** The SQL return type, e.g. {@code DECIMAL(10, 2)} or {@code STRUCT<A INT>}; empty = from the Java type. */
    String schema() default "";

    /** Name of a {@link UdfSchemaProvider} method of the same class computing the return type from the argument types. */
    String schemaProvider() default "";
}
