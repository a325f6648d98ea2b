package io.runnel.sql.internal.function;

import io.runnel.sql.internal.catalog.SqlType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;

/**
 * A {@link ScalarInvoker} over a method handle spread to take an {@code Object[]}: no reflection
 * per call. Conversions are only applied to the arguments that need widening. A NULL argument
 * for a primitive Java parameter makes the result NULL without calling the function.
 */
final class MethodHandleInvoker implements ScalarInvoker {
    private final String name;
    private final MethodHandle spread;
    private final SqlType[] from;
    private final SqlType[] to;
    private final boolean converts;
    private final int variadicFrom;
    private final Class<?> variadicComponent;
    private final int javaParameterCount;
    private final boolean[] primitive;

    MethodHandleInvoker(ResolvedFunction function) {
        this.name = function.name();
        MethodHandle handle = function.handle().asFixedArity();
        this.javaParameterCount = handle.type().parameterCount();
        this.spread = handle.asSpreader(Object[].class, javaParameterCount)
                .asType(MethodType.methodType(Object.class, Object[].class));
        int n = function.argumentTypes().size();
        this.from = function.argumentTypes().toArray(new SqlType[0]);
        this.to = function.parameterTypes().toArray(new SqlType[0]);
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (from[i] != null && to[i] != null && !from[i].equals(to[i])) any = true;
        }
        this.converts = any;
        this.variadicFrom = function.variadicFrom();
        Class<?>[] params = function.method().getParameterTypes();
        this.variadicComponent = variadicFrom >= 0 ? params[params.length - 1].getComponentType() : null;
        this.primitive = new boolean[params.length];
        for (int i = 0; i < params.length; i++) primitive[i] = params[i].isPrimitive();
    }

    @Override
    public Object invoke(Object... args) {
        Object[] values = args;
        if (converts) {
            values = args.clone();
            for (int i = 0; i < values.length; i++) values[i] = ImplicitCasts.convert(values[i], from[i], to[i]);
        }
        if (variadicFrom >= 0) {
            Object[] packed = new Object[javaParameterCount];
            System.arraycopy(values, 0, packed, 0, variadicFrom);
            int count = values.length - variadicFrom;
            Object array = Array.newInstance(variadicComponent, count);
            for (int i = 0; i < count; i++) {
                Object v = values[variadicFrom + i];
                if (v == null && variadicComponent.isPrimitive()) return null;
                Array.set(array, i, v);
            }
            packed[variadicFrom] = array;
            values = packed;
        }
        for (int i = 0; i < primitive.length; i++) {
            if (primitive[i] && values[i] == null) return null;
        }
        try {
            return spread.invokeExact(values);
        } catch (Throwable t) {
            if (t instanceof Error e && !(t instanceof StackOverflowError)) throw e;
            throw new FunctionInvocationException(name, t);
        }
    }
}
