package io.runnel.state.internal.rocksdb;

import io.runnel.state.Bytes;
import io.runnel.state.CorruptedStoreException;
import io.runnel.state.InvalidStateStoreException;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.ProcessorStateException;
import io.runnel.state.RocksDBResources;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.internal.BytesRangeStore;
import io.runnel.state.internal.OpenIterators;
import io.runnel.state.internal.StoreState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.StampedLock;
import org.rocksdb.MutableColumnFamilyOptions;
import org.rocksdb.MutableDBOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;

/**
 * A key-value byte store in one RocksDB instance: the innermost layer of persistent key-value
 * stores ({@code stateDir/rocksdb/<name>}) and the segment type of persistent window and session
 * stores ({@code stateDir/<storeName>/<segmentName>}). Memory comes from the shared
 * {@link io.runnel.state.RocksDBResources}; options are {@link RocksDBStoreOptions}.
 *
 * <p>Opening fails with {@link CorruptedStoreException} when RocksDB reports corrupt or missing
 * files (the state manager then wipes the directory and restores), with
 * {@link ProcessorStateException} for other errors (e.g. the directory is locked by another store).
 *
 * <p>Restore (of a key-value store; segments are written by their window or session store): the
 * changelog is bulk-loaded in sorted chunks as table files, not put through the memtable; see
 * {@link BulkRestoreCallback}, {@link RestoreChunk}, {@link SstBulkLoader} and
 * {@link #bulkLoading}.
 *
 * <p>Threading: one writer (the stream thread), concurrent readers (interactive queries). A
 * read/write lock (shared for every operation, exclusive for close) guarantees that no native call
 * runs on a closed instance; iterators are closed before the instance.
 */
public final class RocksDBStore implements BytesRangeStore, RocksDBResources.MemtableOwner {
    private static final System.Logger LOG = System.getLogger(RocksDBStore.class.getName());
    /** Writes between two checks of the process-wide memory bound. */
    static final int WRITES_PER_MEMORY_CHECK = 1024;
    /**
     * From this many entries, {@link #putAll} writes them in key order (a stable sort: of equal keys
     * the last still wins): the memtable's skip list inserts each key next to the one before
     * (RocksDB keeps the last insert position), touching a few nodes already in the CPU cache
     * instead of searching the whole list from the top with a cache miss per level. A cache flush
     * of 10,000 random keys into a memtable of 100,000 spends most of its time in those misses.
     */
    static final int SORTED_BATCH_MIN = 64;

    /** An entry being sorted: its key's first 8 bytes as an unsigned number, compared before the whole key. */
    private record SortEntry(long prefix, KeyValue<Bytes, byte[]> entry) {
    }

    private static final java.util.Comparator<SortEntry> BY_KEY = (a, b) -> {
        int c = Long.compareUnsigned(a.prefix, b.prefix);
        return c != 0 ? c : a.entry.key().compareTo(b.entry.key());
    };

    /**
     * The entries in unsigned key order, equal keys in their order (a stable sort); most comparisons
     * are of the keys' 8-byte prefixes, held next to each other, not of the key arrays spread over
     * the heap.
     */
    private static List<KeyValue<Bytes, byte[]>> sortedByKey(List<KeyValue<Bytes, byte[]>> entries) {
        SortEntry[] a = new SortEntry[entries.size()];
        for (int i = 0; i < a.length; i++) {
            KeyValue<Bytes, byte[]> e = entries.get(i);
            byte[] k = e.key().get();
            long prefix = 0;
            for (int j = 0; j < 8; j++) {
                prefix = (prefix << 8) | (j < k.length ? k[j] & 0xff : 0);
            }
            a[i] = new SortEntry(prefix, e);
        }
        java.util.Arrays.sort(a, BY_KEY);
        List<KeyValue<Bytes, byte[]>> out = new ArrayList<>(a.length);
        for (SortEntry e : a) {
            out.add(e.entry);
        }
        return out;
    }
    /** How restores are chunked by default: 64 MiB of records, at most 1 Mi records, per table file. */
    static final RestoreChunking DEFAULT_RESTORE_CHUNKING = new RestoreChunking(64 << 20, 1 << 20);
    /** Level-0 files a restore may leave to background compactions (see {@link #bulkLoading}). */
    static final long MAX_LEVEL0_FILES_AFTER_RESTORE = 12;

