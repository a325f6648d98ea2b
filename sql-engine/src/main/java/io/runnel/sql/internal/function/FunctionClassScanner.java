package io.runnel.sql.internal.function;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.function.Pair;
import io.runnel.sql.function.TableUdaf;
import io.runnel.sql.function.Udaf;
import io.runnel.sql.function.UdafDescription;
import io.runnel.sql.function.UdafFactory;
import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import io.runnel.sql.function.UdfSchemaProvider;
import io.runnel.sql.function.Udtf;
import io.runnel.sql.function.UdtfDescription;
import io.runnel.sql.internal.catalog.SqlType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns an annotated class into a function definition: {@link UdfDescription} + {@link Udf}
 * methods (scalar), {@link UdtfDescription} + {@link Udtf} methods (table), {@link UdafDescription}
 * + static {@link UdafFactory} methods (aggregate). Every problem with the class (no SQL type for a
 * Java type, a DECIMAL result without schema, no public constructor) is an
 * INVALID_FUNCTION_DEFINITION error naming the class and method. Methods are taken in a stable
 * order (by name, then parameter types) so overload ties resolve the same way on every JVM.
 */
public final class FunctionClassScanner {

    private FunctionClassScanner() {
    }

    /** Whether the class carries one of the function annotations. */
    public static boolean isFunctionClass(Class<?> type) {
        return type.isAnnotationPresent(UdfDescription.class) || type.isAnnotationPresent(UdtfDescription.class)
                || type.isAnnotationPresent(UdafDescription.class);
    }

    public static MethodFunction scalar(Class<?> type, String source) {
        UdfDescription d = type.getAnnotation(UdfDescription.class);
        if (d == null) throw invalid(type, "is not annotated @UdfDescription");
        FunctionMetadata metadata = new FunctionMetadata(d.name(), d.name(), FunctionKind.SCALAR, d.description(), d.author(),
                d.version(), d.category(), source);
        Object instance = null;
        List<MethodOverload> overloads = new ArrayList<>();
        for (Method m : sortedMethods(type)) {
            Udf udf = m.getAnnotation(Udf.class);
            if (udf == null) continue;
            if (!Modifier.isStatic(m.getModifiers()) && instance == null) instance = instantiate(type);
            ParamType ret = returnPattern(m, m.getGenericReturnType(), udf.schema());
            overloads.add(overload(metadata.name(), m, ret, udf.description(), udf.schemaProvider(), instance));
        }
        if (overloads.isEmpty()) throw invalid(type, "has no public @Udf methods");
        return new MethodFunction(metadata, overloads);
    }

    public static MethodFunction table(Class<?> type, String source) {
        UdtfDescription d = type.getAnnotation(UdtfDescription.class);
        if (d == null) throw invalid(type, "is not annotated @UdtfDescription");
        FunctionMetadata metadata = new FunctionMetadata(d.name(), d.name(), FunctionKind.TABLE, d.description(), d.author(),
                d.version(), d.category(), source);
        Object instance = null;
        List<MethodOverload> overloads = new ArrayList<>();
        for (Method m : sortedMethods(type)) {
            Udtf udtf = m.getAnnotation(Udtf.class);
            if (udtf == null) continue;
            if (!Modifier.isStatic(m.getModifiers()) && instance == null) instance = instantiate(type);
            Type ret = m.getGenericReturnType();
            if (!(ret instanceof ParameterizedType p && p.getRawType() == List.class)) {
                throw invalid(type, "@Udtf method " + m.getName() + " must return a List");
            }
            ParamType element = returnPattern(m, p.getActualTypeArguments()[0], udtf.schema());
            overloads.add(overload(metadata.name(), m, element, udtf.description(), udtf.schemaProvider(), instance));
        }
        if (overloads.isEmpty()) throw invalid(type, "has no public @Udtf methods");
        return new MethodFunction(metadata, overloads);
    }

    public static AggregateFunction aggregate(Class<?> type, String source) {
        UdafDescription d = type.getAnnotation(UdafDescription.class);
        if (d == null) throw invalid(type, "is not annotated @UdafDescription");
        FunctionMetadata metadata = new FunctionMetadata(d.name(), d.name(), FunctionKind.AGGREGATE, d.description(), d.author(),
                d.version(), d.category(), source);
        List<AggregateOverload> overloads = new ArrayList<>();
        for (Method m : sortedMethods(type)) {
            UdafFactory factory = m.getAnnotation(UdafFactory.class);
            if (factory == null) continue;
            if (!Modifier.isStatic(m.getModifiers())) throw invalid(type, "@UdafFactory " + m.getName() + " must be static");
            overloads.add(aggregateOverload(metadata.name(), m, factory));
        }
        if (overloads.isEmpty()) throw invalid(type, "has no public static @UdafFactory methods");
        return new AggregateFunction(metadata, overloads);
    }

