package io.runnel.streams.internal.ops;

/**
 * An update of a table row as it flows between table operators: the new value (null = deleted)
 * and the old value (null = absent before).
 */
public record Change<V>(V newValue, V oldValue) {
}
