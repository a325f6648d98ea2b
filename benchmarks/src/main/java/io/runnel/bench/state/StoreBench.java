package io.runnel.bench.state;

import io.runnel.bench.Options;
import io.runnel.common.Serdes;
import io.runnel.state.ChangelogWriter;
import io.runnel.state.KeyValueStore;
import io.runnel.state.RocksDBResources;
import io.runnel.state.StoreBuilder;
import io.runnel.state.Stores;
import io.runnel.state.TaskStateManager;
import io.runnel.state.ThreadCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * What the state-store workloads share: key and value generation (16-byte keys in a scrambled
 * order, 100-byte values), a Runnel store opened through the public API only (a
 * {@link TaskStateManager} over a temp directory, shared {@link RocksDBResources}), and a raw
 * rocksdbjni instance opened with the same options as Runnel's RocksDB stores (mirrored here
 * because benchmarks may not import internals: shared block cache and write buffer manager,
 * 4 KiB blocks, Bloom filter 10 bits, index/filter blocks cached with high priority, 16 MiB x 3
 * memtables, universal compaction, no compression, WAL disabled).
 */
final class StoreBench implements AutoCloseable {
    static final int KEY_SIZE = 16;
    static final int VALUE_SIZE = 100;

    final long ops;
    final Path dir;
    final RocksDBResources rocks;
    final long cacheBytes;
    final LongAdder changelogRecords = new LongAdder();

    StoreBench(Options options) {
        this.ops = options.longValue("ops", 10_000_000L);
        this.cacheBytes = options.longValue("cache-bytes", 64L << 20);
        long memory = options.longValue("rocksdb-memory", RocksDBResources.DEFAULT_TOTAL_BYTES);
        try {
            this.dir = Files.createTempDirectory(Path.of(options.string("dir", System.getProperty("java.io.tmpdir"))),
                    "runnel-store-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.rocks = RocksDBResources.create(memory);
    }

    /**
     * CPU time of the whole process (all threads, RocksDB's background threads included) in
     * nanoseconds: on a shared machine it is steadier than wall time, which also counts the time
     * other processes held the cores.
     */
    static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    /** Wall and CPU nanoseconds per operation of one timed run. */
    record Timing(double wallNs, double cpuNs) {
        Timing best(Timing o) {
            return new Timing(Math.min(wallNs, o.wallNs), Math.min(cpuNs, o.cpuNs));
        }

        static final Timing NONE = new Timing(Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** Times {@code run}, which performs {@code ops} operations. */
    static Timing time(long ops, Runnable run) {
        long cpu = cpuNanos();
        long wall = System.nanoTime();
        run.run();
        return new Timing((System.nanoTime() - wall) / (double) ops, (cpuNanos() - cpu) / (double) ops);
    }

    /** The figures of one result line. */
    static java.util.Map<String, Object> figures(String variant, long ops, int rounds, Timing t, Timing raw) {
        java.util.Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("variant", variant);
        f.put("ops", ops);
        f.put("rounds", rounds);
        f.put("ns_per_op", t.wallNs());
        f.put("cpu_ns_per_op", t.cpuNs());
        f.put("vs_rocksdb", t.wallNs() / raw.wallNs());
        f.put("cpu_vs_rocksdb", t.cpuNs() / raw.cpuNs());
        return f;
    }

    /** The i-th key of a scrambled sequence: distinct for distinct i, in no useful order. */
    static void key(long i, byte[] into) {
        long x = i * 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        ByteBuffer.wrap(into).putLong(x).putLong(i);
    }

    static byte[] value(long i) {
        byte[] v = new byte[VALUE_SIZE];
        ByteBuffer.wrap(v).putLong(i);
        return v;
    }

    /** A Runnel key-value store of byte arrays, initialized in its own task directory. */
    Opened runnel(String name, boolean cached, boolean logged) {
        TaskStateManager.Builder b = TaskStateManager.builder("bench", name, 0, dir.resolve(name)).rocksDBResources(rocks);
        if (cached) {
            b.cache(new ThreadCache("bench-" + name, cacheBytes, new io.runnel.common.metrics.MetricsRegistry(io.runnel.common.Time.SYSTEM)));
        }
        if (logged) {
            b.changelogWriters(tp -> countingSink());
        }
        TaskStateManager manager = b.build();
        StoreBuilder<KeyValueStore<byte[], byte[]>> sb = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("store"), Serdes.byteArray(), Serdes.byteArray());
        if (cached) {
            sb.withCachingEnabled();
        }
        if (!logged) {
            sb.withLoggingDisabled();
        }
        KeyValueStore<byte[], byte[]> store = sb.build();
        manager.initStores(List.of(store));
        return new Opened(manager, store);
    }

    /** The changelog sink when no log is used: counts records and touches their bytes. */
    private ChangelogWriter countingSink() {
        return (key, value, timestamp) -> changelogRecords.add(value == null ? 1 : 1 + (value[0] & 0));
    }

    record Opened(TaskStateManager manager, KeyValueStore<byte[], byte[]> store) implements AutoCloseable {
        void commit() {
            manager.flush();
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** A raw RocksDB instance with Runnel's store options. */
    Raw raw(String name) {
        return new Raw(dir.resolve(name), rocks);
    }

    static final class Raw implements AutoCloseable {
        final RocksDB db;
        final WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
        private final org.rocksdb.Options options;
        private final BloomFilter filter = new BloomFilter(10, false);
        private final FlushOptions flushOptions = new FlushOptions().setWaitForFlush(true);

        Raw(Path dir, RocksDBResources rocks) {
            BlockBasedTableConfig table = new BlockBasedTableConfig()
                    .setBlockCache(rocks.blockCache())
                    .setBlockSize(4096)
                    .setFilterPolicy(filter)
                    .setCacheIndexAndFilterBlocks(true)
                    .setCacheIndexAndFilterBlocksWithHighPriority(true)
                    .setPinTopLevelIndexAndFilter(true);
            options = new org.rocksdb.Options()
                    .setCreateIfMissing(true)
                    .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                    .setKeepLogFileNum(2)
                    .setStatsDumpPeriodSec(0)
                    .setWriteBufferManager(rocks.writeBufferManager())
                    .setTableFormatConfig(table)
                    .setWriteBufferSize(16L * 1024 * 1024)
                    .setMaxWriteBufferNumber(3)
                    .setCompactionStyle(CompactionStyle.UNIVERSAL)
                    .setCompressionType(CompressionType.NO_COMPRESSION)
                    .setMaxBackgroundJobs(2)
                    .setMaxOpenFiles(-1);
            try {
                Files.createDirectories(dir);
                db = RocksDB.open(options, dir.toString());
            } catch (IOException | RocksDBException e) {
                throw new IllegalStateException("cannot open raw RocksDB in " + dir, e);
            }
        }

        void put(byte[] k, byte[] v) {
            try {
                db.put(writeOptions, k, v);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] get(byte[] k) {
            try {
                return db.get(k);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        void flush() {
            try {
                db.flush(flushOptions);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            db.close();
            options.close();
            filter.close();
            flushOptions.close();
            writeOptions.close();
        }
    }

    @Override
    public void close() {
        rocks.close();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
