package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.ManualTime;
import io.runnel.common.metrics.MetricsRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of {@link ThreadCache} against reference models: a sorted map plus the
 * order of first dirtying (no eviction), and "last write wins" per key (with eviction). Each seed
 * is printed; replay one with {@code -Drunnel.seed=<seed>}.
 */
class ThreadCachePropertyTest {
    static final String NS = "0_0.store";

    private static Bytes key(int k) {
        return Bytes.wrap(String.format("k%03d", k).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldAgreeWithASortedMapForRandomPutsDeletesGetsRangesAndFlushes() {
        forSeeds("sorted-model", this::runSortedModel);
    }

    @Test
    void shouldKeepEveryKeysLastWriteInTheCacheOrFlushedWhileEvictingUnderATightBound() {
        forSeeds("eviction-model", this::runEvictionModel);
    }

    private static void forSeeds(String what, java.util.function.LongConsumer run) {
        String fixed = System.getProperty("runnel.seed");
        long base = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
        int runs = fixed != null ? 1 : 8;
        for (int i = 0; i < runs; i++) {
            long seed = base + i;
            System.out.println("ThreadCachePropertyTest " + what + " seed=" + seed);
            try {
                run.accept(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("failed with seed " + seed + " (replay with -Drunnel.seed=" + seed + ")", e);
            }
        }
    }

    private void runSortedModel(long seed) {
        Random random = new Random(seed);
        ThreadCache cache = new ThreadCache("t", Long.MAX_VALUE / 4, new MetricsRegistry(new ManualTime()));
        List<String> flushed = new ArrayList<>();
        cache.addDirtyEntryFlushListener(NS, entries -> entries.forEach(e ->
                flushed.add(e.key() + "=" + text(e.value()) + "@" + e.timestamp())));
        TreeMap<Bytes, String> model = new TreeMap<>();
        Map<Bytes, Long> timestamps = new HashMap<>();
        LinkedHashMap<Bytes, Boolean> dirtyOrder = new LinkedHashMap<>();
        int keys = 1 + random.nextInt(200);
        for (int op = 0; op < 5_000; op++) {
            int choice = random.nextInt(100);
            Bytes k = key(random.nextInt(keys));
            if (choice < 45) {
                String v = random.nextInt(10) == 0 ? null : "v" + op;
                cache.put(NS, k, new ThreadCache.Entry(bytes(v), true, op));
                model.put(k, v);
                timestamps.put(k, (long) op);
                dirtyOrder.putIfAbsent(k, true);
            } else if (choice < 50) {
                cache.delete(NS, k);
                model.remove(k);
                dirtyOrder.remove(k);
            } else if (choice < 70) {
                ThreadCache.Entry e = cache.get(NS, k);
                assertThat(e == null).as("cached %s", k).isEqualTo(!model.containsKey(k));
                if (e != null) {
                    assertThat(text(e.value())).isEqualTo(model.get(k));
                }
            } else if (choice < 90) {
                Bytes a = key(random.nextInt(keys));
                Bytes b = key(random.nextInt(keys));
                Bytes from = random.nextInt(5) == 0 ? null : a.compareTo(b) <= 0 ? a : b;
                Bytes to = random.nextInt(5) == 0 ? null : a.compareTo(b) <= 0 ? b : a;
                boolean fromInclusive = random.nextBoolean();
                boolean toInclusive = random.nextBoolean();
                boolean forward = random.nextBoolean();
                int limit = 1 + random.nextInt(50);
                NavigableMap<Bytes, String> sub = model;
                if (from != null && to != null && from.equals(to) && !(fromInclusive && toInclusive)) {
                    sub = new TreeMap<>();
                } else if (from != null) {
                    sub = sub.tailMap(from, fromInclusive);
                }
                if (to != null && !sub.isEmpty()) {
                    sub = sub.headMap(to, toInclusive);
                }
                if (!forward) {
                    sub = sub.descendingMap();
                }
                List<String> expected = new ArrayList<>();
                for (Map.Entry<Bytes, String> e : sub.entrySet()) {
                    if (expected.size() == limit) {
                        break;
                    }
                    expected.add(e.getKey() + "=" + e.getValue());
                }
                List<String> actual = new ArrayList<>();
                for (Map.Entry<Bytes, ThreadCache.Entry> e
                        : cache.range(NS, from, fromInclusive, to, toInclusive, forward, limit)) {
                    actual.add(e.getKey() + "=" + text(e.getValue().value()));
                }
                assertThat(actual).as("range %s..%s", from, to).isEqualTo(expected);
            } else {
                flushed.clear();
                cache.flush(NS);
                List<String> expected = new ArrayList<>();
                for (Bytes d : dirtyOrder.keySet()) {
                    expected.add(d + "=" + model.get(d) + "@" + timestamps.get(d));
                }
                assertThat(flushed).isEqualTo(expected);
                dirtyOrder.clear();
                model.values().removeIf(v -> v == null);
                assertThat(cache.size(NS)).isEqualTo(model.size());
            }
        }
    }

    private void runEvictionModel(long seed) {
        Random random = new Random(seed);
        long entryBytes = 4 + 6 + ThreadCache.ENTRY_OVERHEAD;
        long bound = entryBytes * (1 + random.nextInt(50));
        ThreadCache cache = new ThreadCache("t", bound, new MetricsRegistry(new ManualTime()));
        Map<Bytes, String> written = new HashMap<>();
        Map<Bytes, String> flushedLast = new HashMap<>();
        cache.addDirtyEntryFlushListener(NS, entries -> entries.forEach(e -> flushedLast.put(e.key(), text(e.value()))));
        int keys = 1 + random.nextInt(300);
        for (int op = 0; op < 5_000; op++) {
            Bytes k = key(random.nextInt(keys));
            int choice = random.nextInt(100);
            if (choice < 70) {
                String v = String.format("v%05d", op % 100_000);
                cache.put(NS, k, new ThreadCache.Entry(bytes(v), true, op));
                written.put(k, v);
                assertThat(cache.sizeBytes()).isLessThanOrEqualTo(bound);
            } else if (choice < 90) {
                cache.get(NS, k);
                if (random.nextBoolean()) {
                    cache.range(NS, null, true, null, true, random.nextBoolean(), 10);
                }
            } else {
                cache.flush(NS);
            }
            if (op % 20 != 0) {
                continue;
            }
            for (Map.Entry<Bytes, String> w : written.entrySet()) {
                ThreadCache.Entry cached = cache.get(NS, w.getKey());
                String seen = cached != null ? text(cached.value()) : flushedLast.get(w.getKey());
                assertThat(seen).as("latest of %s", w.getKey()).isEqualTo(w.getValue());
            }
        }
    }
}
