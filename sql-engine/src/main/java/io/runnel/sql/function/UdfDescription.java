package io.runnel.sql.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a scalar function (UDF): its {@link Udf} methods are the overloads of the
 * function {@link #name()} (case-insensitive). The class needs a public no-argument constructor
 * when it has instance {@code @Udf} methods; one instance is shared by every call of the
 * function in a query and must therefore be safe to call from several threads.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UdfDescription {
    /** The function's SQL name. */
    String name();

    String description();

    String author() default "";

    String version() default "";

    /** Shown by DESCRIBE FUNCTION, e.g. the category (string, math, date/time...). */
    String category() default "";
}
