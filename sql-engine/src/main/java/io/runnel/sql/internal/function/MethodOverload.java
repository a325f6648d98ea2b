package io.runnel.sql.internal.function;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.catalog.SqlType;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * One overload of a scalar or table function: its SQL signature and the Java method behind it.
 * {@code handle} is the method as a {@link MethodHandle}, already bound to {@code instance} for an
 * instance method. For a table function the signature's return type is the produced column's
 * type (the element type of the method's {@code List} result).
 *
 * @param returnTypeProvider computes the return type from the argument types, or null when the
 *                           signature's return type (after binding type variables) is used
 */
public record MethodOverload(FunctionSignature signature, String description, Method method, MethodHandle handle,
                             Object instance, ReturnTypeProvider returnTypeProvider) {
    public MethodOverload {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handle, "handle");
        if (!Modifier.isStatic(method.getModifiers())) Objects.requireNonNull(instance, "instance of " + method);
    }

    public boolean isStatic() {
        return Modifier.isStatic(method.getModifiers());
    }

    /** The return type for a match of this overload; a SqlException when the types leave it open. */
    public SqlType returnType(SignatureMatcher.Match match) {
        SqlType type = returnTypeProvider != null
                ? returnTypeProvider.returnType(match.parameterTypes())
                : SignatureMatcher.substitute(signature.returnType(), match.bindings(), null);
        if (type == null) {
            throw new SqlException(SqlErrorCode.NO_MATCHING_FUNCTION_OVERLOAD, "Cannot infer the return type of "
                    + signature.display() + " for arguments " + match.parameterTypes());
        }
        return type;
    }
}
