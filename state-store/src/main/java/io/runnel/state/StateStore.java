package io.runnel.state;

/**
 * A storage engine owned by one task (or by the test driver), as in Kafka Streams.
 *
 * <p>Life cycle: built by a {@link StoreBuilder}, then {@link #init(StateStoreContext, StateStore)}
 * once (which opens files and calls {@link StateStoreContext#register}), then used by the owning
 * stream thread, {@link #flush()}ed on every commit, and {@link #close()}d when the task closes.
 * Every operation after close throws {@link InvalidStateStoreException}; close is idempotent.
 *
 * <p>Threading: writes come from the owning stream thread only; reads may also come from
 * interactive-query threads (implementations allow concurrent reads).
 */
public interface StateStore extends AutoCloseable {

    /** The store name, unique within an application (it also names the changelog topic). */
    String name();

    /**
     * Opens the store. {@code root} is the outermost store of the decorator chain (the one the
     * runtime holds); a store registers {@code root} with the context so that restore goes through
     * the whole chain's byte layer.
     */
    void init(StateStoreContext context, StateStore root);

    /** Writes buffered data down: cached entries are forwarded and written, memtables flushed. */
    void flush();

    /** Closes the store and every iterator still open on it. Idempotent. */
    @Override
    void close();

    /** Whether the data lives on disk (and survives a restart without a full restore). */
    boolean persistent();

    boolean isOpen();
}
