package io.runnel.sql.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public static method of a {@link UdafDescription} class returning {@code Udaf<I, A, O>}: one
 * overload of the aggregate. {@code I} is the column argument's type ({@link Pair} for two
 * column arguments); the method's own parameters are the aggregate's constant arguments (e.g.
 * {@code TOPK(col, 3)}: the {@code 3}), given once when the aggregation is built. Types the Java
 * signature does not determine (DECIMAL, STRUCT) are given as SQL text in {@link #paramSchema()},
 * {@link #aggregateSchema()} and {@link #returnSchema()}; a DECIMAL left open takes the input
 * column's type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UdafFactory {
    String description();

    String paramSchema() default "";

    String aggregateSchema() default "";

    String returnSchema() default "";
}