    private static AggregateOverload aggregateOverload(String name, Method m, UdafFactory factory) {
        Type ret = m.getGenericReturnType();
        if (!(ret instanceof ParameterizedType p) || !(p.getRawType() == Udaf.class || p.getRawType() == TableUdaf.class)) {
            throw invalid(m.getDeclaringClass(), "@UdafFactory " + m.getName() + " must return Udaf<I, A, O> or TableUdaf<I, A, O>");
        }
        Type[] iao = p.getActualTypeArguments();
        try {
            List<ParamType> params = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Type input = iao[0];
            List<Type> columns = input instanceof ParameterizedType pi && pi.getRawType() == Pair.class
                    ? Arrays.asList(pi.getActualTypeArguments()) : List.of(input);
            String[] columnSchemas = factory.paramSchema().isEmpty() ? new String[0] : factory.paramSchema().split(";");
            for (int i = 0; i < columns.size(); i++) {
                params.add(i < columnSchemas.length && !columnSchemas[i].isBlank()
                        ? new ParamType.Exact(SchemaText.parse(columnSchemas[i].trim()))
                        : JavaTypes.toParamType(columns.get(i)));
                names.add(columns.size() == 1 ? "val" : "val" + (i + 1));
            }
            Parameter[] constants = m.getParameters();
            for (int i = 0; i < constants.length; i++) {
                params.add(parameterType(constants[i]));
                names.add(parameterName(constants[i], i));
            }
            ParamType aggregate = factory.aggregateSchema().isEmpty() ? JavaTypes.toParamType(iao[1]) : new ParamType.Any();
            ParamType output = factory.returnSchema().isEmpty() ? JavaTypes.toParamType(iao[2]) : new ParamType.Any();
            checkSchema(factory.aggregateSchema(), params);
            checkSchema(factory.returnSchema(), params);
            FunctionSignature signature = new FunctionSignature(name, params, names, false, output);
            MethodHandle handle = MethodHandles.publicLookup().unreflect(m);
            return new AggregateOverload(signature, columns.size(), factory.description(), m, handle, aggregate, output,
                    factory.aggregateSchema(), factory.returnSchema(), p.getRawType() == TableUdaf.class || TableUdaf.class.isAssignableFrom(m.getReturnType()));
        } catch (IllegalArgumentException | IllegalAccessException | SqlException e) {
            throw invalid(m.getDeclaringClass(), "@UdafFactory " + m.getName() + ": " + e.getMessage());
        }
    }

    /** Parses schema text with every type variable of the parameters bound to a placeholder, to fail at registration. */
    private static void checkSchema(String schema, List<ParamType> params) {
        if (schema.isEmpty()) return;
        java.util.Map<String, SqlType> placeholders = new java.util.HashMap<>();
        for (ParamType p : params) collectGenerics(p, placeholders);
        SchemaText.parse(schema, placeholders);
    }

    private static void collectGenerics(ParamType p, java.util.Map<String, SqlType> into) {
        if (p instanceof ParamType.Generic g) into.put(g.name(), SqlType.STRING);
        if (p instanceof ParamType.ArrayOf a) collectGenerics(a.element(), into);
        if (p instanceof ParamType.MapOf m) {
            collectGenerics(m.key(), into);
            collectGenerics(m.value(), into);
        }
    }

