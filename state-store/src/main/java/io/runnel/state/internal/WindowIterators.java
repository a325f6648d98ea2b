package io.runnel.state.internal;

import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.WindowStoreIterator;
import java.util.function.Function;

/** Views of a key-value iterator keyed by window start as a {@link WindowStoreIterator}. */
public final class WindowIterators {

    private WindowIterators() {
    }

    /** {@code inner} as a window store iterator, entries passed through. */
    public static <V> WindowStoreIterator<V> of(KeyValueIterator<Long, V> inner) {
        return new Adapter<>(inner, null);
    }

    /** {@code inner} as a window store iterator with each value mapped by {@code value}. */
    public static <VI, V> WindowStoreIterator<V> mapped(KeyValueIterator<Long, VI> inner, Function<VI, V> value) {
        return new Adapter<>(inner, value);
    }

    private static final class Adapter<VI, V> implements WindowStoreIterator<V> {
        private final KeyValueIterator<Long, VI> inner;
        private final Function<VI, V> value;

        Adapter(KeyValueIterator<Long, VI> inner, Function<VI, V> value) {
            this.inner = inner;
            this.value = value;
        }

        @Override
        public Long peekNextKey() {
            return inner.peekNextKey();
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public boolean hasNext() {
            return inner.hasNext();
        }

        @Override
        @SuppressWarnings("unchecked")
        public KeyValue<Long, V> next() {
            KeyValue<Long, VI> kv = inner.next();
            return value == null ? (KeyValue<Long, V>) kv : new KeyValue<>(kv.key(), value.apply(kv.value()));
        }
    }
}
