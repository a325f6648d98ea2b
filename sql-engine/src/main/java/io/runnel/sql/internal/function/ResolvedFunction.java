package io.runnel.sql.internal.function;

import io.runnel.sql.internal.catalog.SqlType;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A scalar or table function call resolved to one overload, for given argument types: what the
 * code generator needs to call it directly.
 *
 * <ul>
 *   <li>{@link #method()}: a public Java method. When static, generated code calls it as
 *       {@code DeclaringClass.name(args)}; otherwise on {@link #instance()} (pass it to the
 *       generated class, e.g. as a constructor argument, and cast it to the declaring class).</li>
 *   <li>{@link #parameterTypes()}: per argument, the SQL type the argument value must be
 *       converted to before the call ({@link ImplicitCasts#convert}); equal to
 *       {@link #argumentTypes()} unless widened. Null for lambda arguments.</li>
 *   <li>Variadic overloads ({@link #variadicFrom()} &gt;= 0): arguments from that index on are
 *       passed as one Java array of the method's last parameter type.</li>
 *   <li>{@link #lambdaInputTypes()}: per argument, the types of a lambda argument's parameters
 *       (null for other arguments); the lambda is passed as a {@code java.util.function.Function},
 *       {@code BiFunction} or {@code TriFunction}.</li>
 *   <li>{@link #returnType()}: the SQL type of the result (for a table function: of each
 *       produced row's column; the method returns a {@code List} of them).</li>
 * </ul>
 *
 * @param argumentTypes per argument, its own type; null for a NULL literal or a lambda
 */
public record ResolvedFunction(String name, FunctionKind kind, MethodOverload overload, List<SqlType> argumentTypes,
                               List<SqlType> parameterTypes, List<List<SqlType>> lambdaInputTypes, SqlType returnType) {
    public ResolvedFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(overload, "overload");
        argumentTypes = Collections.unmodifiableList(new ArrayList<>(argumentTypes));
        parameterTypes = Collections.unmodifiableList(new ArrayList<>(parameterTypes));
        lambdaInputTypes = Collections.unmodifiableList(new ArrayList<>(lambdaInputTypes));
        Objects.requireNonNull(returnType, "returnType");
    }

    public Method method() {
        return overload.method();
    }

    /** The method as a handle, bound to the instance for instance methods; its Java parameter types are the method's. */
    public MethodHandle handle() {
        return overload.handle();
    }

    /** The object to call an instance method on; null for a static method. */
    public Object instance() {
        return overload.instance();
    }

    /** Index of the first argument packed into the varargs array, or -1 when the overload is not variadic. */
    public int variadicFrom() {
        FunctionSignature s = overload.signature();
        return s.variadic() ? s.parameters().size() - 1 : -1;
    }

    /** An invoker taking argument values of {@link #argumentTypes()}: converts, packs varargs, calls. */
    public ScalarInvoker invoker() {
        return new MethodHandleInvoker(this);
    }
}