    /**
     * The size of the chunks a restore is loaded in: at most {@code maxBytes} of buffered records
     * and at most {@code maxRecords} records. Memory of a restoring store, on top of the RocksDB
     * memory bound: two off-heap arenas of up to {@code maxBytes} each (the records as they
     * arrived, and grouped for sorting) and about 32 heap bytes a record for the sort's arrays.
     */
    record RestoreChunking(int maxBytes, int maxRecords) {
        RestoreChunking {
            if (maxBytes < RestoreChunk.HEADER_BYTES) {
                throw new IllegalArgumentException("maxBytes < " + RestoreChunk.HEADER_BYTES + ": " + maxBytes);
            }
            if (maxRecords <= 0) {
                throw new IllegalArgumentException("maxRecords <= 0: " + maxRecords);
            }
        }
    }

    static {
        RocksDB.loadLibrary();
    }

    private final String name;
    private final String parentDir;
    private final StoreState state;
    private final OpenIterators iterators = new OpenIterators();
    private final StampedLock lock = new StampedLock();
    private RocksDBStoreOptions options;
    private RocksDB db;
    private Path dir;
    private RocksDBResources resources;
    private final RestoreChunking restoreChunking;
    private int writesSinceCheck;

    /** A store in {@code stateDir/<parentDir>/<name>}. */
    public RocksDBStore(String name, String parentDir) {
        this(name, parentDir, DEFAULT_RESTORE_CHUNKING);
    }