    private static MethodOverload overload(String name, Method m, ParamType returnType, String description,
                                           String providerName, Object instance) {
        Class<?> type = m.getDeclaringClass();
        try {
            Parameter[] parameters = m.getParameters();
            List<ParamType> params = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < parameters.length; i++) {
                Parameter parameter = parameters[i];
                if (m.isVarArgs() && i == parameters.length - 1) {
                    Type component = parameter.getParameterizedType() instanceof java.lang.reflect.GenericArrayType g
                            ? g.getGenericComponentType() : parameter.getType().getComponentType();
                    params.add(JavaTypes.toParamType(component));
                } else {
                    params.add(parameterType(parameter));
                }
                names.add(parameterName(parameter, i));
            }
            ReturnTypeProvider provider = providerName.isEmpty() ? null : provider(type, providerName, instance);
            if (provider == null && needsArgumentForReturn(returnType, params)) {
                throw new IllegalArgumentException("return type " + returnType.display()
                        + " is not determined by the parameters; give @Udf(schema) or @Udf(schemaProvider)");
            }
            FunctionSignature signature = new FunctionSignature(name, params, names, m.isVarArgs(), returnType);
            MethodHandle handle = MethodHandles.publicLookup().unreflect(m);
            if (!Modifier.isStatic(m.getModifiers())) handle = handle.bindTo(instance);
            return new MethodOverload(signature, description, m, handle, instance, provider);
        } catch (IllegalArgumentException | IllegalAccessException | SqlException e) {
            throw invalid(type, "method " + m.getName() + ": " + e.getMessage());
        }
    }

    /** A return type needing a provider: open DECIMAL/STRUCT/ANY, or a type variable no parameter binds. */
    private static boolean needsArgumentForReturn(ParamType ret, List<ParamType> params) {
        if (ret instanceof ParamType.AnyDecimal || ret instanceof ParamType.AnyStruct || ret instanceof ParamType.Any) return true;
        if (ret instanceof ParamType.ArrayOf a) return needsArgumentForReturn(a.element(), params);
        if (ret instanceof ParamType.MapOf mp) return needsArgumentForReturn(mp.key(), params) || needsArgumentForReturn(mp.value(), params);
        if (ret instanceof ParamType.Generic g) return params.stream().noneMatch(p -> mentions(p, g.name()));
        return false;
    }

    private static boolean mentions(ParamType p, String generic) {
        if (p instanceof ParamType.Generic g) return g.name().equals(generic);
        if (p instanceof ParamType.ArrayOf a) return mentions(a.element(), generic);
        if (p instanceof ParamType.MapOf m) return mentions(m.key(), generic) || mentions(m.value(), generic);
        if (p instanceof ParamType.Lambda l) return mentions(l.output(), generic) || l.inputs().stream().anyMatch(i -> mentions(i, generic));
        return false;
    }

    private static ParamType returnPattern(Method m, Type javaType, String schema) {
        try {
            return schema.isEmpty() ? JavaTypes.toParamType(javaType) : new ParamType.Exact(SchemaText.parse(schema));
        } catch (IllegalArgumentException | SqlException e) {
            throw invalid(m.getDeclaringClass(), "method " + m.getName() + " return type: " + e.getMessage());
        }
    }

    private static ParamType parameterType(Parameter parameter) {
        UdfParameter annotation = parameter.getAnnotation(UdfParameter.class);
        if (annotation != null && !annotation.schema().isEmpty()) return new ParamType.Exact(SchemaText.parse(annotation.schema()));
        return JavaTypes.toParamType(parameter.getParameterizedType());
    }

    private static String parameterName(Parameter parameter, int index) {
        UdfParameter annotation = parameter.getAnnotation(UdfParameter.class);
        if (annotation != null && !annotation.value().isEmpty()) return annotation.value();
        if (annotation != null && !annotation.name().isEmpty()) return annotation.name();
        return parameter.isNamePresent() ? parameter.getName() : "arg" + index;
    }

    /** A @UdfSchemaProvider method: {@code SqlType f(List<SqlType>)} (built-ins) or {@code String f(List<String>)} (users). */
    private static ReturnTypeProvider provider(Class<?> type, String name, Object instance) throws IllegalAccessException {
        Optional<Method> found = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(UdfSchemaProvider.class)
                        && m.getParameterCount() == 1 && m.getParameterTypes()[0] == List.class)
                .findFirst();
        if (found.isEmpty()) throw new IllegalArgumentException("no public @UdfSchemaProvider method " + name + "(List)");
        Method m = found.get();
        MethodHandle handle = MethodHandles.publicLookup().unreflect(m);
        Object target = Modifier.isStatic(m.getModifiers()) ? null : (instance != null ? instance : instantiate(type));
        MethodHandle bound = target == null ? handle : handle.bindTo(target);
        boolean textual = m.getReturnType() == String.class;
        if (!textual && m.getReturnType() != SqlType.class) {
            throw new IllegalArgumentException("@UdfSchemaProvider " + name + " must return String (or SqlType)");
        }
        return parameterTypes -> {
            try {
                if (textual) {
                    List<String> texts = parameterTypes.stream().map(t -> t == null ? "NULL" : t.sql()).toList();
                    return SchemaText.parse((String) bound.invoke(texts));
                }
                return (SqlType) bound.invoke(parameterTypes);
            } catch (SqlException e) {
                throw e;
            } catch (Throwable t) {
                throw new SqlException(SqlErrorCode.NO_MATCHING_FUNCTION_OVERLOAD,
                        "Schema provider " + type.getName() + "." + name + " failed: " + t.getMessage());
            }
        };
    }

    private static Object instantiate(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw invalid(type, "needs a public no-argument constructor for its instance methods (" + e + ")");
        }
    }

    private static List<Method> sortedMethods(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .sorted(Comparator.comparing(Method::getName)
                        .thenComparing(m -> Arrays.toString(m.getParameterTypes()))
                        .thenComparing(m -> Arrays.toString(m.getGenericParameterTypes())))
                .toList();
    }

    private static SqlException invalid(Class<?> type, String problem) {
        return new SqlException(SqlErrorCode.INVALID_FUNCTION_DEFINITION, "Function class " + type.getName() + " " + problem);
    }
}
