package io.runnel.state.internal;

import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.WindowStoreIterator;
import java.util.NoSuchElementException;

/** An iterator with nothing in it. */
public final class EmptyIterator<K, V> implements KeyValueIterator<K, V> {

    @SuppressWarnings("rawtypes")
    private static final EmptyIterator INSTANCE = new EmptyIterator<>();

    @SuppressWarnings("unchecked")
    public static <K, V> KeyValueIterator<K, V> instance() {
        return INSTANCE;
    }

    public static <V> WindowStoreIterator<V> window() {
        return new WindowStoreIterator<>() {
            @Override
            public Long peekNextKey() {
                throw new NoSuchElementException();
            }

            @Override
            public void close() {
            }

            @Override
            public boolean hasNext() {
                return false;
            }

            @Override
            public KeyValue<Long, V> next() {
                throw new NoSuchElementException();
            }
        };
    }

    @Override
    public K peekNextKey() {
        throw new NoSuchElementException();
    }

    @Override
    public void close() {
    }

    @Override
    public boolean hasNext() {
        return false;
    }

    @Override
    public KeyValue<K, V> next() {
        throw new NoSuchElementException();
    }
}
