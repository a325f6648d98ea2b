package io.runnel.state.internal.memory;

import io.runnel.state.Bytes;
import io.runnel.state.InvalidStateStoreException;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.internal.BytesRangeStore;
import io.runnel.state.internal.OpenIterators;
import io.runnel.state.internal.StoreState;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A key-value byte store in a {@link ConcurrentSkipListMap}: the innermost layer of in-memory
 * key-value stores and the segment type of in-memory window and session stores. Not persistent:
 * everything is restored from the changelog after a restart. Iterators are weakly consistent
 * views (they may or may not see writes made while they are open), never fail on concurrent writes.
 * Threading: one writer, any number of concurrent readers.
 */
public final class InMemoryKeyValueStore implements BytesRangeStore {
    private final String name;
    private final StoreState state;
    private final OpenIterators iterators = new OpenIterators();
    private final ConcurrentSkipListMap<Bytes, byte[]> map = new ConcurrentSkipListMap<>();

    public InMemoryKeyValueStore(String name) {
        this.name = name;
        this.state = new StoreState(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        open();
        context.register(root, records -> {
            for (KeyValue<byte[], byte[]> r : records) {
                putInternal(Bytes.wrap(r.key()), r.value());
            }
        });
    }

    /** Opens without registering for restore (segments of a window or session store). */
    public void open() {
        map.clear();
        state.opened();
    }

    @Override
    public byte[] get(Bytes key) {
        state.check();
        return map.get(key);
    }

    @Override
    public void put(Bytes key, byte[] value) {
        state.check();
        putInternal(key, value);
    }

    private void putInternal(Bytes key, byte[] value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        state.check();
        byte[] old = map.get(key);
        if (old == null) {
            putInternal(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        state.check();
        for (KeyValue<Bytes, byte[]> e : entries) {
            putInternal(e.key(), e.value());
        }
    }

    @Override
    public byte[] delete(Bytes key) {
        state.check();
        return map.remove(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> iterate(Bytes from, Bytes to, boolean toInclusive, boolean forward) {
        state.check();
        if (from != null && to != null && from.compareTo(to) > 0) {
            return iterators.add(new MapIterator(List.<Map.Entry<Bytes, byte[]>>of().iterator()));
        }
        NavigableMap<Bytes, byte[]> sub = map;
        if (from != null) {
            sub = sub.tailMap(from, true);
        }
        if (to != null) {
            sub = sub.headMap(to, toInclusive);
        }
        if (!forward) {
            sub = sub.descendingMap();
        }
        return iterators.add(new MapIterator(sub.entrySet().iterator()));
    }

    @Override
    public long approximateNumEntries() {
        state.check();
        return map.size();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        state.closed();
        iterators.closeAll();
        map.clear();
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return state.isOpen();
    }

    private final class MapIterator implements KeyValueIterator<Bytes, byte[]> {
        private final Iterator<Map.Entry<Bytes, byte[]>> it;
        private Map.Entry<Bytes, byte[]> peeked;
        private volatile boolean closed;

        MapIterator(Iterator<Map.Entry<Bytes, byte[]>> it) {
            this.it = it;
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                throw new InvalidStateStoreException("Iterator over store " + name + " is closed");
            }
            if (peeked == null && it.hasNext()) {
                peeked = it.next();
            }
            return peeked != null;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<Bytes, byte[]> e = peeked;
            peeked = null;
            return new KeyValue<>(e.getKey(), e.getValue());
        }

        @Override
        public Bytes peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return peeked.getKey();
        }

        @Override
        public void close() {
            closed = true;
            iterators.remove(this);
        }
    }
}
