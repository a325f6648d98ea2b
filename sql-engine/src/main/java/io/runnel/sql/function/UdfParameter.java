package io.runnel.sql.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names and describes a parameter of a {@link Udf}, {@link Udtf} or {@link UdafFactory} method. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface UdfParameter {
    /** The parameter's name (same as {@link #name()}; ksqlDB accepts either). */
    String value() default "";

    String name() default "";

    String description() default "";

    /** The parameter's SQL type when the Java type does not determine it (e.g. {@code STRUCT<A INT>}); empty = any. */
    String schema() default "";
}
