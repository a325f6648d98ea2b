package io.runnel.sql.internal.function;

import io.runnel.sql.SqlException;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Matches call arguments against one {@link FunctionSignature}: binds type variables per call,
 * counts implicit widening steps (the cost; 0 = exact), types lambdas once the types of their
 * inputs are bound. Non-lambda arguments are matched first, left to right, then lambdas in
 * order, so a lambda's inputs may come from any other argument (e.g. REDUCE's initial state).
 * Inside arrays and maps types must be equal (ksqlDB does not widen element types) unless a
 * type variable widens to cover both. A type variable that only NULL literals meet is bound to
 * STRING (its values are all null anyway).
 */
public final class SignatureMatcher {

    /** A successful match: per argument, the SQL type the argument is converted to, and lambda input types. */
    public record Match(int cost, List<SqlType> parameterTypes, List<List<SqlType>> lambdaInputTypes,
                        Map<String, SqlType> bindings) {
        public Match {
            parameterTypes = java.util.Collections.unmodifiableList(new ArrayList<>(parameterTypes));
            lambdaInputTypes = java.util.Collections.unmodifiableList(new ArrayList<>(lambdaInputTypes));
            bindings = Map.copyOf(bindings);
        }
    }

    private SignatureMatcher() {
    }

    public static Optional<Match> match(FunctionSignature signature, List<ArgType> args) {
        List<ParamType> params = signature.expand(args.size());
        if (params == null) return Optional.empty();
        Map<String, SqlType> bindings = new HashMap<>();
        int cost = 0;
        for (int i = 0; i < args.size(); i++) {
            ArgType arg = args.get(i);
            ParamType param = params.get(i);
            if (param instanceof ParamType.Lambda l) {
                if (!(arg instanceof ArgType.Lambda a) || a.arity() != l.inputs().size()) return Optional.empty();
                continue;
            }
            if (arg instanceof ArgType.Lambda) return Optional.empty();
            if (arg instanceof ArgType.Typed t) {
                OptionalInt c = bind(param, t.type(), bindings, true);
                if (c.isEmpty()) return Optional.empty();
                cost += c.getAsInt();
            } else if (arg instanceof ArgType.StringLiteral) {
                OptionalInt c = bind(param, SqlType.STRING, bindings, true);
                if (c.isEmpty()) {
                    if (!isTemporal(param)) return Optional.empty();
                    c = OptionalInt.of(1);
                }
                cost += c.getAsInt();
            }
        }
        List<List<SqlType>> lambdaInputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            lambdaInputs.add(null);
            if (!(params.get(i) instanceof ParamType.Lambda l)) continue;
            List<SqlType> inputs = new ArrayList<>();
            for (ParamType input : l.inputs()) {
                SqlType bound = substitute(input, bindings, null);
                if (bound == null) return Optional.empty();
                inputs.add(bound);
            }
            SqlType body;
            try {
                body = ((ArgType.Lambda) args.get(i)).bodyTyper().bodyType(List.copyOf(inputs));
            } catch (SqlException e) {
                return Optional.empty();
            }
            if (body != null) {
                OptionalInt c = bind(l.output(), body, bindings, true);
                if (c.isEmpty()) return Optional.empty();
                cost += c.getAsInt();
            }
            lambdaInputs.set(i, List.copyOf(inputs));
        }
        List<SqlType> types = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            ArgType arg = args.get(i);
            SqlType actual = arg instanceof ArgType.Typed t ? t.type() : arg instanceof ArgType.StringLiteral ? SqlType.STRING : null;
            SqlType type = params.get(i) instanceof ParamType.Lambda ? null : substitute(params.get(i), bindings, actual);
            if (type == null && !(params.get(i) instanceof ParamType.Lambda)) type = SqlType.STRING;
            types.add(type);
        }
        return Optional.of(new Match(cost, types, lambdaInputs, bindings));
    }

    private static boolean isTemporal(ParamType param) {
        return param instanceof ParamType.Exact e && (e.type().equals(SqlType.DATE) || e.type().equals(SqlType.TIME)
                || e.type().equals(SqlType.TIMESTAMP));
    }

    /** Binds {@code param} to {@code actual}; the widening cost, or empty when it does not match. */
    static OptionalInt bind(ParamType param, SqlType actual, Map<String, SqlType> bindings, boolean topLevel) {
        if (param instanceof ParamType.Exact e) {
            return topLevel ? ImplicitCasts.cost(actual, e.type()) : (e.type().equals(actual) ? OptionalInt.of(0) : OptionalInt.empty());
        }
        if (param instanceof ParamType.AnyDecimal) {
            return switch (actual.baseType()) {
                case DECIMAL -> OptionalInt.of(0);
                case BIGINT -> topLevel ? OptionalInt.of(1) : OptionalInt.empty();
                case INTEGER -> topLevel ? OptionalInt.of(2) : OptionalInt.empty();
                default -> OptionalInt.empty();
            };
        }
        if (param instanceof ParamType.AnyStruct) {
            return actual instanceof SqlType.Struct ? OptionalInt.of(0) : OptionalInt.empty();
        }
        if (param instanceof ParamType.Any) return OptionalInt.of(0);
        if (param instanceof ParamType.Generic g) {
            SqlType bound = bindings.get(g.name());
            if (bound == null) {
                bindings.put(g.name(), actual);
                return OptionalInt.of(0);
            }
            if (bound.equals(actual)) return OptionalInt.of(0);
            SqlType common = ImplicitCasts.common(bound, actual);
            if (common == null) return OptionalInt.empty();
            bindings.put(g.name(), common);
            return OptionalInt.of(1);
        }
        if (param instanceof ParamType.ArrayOf a) {
            if (!(actual instanceof SqlType.Array arr)) return OptionalInt.empty();
            return bind(a.element(), arr.element(), bindings, false);
        }
        if (param instanceof ParamType.MapOf m) {
            if (!(actual instanceof SqlType.Map map)) return OptionalInt.empty();
            OptionalInt k = bind(m.key(), map.key(), bindings, false);
            if (k.isEmpty()) return k;
            OptionalInt v = bind(m.value(), map.value(), bindings, false);
            if (v.isEmpty()) return v;
            return OptionalInt.of(k.getAsInt() + v.getAsInt());
        }
        return OptionalInt.empty();
    }

    /**
     * The concrete type of {@code param} under {@code bindings}; {@code actual} (may be null) is
     * the argument's own type, used for open DECIMAL/STRUCT/ANY parameters. Null when unknown.
     */
    public static SqlType substitute(ParamType param, Map<String, SqlType> bindings, SqlType actual) {
        if (param instanceof ParamType.Exact e) return e.type();
        if (param instanceof ParamType.Generic g) return bindings.get(g.name());
        if (param instanceof ParamType.AnyDecimal) {
            return actual == null ? null : ImplicitCasts.asDecimal(actual);
        }
        if (param instanceof ParamType.AnyStruct || param instanceof ParamType.Any) return actual;
        if (param instanceof ParamType.ArrayOf a) {
            SqlType e = substitute(a.element(), bindings, actual instanceof SqlType.Array arr ? arr.element() : null);
            return e == null ? null : new SqlType.Array(e);
        }
        if (param instanceof ParamType.MapOf m) {
            SqlType.Map am = actual instanceof SqlType.Map x ? x : null;
            SqlType k = substitute(m.key(), bindings, am == null ? null : am.key());
            SqlType v = substitute(m.value(), bindings, am == null ? null : am.value());
            return k == null || v == null ? null : new SqlType.Map(k, v);
        }
        return null;
    }
}
