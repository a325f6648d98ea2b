package io.runnel.streams.processor;

/** The context of a {@link Processor}: forwarding plus everything in {@link BaseContext}. */
public interface ProcessorContext<KForward, VForward> extends BaseContext {

    /** Sends the record to every child. */
    <K extends KForward, V extends VForward> void forward(Record<K, V> record);

    /** Sends the record to the named child only; throws if there is no such child. */
    <K extends KForward, V extends VForward> void forward(Record<K, V> record, String childName);
}
