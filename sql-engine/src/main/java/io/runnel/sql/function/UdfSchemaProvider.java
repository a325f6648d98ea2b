package io.runnel.sql.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method computing the SQL return type of a {@link Udf} (or {@link Udtf}) from the SQL
 * types of the call's arguments, for return types the Java type does not determine (DECIMAL
 * precision and scale, STRUCT fields). The method is public, static or on the function's
 * instance, and has the signature {@code String name(List<String> argumentTypes)}: argument
 * types and the result are SQL type text as {@code DESCRIBE} prints it, e.g. {@code DECIMAL(4, 2)}
 * (a NULL literal argument is given as {@code NULL}). Parse decimal precision and scale with
 * {@link DecimalTypes}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UdfSchemaProvider {
}
