package io.runnel.sql.internal.function;

import io.runnel.sql.internal.catalog.SqlType;
import java.util.List;

/**
 * Computes an overload's return type from the SQL types its arguments are converted to (null for
 * a lambda argument), for return types the Java type leaves open (DECIMAL, STRUCT).
 */
@FunctionalInterface
public interface ReturnTypeProvider {
    SqlType returnType(List<SqlType> parameterTypes);
}
