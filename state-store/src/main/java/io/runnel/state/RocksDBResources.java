package io.runnel.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The RocksDB memory shared by every RocksDB store of a process, so that memory stays bounded
 * however many stores are open (as Kafka Streams' bounded-memory config setter): one LRU block
 * cache of {@code totalBytes} that also holds index and filter blocks (high-priority pool), and one
 * {@link WriteBufferManager} whose memtables are charged to that same cache (a quarter of it by
 * default). Because RocksDB flushes only the instance being written when the buffer manager is
 * full, stores also register as {@link MemtableOwner}s and call {@link #relieveMemoryPressure()}
 * periodically, which flushes the largest memtables of the process when the cache is over the bound. The runtime creates one per process (or per application) and hands it to stores via
 * {@link StateStoreContext#rocksDBResources()}; it closes it after every store is closed.
 * Thread-safe (RocksDB's cache and buffer manager are).
 */
public final class RocksDBResources implements AutoCloseable {
    /** The default bound of RocksDB memory of a process: 256 MiB. */
    public static final long DEFAULT_TOTAL_BYTES = 256L * 1024 * 1024;
    private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

    static {
        RocksDB.loadLibrary();
    }

    private final long totalBytes;
    private final long writeBufferBytes;
    private final LRUCache cache;
    private final WriteBufferManager writeBufferManager;
    private final Set<MemtableOwner> owners = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean relieving = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * A RocksDB instance whose memtables count against the bound (for store implementations).
     * RocksDB's write buffer manager only ever flushes the instance being written, so memtables of
     * many idle stores would add up beyond the bound; {@link #relieveMemoryPressure()} flushes the
     * largest memtables of any registered instance instead.
     */
    public interface MemtableOwner {
        /** Bytes in the active memtable (0 when closed). */
        long activeMemtableBytes();

        /** Starts a flush of the active memtable without waiting for it (no-op when closed). */
        void scheduleFlush();
    }

    private RocksDBResources(long totalBytes, long writeBufferBytes) {
        this.totalBytes = totalBytes;
        this.writeBufferBytes = writeBufferBytes;
        this.cache = new LRUCache(totalBytes, -1, false, HIGH_PRIORITY_POOL_RATIO);
        this.writeBufferManager = new WriteBufferManager(writeBufferBytes, cache);
    }

    /** Resources bounded by {@code totalBytes}, a quarter of it for memtables. */
    public static RocksDBResources create(long totalBytes) {
        return create(totalBytes, totalBytes / 4);
    }

    public static RocksDBResources create(long totalBytes, long writeBufferBytes) {
        if (totalBytes <= 0) {
            throw new IllegalArgumentException("totalBytes <= 0: " + totalBytes);
        }
        if (writeBufferBytes <= 0 || writeBufferBytes > totalBytes) {
            throw new IllegalArgumentException("writeBufferBytes not in (0, totalBytes]: " + writeBufferBytes);
        }
        return new RocksDBResources(totalBytes, writeBufferBytes);
    }

    /** The shared block cache (for store implementations). */
    public Cache blockCache() {
        checkOpen();
        return cache;
    }

    /** The shared write buffer manager (for store implementations). */
    public WriteBufferManager writeBufferManager() {
        checkOpen();
        return writeBufferManager;
    }

    public void register(MemtableOwner owner) {
        owners.add(owner);
    }

    public void unregister(MemtableOwner owner) {
        owners.remove(owner);
    }

    /**
     * When the cache (blocks plus memtable reservations) is over the bound, schedules flushes of
     * the largest active memtables until their sizes cover the excess plus a tenth of the bound.
     * Cheap when under the bound (one read of the cache usage); stores call it every few thousand
     * writes. Thread-safe; concurrent callers skip while one is choosing.
     */
    public void relieveMemoryPressure() {
        if (closed || cache.getUsage() <= totalBytes || !relieving.compareAndSet(false, true)) {
            return;
        }
        try {
            long excess = cache.getUsage() - totalBytes + totalBytes / 10;
            List<Map.Entry<MemtableOwner, Long>> sizes = new ArrayList<>();
            for (MemtableOwner o : owners) {
                sizes.add(Map.entry(o, o.activeMemtableBytes()));
            }
            sizes.sort(Map.Entry.<MemtableOwner, Long>comparingByValue().reversed());
            for (Map.Entry<MemtableOwner, Long> e : sizes) {
                if (excess <= 0 || e.getValue() == 0) {
                    break;
                }
                e.getKey().scheduleFlush();
                excess -= e.getValue();
            }
        } finally {
            relieving.set(false);
        }
    }

    public long totalBytes() {
        return totalBytes;
    }

    public long writeBufferBytes() {
        return writeBufferBytes;
    }

    /** Bytes the block cache currently holds (memtable reservations included). */
    public long usedBytes() {
        checkOpen();
        return cache.getUsage();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("RocksDB resources are closed");
        }
    }

    /** Frees the native cache and buffer manager; close every store using them first. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            writeBufferManager.close();
            cache.close();
        }
    }

    @Override
    public String toString() {
        return "RocksDBResources[total=" + totalBytes + ", writeBuffers=" + writeBufferBytes + "]";
    }
}
