package io.runnel.state.internal.segmented;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValueStore;
import io.runnel.state.ProcessorStateException;
import io.runnel.state.StateStoreContext;
import io.runnel.state.internal.memory.InMemoryKeyValueStore;
import io.runnel.state.internal.rocksdb.RocksDBStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The time segments of a window or session store. Segment {@code id} holds the entries whose
 * segment timestamp (window start, session end) lies in {@code [id * interval, (id + 1) * interval)};
 * it is one byte store named {@code <storeName>.<id * interval>}, for RocksDB in
 * {@code stateDir/<storeName>/<storeName>.<id * interval>}.
 *
 * <p>Retention: the stream time is the largest segment timestamp written (or restored). An entry
 * whose timestamp is at or below {@code streamTime - retention} is expired: a write of it is
 * dropped, and every segment whose whole interval is expired is closed and deleted (one directory
 * delete per segment, never per-key deletes). After a restart the existing segment directories are
 * opened again; a crash during a segment delete leaves a partial directory that is deleted again by
 * the next retention pass (or opened and found expired).
 *
 * <p>Threading: the stream thread creates and drops segments; readers take a snapshot of the
 * segment list (a concurrent skip list map) and may find a dropped segment closed
 * ({@link io.runnel.state.InvalidStateStoreException}).
 */
public final class Segments {
    private final String storeName;
    private final long retention;
    private final long interval;
    private final boolean persistent;
    private final ConcurrentSkipListMap<Long, KeyValueStore<Bytes, byte[]>> segments = new ConcurrentSkipListMap<>();
    private StateStoreContext context;
    private volatile long streamTime = -1;
    private boolean trackWrittenKeys;
    /** Filters of the keys written to segments created empty by this instance (see {@link WrittenKeysFilter}). */
    private final Map<Long, WrittenKeysFilter> writtenKeys = new java.util.concurrent.ConcurrentHashMap<>();

    public Segments(String storeName, long retention, long interval, boolean persistent) {
        if (interval <= 0) {
            throw new IllegalArgumentException("segment interval must be positive: " + interval);
        }
        this.storeName = storeName;
        this.retention = retention;
        this.interval = interval;
        this.persistent = persistent;
    }

    /**
     * Keeps a {@link WrittenKeysFilter} for each persistent segment this instance creates empty;
     * the owning store must then report every key it writes ({@link #written}) and may skip reads
     * the filter rules out ({@link #mayHold}).
     */
    public void trackWrittenKeys() {
        this.trackWrittenKeys = persistent;
    }

    /** Records a key written to the segment of {@code timestamp} (a no-op for segments without a filter). */
    public void written(long timestamp, byte[] storeKey) {
        WrittenKeysFilter f = writtenKeys.get(segmentId(timestamp));
        if (f != null) {
            f.add(storeKey);
        }
    }

    /** False when the segment of {@code timestamp} certainly does not hold the key (never written since it was created empty). */
    public boolean mayHold(long timestamp, byte[] storeKey) {
        WrittenKeysFilter f = writtenKeys.get(segmentId(timestamp));
        return f == null || f.mightContain(storeKey);
    }

    /** Opens the segments found on disk. */
    public void open(StateStoreContext context) {
        this.context = context;
        this.streamTime = -1;
        writtenKeys.clear();
        if (!persistent) {
            return;
        }
        Path dir = context.stateDir().resolve(storeName);
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        try (var list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(storeName + ".")) {
                    try {
                        long start = Long.parseLong(n.substring(storeName.length() + 1));
                        if (start % interval == 0) {
                            ids.add(start / interval);
                        }
                    } catch (NumberFormatException ignored) {
                        // not a segment directory
                    }
                }
            }
        } catch (IOException e) {
            throw new ProcessorStateException("cannot list segments of store " + storeName + " in " + dir, e);
        }
        try {
            for (long id : ids) {
                segments.put(id, create(id));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public long segmentId(long timestamp) {
        return timestamp / interval;
    }

    public long streamTime() {
        return streamTime;
    }

    /** The smallest timestamp that is not expired. */
    public long minLiveTimestamp() {
        return streamTime - retention + 1;
    }

    /**
     * Advances the stream time to {@code timestamp} and returns the segment for it, creating it,
     * or null when the timestamp is expired. Drops expired segments.
     */
    public KeyValueStore<Bytes, byte[]> segmentForWrite(long timestamp) {
        if (timestamp > streamTime) {
            streamTime = timestamp;
            dropExpired();
        }
        if (timestamp < minLiveTimestamp()) {
            return null;
        }
        long id = segmentId(timestamp);
        KeyValueStore<Bytes, byte[]> s = segments.get(id);
        if (s == null) {
            s = create(id);
            if (trackWrittenKeys) {
                writtenKeys.put(id, new WrittenKeysFilter());
            }
            segments.put(id, s);
        }
        return s;
    }

    /** The existing segment for the timestamp, or null. */
    public KeyValueStore<Bytes, byte[]> segment(long timestamp) {
        return segments.get(segmentId(timestamp));
    }

    /** The existing segments overlapping {@code [timeFrom, timeTo]}, in time order or reversed. */
    public List<KeyValueStore<Bytes, byte[]>> segments(long timeFrom, long timeTo, boolean forward) {
        if (timeFrom > timeTo) {
            return List.of();
        }
        Map<Long, KeyValueStore<Bytes, byte[]>> sub = segments.subMap(segmentId(Math.max(0, timeFrom)), true,
                segmentId(timeTo), true);
        List<KeyValueStore<Bytes, byte[]>> out = new ArrayList<>(sub.values());
        if (!forward) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    public List<KeyValueStore<Bytes, byte[]>> all(boolean forward) {
        List<KeyValueStore<Bytes, byte[]>> out = new ArrayList<>(segments.values());
        if (!forward) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    public int count() {
        return segments.size();
    }

    private void dropExpired() {
        long minLiveSegment = segmentId(Math.max(0, minLiveTimestamp()));
        while (!segments.isEmpty() && segments.firstKey() < minLiveSegment) {
            Map.Entry<Long, KeyValueStore<Bytes, byte[]>> e = segments.pollFirstEntry();
            writtenKeys.remove(e.getKey());
            destroy(e.getValue());
        }
    }

    private KeyValueStore<Bytes, byte[]> create(long id) {
        String name = storeName + "." + (id * interval);
        if (persistent) {
            RocksDBStore s = new RocksDBStore(name, storeName);
            s.open(context);
            return s;
        }
        InMemoryKeyValueStore s = new InMemoryKeyValueStore(name);
        s.open();
        return s;
    }

    private static void destroy(KeyValueStore<Bytes, byte[]> segment) {
        if (segment instanceof RocksDBStore r) {
            r.destroy();
        } else {
            segment.close();
        }
    }

    public void flush() {
        for (KeyValueStore<Bytes, byte[]> s : segments.values()) {
            s.flush();
        }
    }

    public void close() {
        for (KeyValueStore<Bytes, byte[]> s : segments.values()) {
            s.close();
        }
        segments.clear();
        writtenKeys.clear();
    }

    public boolean persistent() {
        return persistent;
    }
}
