package io.runnel.sql.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class as a table function (UDTF): its {@link Udtf} methods return {@code List<T>}, one output row per element. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UdtfDescription {
    String name();

    String description();

    String author() default "";

    String version() default "";

    String category() default "";
}
