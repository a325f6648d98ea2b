package io.runnel.state.internal.segmented;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.Window;
import io.runnel.state.WindowStore;
import io.runnel.state.WindowStoreIterator;
import io.runnel.state.Windowed;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A window byte store over time {@link Segments} (RocksDB or in-memory), keys laid out by
 * {@link WindowKeySchema}. Windows starting before the retention horizon are not returned.
 * Point reads ({@link #fetch(Bytes, long)}) skip segments whose {@link WrittenKeysFilter} rules the
 * key out. Threading: the stream thread writes; readers may iterate concurrently.
 */
public final class SegmentedWindowStore extends SegmentedBytesStore implements WindowStore<Bytes, byte[]> {
    private final long windowSize;
    private final boolean retainDuplicates;
    private int seq;

    public SegmentedWindowStore(String name, long windowSize, boolean retainDuplicates, Segments segments) {
        super(name, segments);
        this.windowSize = windowSize;
        this.retainDuplicates = retainDuplicates;
        if (!retainDuplicates) {
            segments.trackWrittenKeys();
        }
    }

    public boolean retainDuplicates() {
        return retainDuplicates;
    }

    @Override
    long segmentTime(byte[] storeKey) {
        return WindowKeySchema.timestamp(storeKey);
    }

    @Override
    void onOpen() {
        seq = 0;
    }

    @Override
    public void put(Bytes key, byte[] value, long windowStartTime) {
        state.check();
        if (retainDuplicates && value == null) {
            return;
        }
        int s = retainDuplicates ? ++seq : 0;
        KeyValueStore<Bytes, byte[]> segment = segments.segmentForWrite(windowStartTime);
        if (segment != null) {
            Bytes storeKey = WindowKeySchema.toStoreKey(key, windowStartTime, s);
            segments.written(windowStartTime, storeKey.get());
            segment.put(storeKey, value);
        }
    }

    /**
     * Writes entries laid out as this store's keys (sequence number 0: not for stores that retain
     * duplicates) with one write batch per run of entries in the same segment, instead of one
     * write each: what a cache flush hands down. Same outcome as putting them one by one in order:
     * a run is written before stream time moves on (which may drop its segment), expired entries
     * are dropped, null values delete.
     */
    public void putAll(List<KeyValue<Bytes, byte[]>> storeKeyed) {
        state.check();
        if (retainDuplicates) {
            throw new IllegalStateException("putAll of store keys on a store retaining duplicates: " + name);
        }
        KeyValueStore<Bytes, byte[]> current = null;
        List<KeyValue<Bytes, byte[]>> run = new ArrayList<>();
        for (KeyValue<Bytes, byte[]> e : storeKeyed) {
            long start = WindowKeySchema.timestamp(e.key().get());
            if (start > segments.streamTime() && !run.isEmpty()) {
                current.putAll(run);
                run = new ArrayList<>();
            }
            KeyValueStore<Bytes, byte[]> segment = segments.segmentForWrite(start);
            if (segment == null) {
                continue;
            }
            if (segment != current) {
                if (!run.isEmpty()) {
                    current.putAll(run);
                    run = new ArrayList<>();
                }
                current = segment;
            }
            segments.written(start, e.key().get());
            run.add(e);
        }
        if (!run.isEmpty()) {
            current.putAll(run);
        }
    }

    /** The sequence number of the last put (what the changelog layer logs as the key suffix). */
    public int lastSequence() {
        return retainDuplicates ? seq : 0;
    }

    @Override
    public byte[] fetch(Bytes key, long windowStartTime) {
        state.check();
        if (windowStartTime < segments.minLiveTimestamp()) {
            return null;
        }
        KeyValueStore<Bytes, byte[]> segment = segments.segment(windowStartTime);
        if (segment == null) {
            return null;
        }
        if (!retainDuplicates) {
            Bytes storeKey = WindowKeySchema.toStoreKey(key, windowStartTime, 0);
            return segments.mayHold(windowStartTime, storeKey.get()) ? segment.get(storeKey) : null;
        }
        try (KeyValueIterator<Bytes, byte[]> it = segment.range(WindowKeySchema.lower(key, windowStartTime),
                WindowKeySchema.upper(key, windowStartTime))) {
            return it.hasNext() ? it.next().value() : null;
        }
    }

    @Override
    public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
        return fetchKey(key, timeFrom, timeTo, true);
    }

    @Override
    public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
        return fetchKey(key, timeFrom, timeTo, false);
    }

    private WindowStoreIterator<byte[]> fetchKey(Bytes key, long timeFrom, long timeTo, boolean forward) {
        state.check();
        long from = Math.max(timeFrom, segments.minLiveTimestamp());
        byte[] k = key.get();
        Bytes lower = WindowKeySchema.lower(key, from);
        Bytes upper = WindowKeySchema.upper(key, timeTo);
        SegmentIterator<Long, byte[]> it = new SegmentIterator<>(segments.segments(from, timeTo, forward),
                s -> forward ? s.range(lower, upper) : s.reverseRange(lower, upper),
                b -> {
                    if (!WindowKeySchema.keyEquals(b.get(), k)) {
                        return false;
                    }
                    long ts = WindowKeySchema.timestamp(b.get());
                    return ts >= from && ts <= timeTo;
                },
                kv -> new KeyValue<>(WindowKeySchema.timestamp(kv.key().get()), kv.value()), iterators);
        return iterators.add(new WindowIterator(it));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        state.check();
        if (keyFrom != null && keyTo != null && keyFrom.compareTo(keyTo) > 0) {
            return io.runnel.state.internal.EmptyIterator.instance();
        }
        long from = Math.max(timeFrom, segments.minLiveTimestamp());
        Bytes lower = keyFrom == null ? null : WindowKeySchema.lower(keyFrom, from);
        Bytes upper = keyTo == null ? null : WindowKeySchema.upper(keyTo, timeTo);
        return iterators.add(new SegmentIterator<>(segments.segments(from, timeTo, true),
                s -> s.range(lower, upper),
                b -> {
                    long ts = WindowKeySchema.timestamp(b.get());
                    if (ts < from || ts > timeTo) {
                        return false;
                    }
                    Bytes k = WindowKeySchema.key(b.get());
                    return (keyFrom == null || k.compareTo(keyFrom) >= 0) && (keyTo == null || k.compareTo(keyTo) <= 0);
                },
                this::windowed, iterators));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        return fetch(null, null, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        state.check();
        long from = segments.minLiveTimestamp();
        return iterators.add(new SegmentIterator<>(segments.all(true), KeyValueStore::all,
                b -> WindowKeySchema.timestamp(b.get()) >= from, this::windowed, iterators));
    }

    private KeyValue<Windowed<Bytes>, byte[]> windowed(KeyValue<Bytes, byte[]> kv) {
        long start = WindowKeySchema.timestamp(kv.key().get());
        return new KeyValue<>(new Windowed<>(WindowKeySchema.key(kv.key().get()),
                new Window(start, start + windowSize)), kv.value());
    }


    /** Adapts a segment iterator to the window-iterator interface. */
    private final class WindowIterator implements WindowStoreIterator<byte[]> {
        private final SegmentIterator<Long, byte[]> inner;

        WindowIterator(SegmentIterator<Long, byte[]> inner) {
            this.inner = inner;
        }

        @Override
        public Long peekNextKey() {
            return inner.peekNextKey();
        }

        @Override
        public void close() {
            inner.close();
            iterators.remove(this);
        }

        @Override
        public boolean hasNext() {
            return inner.hasNext();
        }

        @Override
        public KeyValue<Long, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return inner.next();
        }
    }
}
