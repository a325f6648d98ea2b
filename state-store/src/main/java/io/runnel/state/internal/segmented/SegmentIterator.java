package io.runnel.state.internal.segmented;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.internal.OpenIterators;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Iterates the segments of a segmented store one after the other (each opened lazily with
 * {@code open}), keeping the entries whose key passes {@code filter} and mapping them with {@code map}.
 */
final class SegmentIterator<K, V> implements KeyValueIterator<K, V> {
    private final Iterator<KeyValueStore<Bytes, byte[]>> segments;
    private final Function<KeyValueStore<Bytes, byte[]>, KeyValueIterator<Bytes, byte[]>> open;
    private final Predicate<Bytes> filter;
    private final Function<KeyValue<Bytes, byte[]>, KeyValue<K, V>> map;
    private final OpenIterators owner;
    private KeyValueIterator<Bytes, byte[]> current;
    private KeyValue<K, V> next;
    private boolean closed;

    SegmentIterator(List<KeyValueStore<Bytes, byte[]>> segments,
                    Function<KeyValueStore<Bytes, byte[]>, KeyValueIterator<Bytes, byte[]>> open,
                    Predicate<Bytes> filter, Function<KeyValue<Bytes, byte[]>, KeyValue<K, V>> map, OpenIterators owner) {
        this.segments = segments.iterator();
        this.open = open;
        this.filter = filter;
        this.map = map;
        this.owner = owner;
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            throw new io.runnel.state.InvalidStateStoreException("Iterator is closed");
        }
        while (next == null) {
            if (current != null && current.hasNext()) {
                KeyValue<Bytes, byte[]> kv = current.next();
                if (filter.test(kv.key())) {
                    next = map.apply(kv);
                }
            } else {
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (!segments.hasNext()) {
                    return false;
                }
                current = open.apply(segments.next());
            }
        }
        return true;
    }

    @Override
    public KeyValue<K, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        KeyValue<K, V> kv = next;
        next = null;
        return kv;
    }

    @Override
    public K peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return next.key();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (current != null) {
                current.close();
            }
            owner.remove(this);
        }
    }
}
