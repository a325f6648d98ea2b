package io.runnel.bench.state;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Point reads of random existing keys: both systems are loaded with {@code --keys} entries
 * (default: {@code --ops}, at most 10,000,000; 16-byte keys, 100-byte values; not timed, flushed
 * to disk), then {@code --ops} gets are timed. Variants: {@code uncached} and {@code cached} (a
 * cached store whose cache holds nothing: reads pay the cache lookup, as after a commit).
 */
public final class StoreGetWorkload implements Workload {

    @Override
    public String name() {
        return "store-get";
    }

    @Override
    public String description() {
        return "state-store gets of random loaded keys vs raw rocksdbjni; --ops 10000000 --keys OPS --variants uncached,cached";
    }

    @Override
    public List<Result> run(Options options) {
        String variants = options.string("variants", "uncached,cached");
        List<Result> results = new ArrayList<>();
        try (StoreBench bench = new StoreBench(options)) {
            long keys = options.longValue("keys", Math.min(bench.ops, 10_000_000L));
            try (StoreBench.Raw raw = bench.raw("raw-get")) {
                byte[] key = new byte[StoreBench.KEY_SIZE];
                byte[] value = StoreBench.value(1);
                for (long i = 0; i < keys; i++) {
                    StoreBench.key(i, key);
                    raw.put(key, value);
                }
                raw.flush();
                for (String variant : variants.split(",")) {
                    boolean cached = variant.equals("cached");
                    try (StoreBench.Opened s = bench.runnel("get-" + variant, cached, false)) {
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
                            rawT = rawT.best(timeRaw(raw, bench.ops, keys));
                            runnelT = runnelT.best(timeRunnel(s, bench.ops, keys));
                        }
                        results.add(new Result("store-get", "rocksdb", 1e9 / rawT.wallNs(),
                                StoreBench.figures(variant, bench.ops, rounds, rawT, rawT)));
                        results.add(new Result("store-get", "runnel", 1e9 / runnelT.wallNs(),
                                StoreBench.figures(variant, bench.ops, rounds, runnelT, rawT)));
                    }
                }
            }
        }
        return results;
    }


    private static StoreBench.Timing timeRaw(StoreBench.Raw raw, long ops, long keys) {
        SplittableRandom random = new SplittableRandom(42);
        byte[] key = new byte[StoreBench.KEY_SIZE];
        long found = 0;
        long start = System.nanoTime();
        long cpu = StoreBench.cpuNanos();
        for (long i = 0; i < ops; i++) {
            StoreBench.key(random.nextLong(keys), key);
            if (raw.get(key) != null) {
                found++;
            }
        }
        long ns = System.nanoTime() - start;
        long cpuNs = StoreBench.cpuNanos() - cpu;
        check(found, ops);
        return new StoreBench.Timing(ns / (double) ops, cpuNs / (double) ops);
    }

    private static StoreBench.Timing timeRunnel(StoreBench.Opened s, long ops, long keys) {
        SplittableRandom random = new SplittableRandom(42);
        long found = 0;
        long start = System.nanoTime();
        long cpu = StoreBench.cpuNanos();
        for (long i = 0; i < ops; i++) {
            byte[] key = new byte[StoreBench.KEY_SIZE];
            StoreBench.key(random.nextLong(keys), key);
            if (s.store().get(key) != null) {
                found++;
            }
        }
        long ns = System.nanoTime() - start;
        long cpuNs = StoreBench.cpuNanos() - cpu;
        check(found, ops);
        return new StoreBench.Timing(ns / (double) ops, cpuNs / (double) ops);
    }

    private static void check(long found, long ops) {
        if (found != ops) {
            throw new IllegalStateException("found " + found + " of " + ops + " keys");
        }
    }
}
