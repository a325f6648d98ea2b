package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.TriFunction;
import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** TRANSFORM, FILTER and REDUCE over arrays and maps, with lambda arguments. NULL collection in, NULL out. */
public final class LambdaFunctions {
    private LambdaFunctions() {
    }

    @UdfDescription(name = "transform", category = "LAMBDA",
            description = "Applies a lambda to each element of an array, or to each key and each value of a map.")
    public static final class Transform {
        @Udf
        public static <T, R> List<R> transform(@UdfParameter("array") List<T> array,
                                               @UdfParameter("function") Function<T, R> function) {
            if (array == null || function == null) return null;
            List<R> out = new ArrayList<>(array.size());
            for (T e : array) out.add(function.apply(e));
            return out;
        }

        @Udf
        public static <K, V, R, S> Map<R, S> transform(@UdfParameter("map") Map<K, V> map,
                                                       @UdfParameter("keyFunction") BiFunction<K, V, R> keyFunction,
                                                       @UdfParameter("valueFunction") BiFunction<K, V, S> valueFunction) {
            if (map == null || keyFunction == null || valueFunction == null) return null;
            Map<R, S> out = new LinkedHashMap<>();
            for (Map.Entry<K, V> e : map.entrySet()) {
                out.put(keyFunction.apply(e.getKey(), e.getValue()), valueFunction.apply(e.getKey(), e.getValue()));
            }
            return out;
        }
    }

    @UdfDescription(name = "filter", category = "LAMBDA",
            description = "The elements of an array, or entries of a map, for which a lambda returns true.")
    public static final class Filter {
        @Udf
        public static <T> List<T> filter(@UdfParameter("array") List<T> array,
                                         @UdfParameter("function") Function<T, Boolean> function) {
            if (array == null || function == null) return null;
            List<T> out = new ArrayList<>();
            for (T e : array) if (Boolean.TRUE.equals(function.apply(e))) out.add(e);
            return out;
        }

        @Udf
        public static <K, V> Map<K, V> filter(@UdfParameter("map") Map<K, V> map,
                                              @UdfParameter("function") BiFunction<K, V, Boolean> function) {
            if (map == null || function == null) return null;
            Map<K, V> out = new LinkedHashMap<>();
            for (Map.Entry<K, V> e : map.entrySet()) {
                if (Boolean.TRUE.equals(function.apply(e.getKey(), e.getValue()))) out.put(e.getKey(), e.getValue());
            }
            return out;
        }
    }

    @UdfDescription(name = "reduce", category = "LAMBDA",
            description = "Folds an array, or a map's entries, into a state starting from an initial value "
                    + "(a NULL collection gives the initial value, a NULL initial value NULL).")
    public static final class Reduce {
        @Udf
        public static <T, S> S reduce(@UdfParameter("array") List<T> array, @UdfParameter("initialState") S initialState,
                                      @UdfParameter("function") BiFunction<S, T, S> function) {
            if (initialState == null || function == null) return null;
            if (array == null) return initialState;
            S state = initialState;
            for (T e : array) state = function.apply(state, e);
            return state;
        }

        @Udf
        public static <K, V, S> S reduce(@UdfParameter("map") Map<K, V> map, @UdfParameter("initialState") S initialState,
                                         @UdfParameter("function") TriFunction<S, K, V, S> function) {
            if (initialState == null || function == null) return null;
            if (map == null) return initialState;
            S state = initialState;
            for (Map.Entry<K, V> e : map.entrySet()) state = function.apply(state, e.getKey(), e.getValue());
            return state;
        }
    }
}