    RocksDBStore(String name, String parentDir, RestoreChunking restoreChunking) {
        this.name = name;
        this.parentDir = parentDir;
        this.state = new StoreState(name);
        this.restoreChunking = restoreChunking;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Opens the instance and registers its restore callback, a {@link BulkRestoreCallback}: a
     * restore is loaded as sorted table files (see {@link SstBulkLoader}), not through the
     * memtable.
     */
    @Override
    public void init(StateStoreContext context, StateStore root) {
        open(context);
        context.register(root, new BulkRestoreCallback(this, restoreChunking));
    }

    /**
     * Bulk loading during a restore: automatic compactions off (a compaction running while a file
     * is ingested makes the ingestion wait, and its CPU would compete with the restore; RocksDB
     * also skips its level-0 write stalls while they are off), back on afterwards. Each loaded
     * chunk is one more level-0 file; if a restore ends with more than
     * {@link #MAX_LEVEL0_FILES_AFTER_RESTORE} of them, they are compacted before the restore
     * returns (a full compaction, counted in the restore's time), because RocksDB slows writes
     * down at 20 level-0 files and stops them at 36 until compactions catch up: processing would
     * stall behind the restore's compaction debt (the reason Kafka Streams dropped its bulk-loading
     * mode). Fewer files are compacted by the ordinary background compactions.
     */
    void bulkLoading(boolean on) {
        long stamp = lock.readLock();
        try {
            if (!state.isOpen()) {
                return;
            }
            if (!on && level0FilesUnlocked() > MAX_LEVEL0_FILES_AFTER_RESTORE) {
                db.compactRange();
            }
            db.setOptions(MutableColumnFamilyOptions.builder().setDisableAutoCompactions(on).build());
        } catch (RocksDBException e) {
            throw error(on ? "start of bulk loading" : "end of bulk loading", e);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Opens the instance without registering it for restore (segments). */
    public void open(StateStoreContext context) {
        dir = context.stateDir().resolve(parentDir).resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ProcessorStateException("cannot create directory of store " + name + ": " + dir, e);
        }
        SstBulkLoader.deleteLeftovers(dir);
        RocksDBStoreOptions opts = new RocksDBStoreOptions(context.rocksDBResources());
        try {
            db = RocksDB.open(opts.options, dir.toString());
        } catch (RocksDBException e) {
            opts.close();
            Status.Code code = e.getStatus() == null ? null : e.getStatus().getCode();
            if (code == Status.Code.Corruption || code == Status.Code.NotFound || code == Status.Code.InvalidArgument) {
                throw new CorruptedStoreException("store " + name + " has corrupt files in " + dir + ": " + e.getMessage(), e);
            }
            throw new ProcessorStateException("cannot open store " + name + " in " + dir + ": " + e.getMessage(), e);
        }
        options = opts;
        resources = context.rocksDBResources();
        resources.register(this);
        state.opened();
    }

    @Override
    public long activeMemtableBytes() {
        long stamp = lock.readLock();
        try {
            return state.isOpen() ? db.getLongProperty("rocksdb.cur-size-active-mem-table") : 0;
        } catch (RocksDBException e) {
            return 0;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public void scheduleFlush() {
        long stamp = lock.readLock();
        try {
            if (state.isOpen()) {
                db.flush(options.asyncFlushOptions);
            }
        } catch (RocksDBException e) {
            // a failed background flush is retried by the next relief or commit flush
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private void wrote(int writes) {
        writesSinceCheck += writes;
        if (writesSinceCheck >= WRITES_PER_MEMORY_CHECK) {
            writesSinceCheck = 0;
            resources.relieveMemoryPressure();
        }
    }

    /** The directory of the instance (valid after open). */
    public Path directory() {
        return dir;
    }

    @Override
    public byte[] get(Bytes key) {
        long stamp = lock.readLock();
        try {
            state.check();
            return db.get(options.readOptions, key.get());
        } catch (RocksDBException e) {
            throw error("get", e);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public void put(Bytes key, byte[] value) {
        long stamp = lock.readLock();
        try {
            state.check();
            if (value == null) {
                db.delete(options.writeOptions, key.get());
            } else {
                db.put(options.writeOptions, key.get(), value);
            }
        } catch (RocksDBException e) {
            throw error("put", e);
        } finally {
            lock.unlockRead(stamp);
        }
        wrote(1);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] old = get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        List<KeyValue<Bytes, byte[]>> ordered = entries.size() >= SORTED_BATCH_MIN ? sortedByKey(entries) : entries;
        long stamp = lock.readLock();
        try (WriteBatch batch = new WriteBatch()) {
            state.check();
            for (KeyValue<Bytes, byte[]> e : ordered) {
                if (e.value() == null) {
                    batch.delete(e.key().get());
                } else {
                    batch.put(e.key().get(), e.value());
                }
            }
            db.write(options.writeOptions, batch);
        } catch (RocksDBException e) {
            throw error("putAll", e);
        } finally {
            lock.unlockRead(stamp);
        }
        wrote(entries.size());
    }

    /** Writes restored changelog records with one write batch. */
    public void write(List<KeyValue<byte[], byte[]>> records) {
        long stamp = lock.readLock();
        try (WriteBatch batch = new WriteBatch()) {
            state.check();
            for (KeyValue<byte[], byte[]> e : records) {
                if (e.value() == null) {
                    batch.delete(e.key());
                } else {
                    batch.put(e.key(), e.value());
                }
            }
            db.write(options.writeOptions, batch);
        } catch (RocksDBException e) {
            throw error("restore", e);
        } finally {
            lock.unlockRead(stamp);
        }
        wrote(records.size());
    }

    /** The number of table files in level 0 (each a sorted run that reads must merge). */
    long level0Files() {
        long stamp = lock.readLock();
        try {
            state.check();
            return level0FilesUnlocked();
        } catch (RocksDBException e) {
            throw error("level-0 file count", e);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private long level0FilesUnlocked() throws RocksDBException {
        return Long.parseLong(db.getProperty("rocksdb.num-files-at-level0").trim());
    }

    /** A loader of restore chunks into this instance (valid while it is open). */
    SstBulkLoader bulkLoader() {
        return new SstBulkLoader(dir, options.options);
    }

    /** Loads a restore chunk as one table file (see {@link SstBulkLoader}). */
    void ingest(RestoreChunk chunk, SstBulkLoader loader) {
        long stamp = lock.readLock();
        try {
            state.check();
            loader.load(chunk, db);
        } catch (RocksDBException e) {
            throw error("restore", e);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public byte[] delete(Bytes key) {
        byte[] old = get(key);
        if (old != null) {
            put(key, null);
        }
        return old;
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> iterate(Bytes from, Bytes to, boolean toInclusive, boolean forward) {
        long stamp = lock.readLock();
        try {
            state.check();
            if (from != null && to != null && from.compareTo(to) > 0) {
                return iterators.add(new RocksIteratorAdapter(null, null, null, null, forward));
            }
            ReadOptions ro = new ReadOptions();
            Slice lower = null;
            Slice upper = null;
            if (from != null) {
                lower = new Slice(from.get());
                ro.setIterateLowerBound(lower);
            }
            if (to != null) {
                byte[] bound = to.get();
                if (toInclusive) {
                    bound = java.util.Arrays.copyOf(bound, bound.length + 1);
                }
                upper = new Slice(bound);
                ro.setIterateUpperBound(upper);
            }
            RocksIterator it = db.newIterator(ro);
            if (forward) {
                it.seekToFirst();
            } else {
                it.seekToLast();
            }
            return iterators.add(new RocksIteratorAdapter(it, ro, lower, upper, forward));
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public long approximateNumEntries() {
        long stamp = lock.readLock();
        try {
            state.check();
            return db.getLongProperty("rocksdb.estimate-num-keys");
        } catch (RocksDBException e) {
            throw error("approximateNumEntries", e);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public void flush() {
        long stamp = lock.readLock();
        try {
            state.check();
            db.flush(options.flushOptions);
        } catch (RocksDBException e) {
            throw error("flush", e);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public void close() {
        long stamp = lock.writeLock();
        try {
            if (!state.isOpen()) {
                return;
            }
            state.closed();
            resources.unregister(this);
            iterators.closeAll();
            db.close();
            db = null;
            options.close();
            options = null;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Closes the instance and deletes its directory (an expired segment). Without a write-ahead
     * log, closing flushes the memtables to table files first so that nothing is lost; for a store
     * about to be deleted that is wasted work (up to the memtable limit written and synced), so it
     * is switched off first.
     */
    public void destroy() {
        long stamp = lock.readLock();
        try {
            if (state.isOpen()) {
                db.setDBOptions(MutableDBOptions.builder().setAvoidFlushDuringShutdown(true).build());
            }
        } catch (RocksDBException e) {
            LOG.log(System.Logger.Level.WARNING, "store " + name + ": cannot skip the flush before deleting it", e);
        } finally {
            lock.unlockRead(stamp);
        }
        close();
        if (dir != null) {
            deleteRecursively(dir);
        }
    }

    public int openIterators() {
        return iterators.size();
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return state.isOpen();
    }

    private ProcessorStateException error(String op, RocksDBException e) {
        return new ProcessorStateException("error in " + op + " of store " + name + ": " + e.getMessage(), e);
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new ProcessorStateException("cannot delete " + path, e);
        }
    }

    /** A RocksDB iterator with its bound slices; every method synchronized against close. */
    private final class RocksIteratorAdapter implements KeyValueIterator<Bytes, byte[]> {
        private final RocksIterator it;
        private final ReadOptions readOptions;
        private final Slice lower;
        private final Slice upper;
        private final boolean forward;
        private boolean closed;

        RocksIteratorAdapter(RocksIterator it, ReadOptions readOptions, Slice lower, Slice upper, boolean forward) {
            this.it = it;
            this.readOptions = readOptions;
            this.lower = lower;
            this.upper = upper;
            this.forward = forward;
        }

        @Override
        public synchronized boolean hasNext() {
            check();
            return it != null && it.isValid();
        }

        @Override
        public synchronized KeyValue<Bytes, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<Bytes, byte[]> kv = new KeyValue<>(Bytes.wrap(it.key()), it.value());
            if (forward) {
                it.next();
            } else {
                it.prev();
            }
            return kv;
        }

        @Override
        public synchronized Bytes peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return Bytes.wrap(it.key());
        }

        private void check() {
            if (closed) {
                throw new InvalidStateStoreException("Iterator over store " + name + " is closed");
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (it != null) {
                it.close();
                readOptions.close();
                if (lower != null) {
                    lower.close();
                }
                if (upper != null) {
                    upper.close();
                }
            }
            iterators.remove(this);
        }
    }
}
