package io.runnel.sql.function;

/** A lambda of three arguments, e.g. the reducer of {@code REDUCE} over a map: {@code (s, k, v) => ...}. */
@FunctionalInterface
public interface TriFunction<T, U, V, R> {
    R apply(T t, U u, V v);
}
