package io.runnel.sql.function;

/**
 * An aggregation over a stream: {@code I} input value, {@code A} aggregate (the state kept per
 * group, stored in a state store, so it must be a SQL value: see docs/internals/sql-engine.md),
 * {@code O} output. Null inputs are passed to {@link #aggregate} as null; the function decides
 * (ksqlDB's built-ins mostly skip them). Implementations should not mutate an aggregate they are
 * given: return a new one (the store may still hold the old value).
 */
public interface Udaf<I, A, O> {
    /** The aggregate of an empty group. */
    A initialize();

    /** The aggregate after adding {@code current}. */
    A aggregate(I current, A aggregate);

    /** Two aggregates combined (session windows that merge). */
    A merge(A aggOne, A aggTwo);

    /** The output for an aggregate. */
    O map(A aggregate);
}
