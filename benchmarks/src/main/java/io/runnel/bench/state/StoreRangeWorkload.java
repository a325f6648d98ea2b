package io.runnel.bench.state;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rocksdb.RocksIterator;

/**
 * Range scans: both systems are loaded with {@code --keys} entries (default {@code --ops}, at most
 * 10,000,000), then scans of {@code --scan-length} entries (default 100) from random start keys
 * are timed until {@code --ops} entries were read. Reported per entry read. Variants
 * {@code uncached} and {@code cached} (cache empty: the scan merges with an empty cache snapshot).
 */
public final class StoreRangeWorkload implements Workload {

    @Override
    public String name() {
        return "store-range";
    }

    @Override
    public String description() {
        return "state-store range scans (100 entries from random keys) vs raw rocksdbjni; --ops 10000000 --scan-length 100";
    }

    @Override
    public List<Result> run(Options options) {
        String variants = options.string("variants", "uncached,cached");
        int scanLength = options.intValue("scan-length", 100);
        List<Result> results = new ArrayList<>();
        try (StoreBench bench = new StoreBench(options)) {
            long keys = options.longValue("keys", Math.min(bench.ops, 10_000_000L));
            try (StoreBench.Raw raw = bench.raw("raw-range")) {
                byte[] key = new byte[StoreBench.KEY_SIZE];
                byte[] value = StoreBench.value(1);
                for (long i = 0; i < keys; i++) {
                    StoreBench.key(i, key);
                    raw.put(key, value);
                }
                raw.flush();
                for (String variant : variants.split(",")) {
                    try (StoreBench.Opened s = bench.runnel("range-" + variant, variant.equals("cached"), false)) {
                        for (long i = 0; i < keys; i++) {
                            byte[] k = new byte[StoreBench.KEY_SIZE];
                            StoreBench.key(i, k);
                            s.store().put(k, value);
                        }
                        s.commit();
                        int rounds = options.intValue("rounds", 3);
                        StoreBench.Timing rawT = StoreBench.Timing.NONE;
                        StoreBench.Timing runnelT = StoreBench.Timing.NONE;
                        for (int r = 0; r < rounds; r++) {
                            rawT = rawT.best(timeRaw(raw, bench.ops, keys, scanLength));
                            runnelT = runnelT.best(timeRunnel(s, bench.ops, keys, scanLength));
                        }
                        results.add(new Result("store-range", "rocksdb", 1e9 / rawT.wallNs(),
                                StoreBench.figures(variant, bench.ops, rounds, rawT, rawT)));
                        results.add(new Result("store-range", "runnel", 1e9 / runnelT.wallNs(),
                                StoreBench.figures(variant, bench.ops, rounds, runnelT, rawT)));
                    }
                }
            }
        }
        return results;
    }


    private static StoreBench.Timing timeRaw(StoreBench.Raw raw, long ops, long keys, int scanLength) {
        SplittableRandom random = new SplittableRandom(7);
        byte[] from = new byte[StoreBench.KEY_SIZE];
        long read = 0;
        long checksum = 0;
        long start = System.nanoTime();
        long cpu = StoreBench.cpuNanos();
        while (read < ops) {
            StoreBench.key(random.nextLong(keys), from);
            try (RocksIterator it = raw.db.newIterator()) {
                it.seek(from);
                for (int n = 0; n < scanLength && it.isValid(); n++, read++) {
                    checksum += it.key()[0] + it.value()[0];
                    it.next();
                }
            }
        }
        long ns = System.nanoTime() - start;
        long cpuNs = StoreBench.cpuNanos() - cpu;
        return new StoreBench.Timing(ns / (double) read + (checksum == 42 ? 1e-9 : 0), cpuNs / (double) read);
    }

    private static StoreBench.Timing timeRunnel(StoreBench.Opened s, long ops, long keys, int scanLength) {
        SplittableRandom random = new SplittableRandom(7);
        long read = 0;
        long checksum = 0;
        long start = System.nanoTime();
        long cpu = StoreBench.cpuNanos();
        while (read < ops) {
            byte[] from = new byte[StoreBench.KEY_SIZE];
            StoreBench.key(random.nextLong(keys), from);
            try (KeyValueIterator<byte[], byte[]> it = s.store().range(from, null)) {
                for (int n = 0; n < scanLength && it.hasNext(); n++, read++) {
                    KeyValue<byte[], byte[]> kv = it.next();
                    checksum += kv.key()[0] + kv.value()[0];
                }
            }
        }
        long ns = System.nanoTime() - start;
        long cpuNs = StoreBench.cpuNanos() - cpu;
        return new StoreBench.Timing(ns / (double) read + (checksum == 42 ? 1e-9 : 0), cpuNs / (double) read);
    }
}
