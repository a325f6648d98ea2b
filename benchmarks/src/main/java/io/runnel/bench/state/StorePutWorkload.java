package io.runnel.bench.state;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts of 16-byte keys / 100-byte values into a Runnel RocksDB key-value store and into raw
 * rocksdbjni with the same options, in the same run. Variants ({@code --variants}, comma list):
 * <ul>
 * <li>{@code uncached}: distinct keys, no cache, no changelog;</li>
 * <li>{@code logged}: as uncached, every put also sent to the changelog sink (a counting sink: this
 *     measures the store side of change logging, not a log);</li>
 * <li>{@code cached-hot}: keys drawn from a hot set ({@code --hot-keys}, default 10,000) into a cached
 *     store (thread cache {@code --cache-bytes}, default 64 MiB), committed (cache flushed to the
 *     store, memtables flushed to disk, as Kafka Streams commits) every {@code --commit-every} puts
 *     (default 1,000,000); raw RocksDB puts the same keys;</li>
 * <li>{@code cached-hot-logged}: as cached-hot with a changelog.</li>
 * </ul>
 * Runnel's loop allocates a fresh key and value array per put (a cached store keeps the arrays it
 * is given, as values produced by serializers are); raw RocksDB reuses one (JNI copies them).
 * Time includes the final flush to disk (commit in Runnel, memtable flush in raw RocksDB). Each
 * system runs {@code --rounds} times (default 3) alternately, each round on a fresh instance; the
 * best round is reported (the machine is shared; the best round is the least disturbed one), as
 * wall and process-CPU nanoseconds per put.
 */
public final class StorePutWorkload implements Workload {

    @Override
    public String name() {
        return "store-put";
    }

    @Override
    public String description() {
        return "state-store puts (16 B keys, 100 B values) vs raw rocksdbjni; --ops 10000000 --variants uncached,logged,cached-hot,cached-hot-logged";
    }

    @Override
    public List<Result> run(Options options) {
        String variants = options.string("variants", "uncached,logged,cached-hot,cached-hot-logged");
        long hotKeys = options.longValue("hot-keys", 10_000);
        long commitEvery = options.longValue("commit-every", 1_000_000);
        int rounds = options.intValue("rounds", 3);
        List<Result> results = new ArrayList<>();
        try (StoreBench bench = new StoreBench(options)) {
            for (String variant : variants.split(",")) {
                boolean hot = variant.startsWith("cached-hot");
                boolean logged = variant.endsWith("logged");
                long keySpace = hot ? hotKeys : bench.ops;
                StoreBench.Timing raw = StoreBench.Timing.NONE;
                StoreBench.Timing runnel = StoreBench.Timing.NONE;
                for (int r = 0; r < rounds; r++) {
                    raw = raw.best(raw(bench, variant + "-" + r, keySpace));
                    runnel = runnel.best(runnel(bench, variant + "-" + r, keySpace, hot, logged, commitEvery));
                }
                results.add(new Result("store-put", "rocksdb", 1e9 / raw.wallNs(),
                        StoreBench.figures(variant, bench.ops, rounds, raw, raw)));
                results.add(new Result("store-put", "runnel", 1e9 / runnel.wallNs(),
                        StoreBench.figures(variant, bench.ops, rounds, runnel, raw)));
            }
        }
        return results;
    }

    private static StoreBench.Timing raw(StoreBench bench, String name, long keySpace) {
        byte[] key = new byte[StoreBench.KEY_SIZE];
        byte[] value = StoreBench.value(7);
        try (StoreBench.Raw raw = bench.raw("raw-put-" + name)) {
            return StoreBench.time(bench.ops, () -> {
                for (long i = 0; i < bench.ops; i++) {
                    StoreBench.key(i % keySpace, key);
                    value[0] = (byte) i;
                    raw.put(key, value);
                }
                raw.flush();
            });
        }
    }

    private static StoreBench.Timing runnel(StoreBench bench, String name, long keySpace, boolean cached, boolean logged,
                                            long commitEvery) {
        try (StoreBench.Opened s = bench.runnel("put-" + name, cached, logged)) {
            return StoreBench.time(bench.ops, () -> {
                for (long i = 0; i < bench.ops; i++) {
                    byte[] key = new byte[StoreBench.KEY_SIZE];
                    byte[] value = StoreBench.value(7);
                    StoreBench.key(i % keySpace, key);
                    value[0] = (byte) i;
                    s.store().put(key, value);
                    if (cached && (i + 1) % commitEvery == 0) {
                        s.commit();
                    }
                }
                s.commit();
            });
        }
    }
}
