package io.runnel.state.internal.query;

import io.runnel.state.InvalidStateStoreException;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.StateStore;
import io.runnel.state.ValueAndTimestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Helpers of the composite read-only views. */
final class Views {

    private Views() {
    }

    static void checkOpen(List<StateStore> instances, String storeName) {
        for (StateStore s : instances) {
            if (!s.isOpen()) {
                throw new InvalidStateStoreException("State store " + storeName
                        + " is not open (it may have migrated to another instance or be restoring); get a new view and retry");
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <V> V plain(Object v, boolean unwrap) {
        if (unwrap && v instanceof ValueAndTimestamp<?> vt) {
            return (V) vt.value();
        }
        return (V) v;
    }

    /** Concatenates lazily opened iterators; values mapped. */
    static <K, V, K2, V2> KeyValueIterator<K2, V2> concat(List<? extends java.util.function.Supplier<KeyValueIterator<K, V>>> opens,
                                                          Function<KeyValue<K, V>, KeyValue<K2, V2>> map) {
        Iterator<? extends java.util.function.Supplier<KeyValueIterator<K, V>>> next = new ArrayList<>(opens).iterator();
        return new KeyValueIterator<>() {
            private KeyValueIterator<K, V> current;

            @Override
            public boolean hasNext() {
                while (current == null || !current.hasNext()) {
                    if (current != null) {
                        current.close();
                        current = null;
                    }
                    if (!next.hasNext()) {
                        return false;
                    }
                    current = next.next().get();
                }
                return true;
            }

            @Override
            public KeyValue<K2, V2> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return map.apply(current.next());
            }

            @Override
            public K2 peekNextKey() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return map.apply(new KeyValue<>(current.peekNextKey(), null)).key();
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                    current = null;
                }
            }
        };
    }
}
