package io.runnel.streams.dsl;

/** Joins a value of each side into a result; in left and outer joins the missing side is null. */
@FunctionalInterface
public interface ValueJoiner<V1, V2, VR> {
    VR apply(V1 value1, V2 value2);
}
