package io.runnel.sql.internal.analyzer;

import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.function.ArgType;
import io.runnel.sql.internal.function.FunctionRegistry;
import io.runnel.sql.internal.function.ScalarInvoker;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyzer's view of the {@link FunctionRegistry}. Calls go through the registry's invoker,
 * which widens arguments itself, so the parameter types reported are the argument types (the
 * compiler converts nothing before the call). Thread-safe when the registry is.
 */
public final class RegistryFunctionResolver implements FunctionResolver {
    private final FunctionRegistry registry;

    public RegistryFunctionResolver(FunctionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ResolvedFunction resolve(String name, List<SqlType> argumentTypes) {
        return adapt(registry.resolveScalar(name, argTypes(argumentTypes)), argumentTypes, false);
    }

    @Override
    public ResolvedFunction resolve(String name, List<SqlType> argumentTypes,
                                    java.util.Map<Integer, LambdaArgument> lambdas,
                                    java.util.Set<Integer> stringLiterals) {
        List<ArgType> args = argTypes(argumentTypes);
        for (int i : stringLiterals) {
            args.set(i, ArgType.stringLiteral(""));
        }
        for (java.util.Map.Entry<Integer, LambdaArgument> e : lambdas.entrySet()) {
            LambdaArgument lambda = e.getValue();
            args.set(e.getKey(), ArgType.lambda(lambda.arity(), inputs -> lambda.bodyType().apply(inputs)));
        }
        return adapt(registry.resolveScalar(name, args), argumentTypes, false);
    }

    @Override
    public boolean isTableFunction(String name) {
        return registry.isTableFunction(name);
    }

    @Override
    public ResolvedFunction resolveTable(String name, List<SqlType> argumentTypes) {
        return adapt(registry.resolveTable(name, argTypes(argumentTypes)), argumentTypes, true);
    }

    private static ResolvedFunction adapt(io.runnel.sql.internal.function.ResolvedFunction f,
                                          List<SqlType> argumentTypes, boolean table) {
        ScalarInvoker invoker = f.invoker();
        SqlType returnType = f.returnType();
        List<SqlType> parameters = java.util.Collections.unmodifiableList(new ArrayList<>(argumentTypes));
        List<List<SqlType>> lambdaInputs = f.lambdaInputTypes();
        return new ResolvedFunction() {
            @Override
            public List<List<SqlType>> lambdaInputTypes() {
                return lambdaInputs;
            }

            @Override
            public SqlType returnType() {
                return returnType;
            }

            @Override
            public Object invoke(Object[] arguments) {
                return invoker.invoke(arguments);
            }

            @Override
            public List<SqlType> parameterTypes() {
                return parameters;
            }

            @Override
            public boolean tableFunction() {
                return table;
            }
        };
    }

    @Override
    public boolean isAggregate(String name) {
        return registry.isAggregate(name);
    }

    @Override
    public ResolvedAggregate resolveAggregate(String name, List<SqlType> argumentTypes) {
        io.runnel.sql.internal.function.ResolvedAggregate a = registry.resolveAggregate(name, argTypes(argumentTypes));
        return new ResolvedAggregate() {
            @Override
            public String name() {
                return a.name();
            }

            @Override
            public SqlType returnType() {
                return a.returnType();
            }

            @Override
            public List<SqlType> parameterTypes() {
                return a.parameterTypes();
            }

            @Override
            public SqlType aggregateType() {
                return a.aggregateType();
            }

            @Override
            public int columnCount() {
                return a.columnCount();
            }

            @Override
            public io.runnel.sql.function.Udaf<Object, Object, Object> create(List<Object> constantArguments) {
                return a.create(constantArguments);
            }

            @Override
            public Object input(Object... columnValues) {
                return a.input(columnValues);
            }

            @Override
            public boolean supportsUndo() {
                return a.supportsUndo();
            }
        };
    }

    private static List<ArgType> argTypes(List<SqlType> types) {
        List<ArgType> out = new ArrayList<>();
        for (SqlType t : types) {
            out.add(t == null ? ArgType.NullLiteral.INSTANCE : new ArgType.Typed(t));
        }
        return out;
    }
}
