package io.runnel.sql.internal.function;

/**
 * Calls a resolved function with argument values of the argument types the call was resolved
 * for (the invoker applies the implicit widening and packs varargs). For interpreted paths and
 * tests; generated code calls the function's method directly. Thread-safe when the function is.
 */
@FunctionalInterface
public interface ScalarInvoker {
    /** The function's result; a failure of the function is thrown as {@link FunctionInvocationException}. */
    Object invoke(Object... args);
}
