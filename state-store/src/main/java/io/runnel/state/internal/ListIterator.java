package io.runnel.state.internal;

import io.runnel.state.InvalidStateStoreException;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import java.util.List;
import java.util.NoSuchElementException;

/** An iterator over a snapshot list, deregistering itself from its store's open iterators on close. */
public final class ListIterator<K, V> implements KeyValueIterator<K, V> {
    private final List<KeyValue<K, V>> entries;
    private final OpenIterators owner;
    private final String storeName;
    private int next;
    private volatile boolean closed;

    public ListIterator(List<KeyValue<K, V>> entries, OpenIterators owner, String storeName) {
        this.entries = entries;
        this.owner = owner;
        this.storeName = storeName;
    }

    @Override
    public boolean hasNext() {
        check();
        return next < entries.size();
    }

    @Override
    public KeyValue<K, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return entries.get(next++);
    }

    @Override
    public K peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return entries.get(next).key();
    }

    @Override
    public void close() {
        closed = true;
        owner.remove(this);
    }

    private void check() {
        if (closed) {
            throw new InvalidStateStoreException("Iterator over store " + storeName + " is closed");
        }
    }
}
