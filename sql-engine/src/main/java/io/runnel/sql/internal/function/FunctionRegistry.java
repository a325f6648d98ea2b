package io.runnel.sql.internal.function;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.function.UdafDescription;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdtfDescription;
import io.runnel.sql.internal.catalog.NameSuggester;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.function.builtin.BuiltIns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * All functions the engine knows: built-ins ({@link BuiltIns}) and those loaded from extension
 * jars. Names are case-insensitive and unique across kinds; a function cannot be registered twice
 * (a user jar cannot replace a built-in). Resolution ({@link #resolveScalar}, {@link #resolveTable},
 * {@link #resolveAggregate}) follows ksqlDB: exact match first, then the overload needing the
 * fewest implicit widenings (INT → BIGINT → DECIMAL → DOUBLE); ties prefer non-variadic, then
 * narrower parameter types. Resolve once per call site when planning; calling the result costs no
 * reflection.
 *
 * <p>Threading: registration is synchronized; lookups may run concurrently with it.
 */
public final class FunctionRegistry {

    private final Map<String, MethodFunction> scalars = new ConcurrentHashMap<>();
    private final Map<String, MethodFunction> tables = new ConcurrentHashMap<>();
    private final Map<String, AggregateFunction> aggregates = new ConcurrentHashMap<>();

    /** An empty registry (tests); the engine uses {@link #withBuiltIns()}. */
    public FunctionRegistry() {
    }

    /** A registry holding every built-in function. */
    public static FunctionRegistry withBuiltIns() {
        FunctionRegistry registry = new FunctionRegistry();
        for (Class<?> type : BuiltIns.classes()) registry.register(type, "internal");
        return registry;
    }

    /** Registers the function declared by an annotated class; {@code source} is shown by DESCRIBE FUNCTION (a jar path or "internal"). */
    public synchronized void register(Class<?> type, String source) {
        if (type.isAnnotationPresent(UdfDescription.class)) {
            add(FunctionClassScanner.scalar(type, source), scalars);
        } else if (type.isAnnotationPresent(UdtfDescription.class)) {
            add(FunctionClassScanner.table(type, source), tables);
        } else if (type.isAnnotationPresent(UdafDescription.class)) {
            AggregateFunction f = FunctionClassScanner.aggregate(type, source);
            checkNew(f.metadata());
            aggregates.put(f.metadata().name(), f);
        } else {
            throw new SqlException(SqlErrorCode.INVALID_FUNCTION_DEFINITION, "Class " + type.getName()
                    + " has none of @UdfDescription, @UdafDescription, @UdtfDescription");
        }
    }

    /** Loads and registers every function class of the jars in {@code directory}; returns the names registered. */
    public List<String> loadExtensions(Path directory) {
        List<String> names = new ArrayList<>();
        for (ExtensionJarLoader.FoundClass found : new ExtensionJarLoader(getClass().getClassLoader()).load(directory)) {
            register(found.type(), found.jar().toString());
            names.add(describeClass(found.type()));
        }
        return names;
    }

    private static String describeClass(Class<?> type) {
        if (type.isAnnotationPresent(UdfDescription.class)) return type.getAnnotation(UdfDescription.class).name().toUpperCase(Locale.ROOT);
        if (type.isAnnotationPresent(UdtfDescription.class)) return type.getAnnotation(UdtfDescription.class).name().toUpperCase(Locale.ROOT);
        return type.getAnnotation(UdafDescription.class).name().toUpperCase(Locale.ROOT);
    }

    private void add(MethodFunction function, Map<String, MethodFunction> into) {
        checkNew(function.metadata());
        into.put(function.metadata().name(), function);
    }

    private void checkNew(FunctionMetadata metadata) {
        String name = metadata.name();
        if (scalars.containsKey(name) || tables.containsKey(name) || aggregates.containsKey(name)) {
            throw new SqlException(SqlErrorCode.INVALID_FUNCTION_DEFINITION, "A function named " + name
                    + " already exists (" + kind(name).orElseThrow() + "); functions cannot be replaced");
        }
    }

    /** The kind of the function with this name, if there is one. */
    public Optional<FunctionKind> kind(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (scalars.containsKey(upper)) return Optional.of(FunctionKind.SCALAR);
        if (aggregates.containsKey(upper)) return Optional.of(FunctionKind.AGGREGATE);
        if (tables.containsKey(upper)) return Optional.of(FunctionKind.TABLE);
        return Optional.empty();
    }

    public boolean isAggregate(String name) {
        return kind(name).filter(k -> k == FunctionKind.AGGREGATE).isPresent();
    }

    public boolean isTableFunction(String name) {
        return kind(name).filter(k -> k == FunctionKind.TABLE).isPresent();
    }

    /** Resolves a scalar function call. Errors: FUNCTION_NOT_FOUND (with a suggestion), NO_MATCHING_FUNCTION_OVERLOAD. */
    public ResolvedFunction resolveScalar(String name, List<ArgType> args) {
        return resolveMethod(name, args, scalars, FunctionKind.SCALAR);
    }

    /** Resolves a table function call; {@link ResolvedFunction#returnType()} is the produced column's type. */
    public ResolvedFunction resolveTable(String name, List<ArgType> args) {
        return resolveMethod(name, args, tables, FunctionKind.TABLE);
    }

    private ResolvedFunction resolveMethod(String name, List<ArgType> args, Map<String, MethodFunction> functions,
                                           FunctionKind kind) {
        MethodFunction function = functions.get(name.toUpperCase(Locale.ROOT));
        if (function == null) throw notFound(name, kind);
        String messageName = function.metadata().messageName();
        Candidate<MethodOverload> chosen = choose(messageName, args, function.overloads(), MethodOverload::signature);
        if (chosen == null) throw noMatch(messageName, args,
                function.overloads().stream().map(o -> o.signature().displayForError(messageName)).toList());
        MethodOverload best = chosen.overload();
        SignatureMatcher.Match bestMatch = chosen.match();
        List<SqlType> argumentTypes = args.stream().map(FunctionRegistry::ownType).toList();
        return new ResolvedFunction(function.metadata().name(), kind, best, new ArrayList<>(argumentTypes),
                bestMatch.parameterTypes(), bestMatch.lambdaInputTypes(), best.returnType(bestMatch));
    }

    /**
     * Resolves an aggregate call: {@code args} are the column arguments followed by the constant
     * ones (e.g. {@code TOPK(col, 3)}: col's type, then INTEGER).
     */
    public ResolvedAggregate resolveAggregate(String name, List<ArgType> args) {
        AggregateFunction function = aggregates.get(name.toUpperCase(Locale.ROOT));
        if (function == null) throw notFound(name, FunctionKind.AGGREGATE);
        String messageName = function.metadata().messageName();
        Candidate<AggregateOverload> chosen = choose(messageName, args, function.overloads(), AggregateOverload::signature);
        if (chosen == null) throw noMatch(messageName, args,
                function.overloads().stream().map(o -> o.signature().displayForError(messageName)).toList());
        AggregateOverload best = chosen.overload();
        SignatureMatcher.Match bestMatch = chosen.match();
        SqlType firstColumn = best.columnCount() > 0 ? bestMatch.parameterTypes().get(0) : null;
        SqlType aggregateType = best.aggregateSchema().isEmpty()
                ? aggregateSideType(best.aggregateType(), bestMatch, firstColumn)
                : SchemaText.parse(best.aggregateSchema(), bestMatch.bindings());
        SqlType returnType = best.returnSchema().isEmpty()
                ? aggregateSideType(best.outputType(), bestMatch, firstColumn)
                : SchemaText.parse(best.returnSchema(), bestMatch.bindings());
        if (aggregateType == null || returnType == null) {
            throw new SqlException(SqlErrorCode.NO_MATCHING_FUNCTION_OVERLOAD, "Cannot infer the types of "
                    + best.signature().display() + " for arguments " + display(args));
        }
        List<SqlType> argumentTypes = args.stream().map(FunctionRegistry::ownType).toList();
        return new ResolvedAggregate(function.metadata().name(), best, new ArrayList<>(argumentTypes),
                bestMatch.parameterTypes(), aggregateType, returnType);
    }

    private static SqlType ownType(ArgType arg) {
        if (arg instanceof ArgType.Typed t) return t.type();
        return arg instanceof ArgType.StringLiteral ? SqlType.STRING : null;
    }

    /** An aggregate's A or O type: bound variables, and an open DECIMAL taking the input column's decimal type. */
    private static SqlType aggregateSideType(ParamType pattern, SignatureMatcher.Match match, SqlType column) {
        if (pattern instanceof ParamType.AnyDecimal && column instanceof SqlType.Decimal d) return d;
        return SignatureMatcher.substitute(pattern, match.bindings(), null);
    }

    private record Candidate<O>(O overload, FunctionSignature signature, SignatureMatcher.Match match) {
    }

    /**
     * ksqlDB's choice: the overloads matching without any implicit cast (a NULL literal matches
     * any type) if there are some, else those matching with casts. Among them a non-variadic
     * overload beats a variadic one, then fewer type-variable parameters win; a remaining tie is
     * an AMBIGUOUS_FUNCTION_CALL error (e.g. GREATEST(INT, BIGINT): the BIGINT, DECIMAL and DOUBLE
     * overloads all need casts). Null when nothing matches.
     */
    private static <O> Candidate<O> choose(String name, List<ArgType> args, List<O> overloads,
                                           java.util.function.Function<O, FunctionSignature> signatureOf) {
        List<Candidate<O>> exact = new ArrayList<>();
        List<Candidate<O>> cast = new ArrayList<>();
        for (O overload : overloads) {
            FunctionSignature signature = signatureOf.apply(overload);
            SignatureMatcher.match(signature, args).ifPresent(m ->
                    (m.cost() == 0 ? exact : cast).add(new Candidate<>(overload, signature, m)));
        }
        List<Candidate<O>> pool = exact.isEmpty() ? cast : exact;
        if (pool.isEmpty()) return null;
        Comparator<Candidate<O>> preference = Comparator
                .<Candidate<O>>comparingInt(c -> c.signature().variadic() ? 1 : 0)
                .thenComparingInt(c -> genericCount(c.signature()));
        pool.sort(preference);
        if (pool.size() > 1 && preference.compare(pool.get(0), pool.get(1)) == 0) {
            throw new SqlException(SqlErrorCode.AMBIGUOUS_FUNCTION_CALL, "Function '" + name
                    + "' cannot be resolved due to ambiguous method parameters (" + display(args) + ").");
        }
        return pool.get(0);
    }

    private static int genericCount(FunctionSignature signature) {
        int n = 0;
        for (ParamType p : signature.parameters()) if (p.hasGenerics()) n++;
        return n;
    }

    private SqlException notFound(String name, FunctionKind wanted) {
        String upper = name.toUpperCase(Locale.ROOT);
        Optional<FunctionKind> actual = kind(upper);
        if (actual.isPresent()) {
            return new SqlException(SqlErrorCode.FUNCTION_NOT_FOUND, "Function " + upper + " is "
                    + article(actual.get()) + " function, not " + article(wanted) + " function");
        }
        List<String> all = new ArrayList<>(scalars.keySet());
        all.addAll(aggregates.keySet());
        all.addAll(tables.keySet());
        String hint = NameSuggester.closest(upper, all).map(s -> "; did you mean '" + s + "'?").orElse("");
        return new SqlException(SqlErrorCode.FUNCTION_NOT_FOUND, "Can't find any functions with the name '" + upper + "'" + hint);
    }

    private static String article(FunctionKind kind) {
        return switch (kind) {
            case SCALAR -> "a scalar";
            case AGGREGATE -> "an aggregate";
            case TABLE -> "a table";
        };
    }

    private static SqlException noMatch(String name, List<ArgType> args, List<String> signatures) {
        return new SqlException(SqlErrorCode.NO_MATCHING_FUNCTION_OVERLOAD, "Function '" + name
                + "' does not accept parameters (" + display(args) + ").\nValid alternatives are:\n"
                + String.join("\n", signatures));
    }

    private static String display(List<ArgType> args) {
        return args.stream().map(ArgType::display).collect(Collectors.joining(", "));
    }

    /** Every function, sorted by name (SHOW FUNCTIONS). */
    public List<FunctionDescription> list() {
        List<FunctionDescription> all = new ArrayList<>();
        scalars.values().forEach(f -> all.add(describe(f)));
        tables.values().forEach(f -> all.add(describe(f)));
        aggregates.values().forEach(f -> all.add(new FunctionDescription(f.metadata(), f.overloads().stream()
                .map(o -> new FunctionDescription.Overload(o.signature().display(), o.description())).toList())));
        all.sort(Comparator.comparing(FunctionDescription::name));
        return all;
    }

    /** One function (DESCRIBE FUNCTION); FUNCTION_NOT_FOUND with a suggestion when there is none. */
    public FunctionDescription describe(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return list().stream().filter(f -> f.name().equals(upper)).findFirst()
                .orElseThrow(() -> notFoundAny(upper));
    }

    private SqlException notFoundAny(String upper) {
        List<String> all = list().stream().map(FunctionDescription::name).toList();
        String hint = NameSuggester.closest(upper, all).map(s -> "; did you mean '" + s + "'?").orElse("");
        return new SqlException(SqlErrorCode.FUNCTION_NOT_FOUND, "Can't find any functions with the name '" + upper + "'" + hint);
    }

    private static FunctionDescription describe(MethodFunction f) {
        return new FunctionDescription(f.metadata(), f.overloads().stream()
                .map(o -> new FunctionDescription.Overload(o.signature().display(), o.description())).toList());
    }
}
