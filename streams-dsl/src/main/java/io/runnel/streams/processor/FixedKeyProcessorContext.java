package io.runnel.streams.processor;

/** The context of a {@link FixedKeyProcessor}. */
public interface FixedKeyProcessorContext<KForward, VForward> extends BaseContext {

    <K extends KForward, V extends VForward> void forward(FixedKeyRecord<K, V> record);

    <K extends KForward, V extends VForward> void forward(FixedKeyRecord<K, V> record, String childName);
}
