package io.runnel.streams.internal.ops;

/**
 * Whether the old values of a table's updates are needed downstream, so that a cached store
 * fetches them when it flushes (one store read per flushed key) only when someone reads them, as
 * Kafka Streams' {@code sendOldValues}. Only {@link Discards} children (turning updates into a
 * stream of new values) are known not to read them; every other table operator may.
 */
public final class OldValues {

    private OldValues() {
    }

    /** Implemented by processors that never read {@link Change#oldValue()}. */
    public interface Discards {
    }

    /** Implemented by the runtime's processor contexts, which know the node's children. */
    public interface Hint {
        /** Whether any child of the node may read the old values it forwards. */
        boolean childrenReadOldValues();
    }

    /** Whether updates forwarded through {@code context} need their old values (true when unknown). */
    static boolean needed(Object context) {
        return !(context instanceof Hint h) || h.childrenReadOldValues();
    }
}
