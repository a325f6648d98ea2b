package io.runnel.streams.processor;

/** A processor that may change values but never keys (used by {@code processValues}). */
public interface FixedKeyProcessor<KIn, VIn, VOut> {

    default void init(FixedKeyProcessorContext<KIn, VOut> context) {
    }

    void process(FixedKeyRecord<KIn, VIn> record);

    default void close() {
    }
}
