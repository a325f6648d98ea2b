package io.runnel.sql.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an aggregate function (UDAF): its static {@link UdafFactory} methods are the
 * overloads, each returning a new {@link Udaf} (or {@link TableUdaf}) per aggregation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UdafDescription {
    String name();

    String description();

    String author() default "";

    String version() default "";

    String category() default "";
}
