package io.runnel.streams.processor;

/**
 * A node of a topology: receives records one at a time and forwards any number of records to its
 * children through the context given to {@link #init}. Called by one thread at a time (the
 * thread running its task); never concurrently.
 */
public interface Processor<KIn, VIn, KOut, VOut> {

    /** Called once before the first record; keep the context to forward and read stores. */
    default void init(ProcessorContext<KOut, VOut> context) {
    }

    void process(Record<KIn, VIn> record);

    /** Called once when the task closes; release resources here, not stores (the task closes them). */
    default void close() {
    }
}
