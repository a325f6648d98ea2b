package io.runnel.sql.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One overload of a table function; returns {@code List<T>}: the SQL type of the produced column is {@code T}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Udtf {
    String description() default "";

    /** The SQL type of the produced column when the Java type does not determine it. */
    String schema() default "";

    String schemaProvider() default "";
}
