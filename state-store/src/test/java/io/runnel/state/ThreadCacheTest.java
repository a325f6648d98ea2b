package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.ManualTime;
import io.runnel.common.metrics.MetricsRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadCacheTest {
    final MetricsRegistry metrics = new MetricsRegistry(new ManualTime());

    private static Bytes key(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static ThreadCache.Entry dirty(String v, long ts) {
        return new ThreadCache.Entry(v.getBytes(StandardCharsets.UTF_8), true, ts);
    }

    @Test
    void shouldFlushDirtyEntriesInTheOrderTheyWereFirstDirtied() {
        ThreadCache cache = new ThreadCache("t", 1 << 20, metrics);
        List<String> flushed = new ArrayList<>();
        cache.addDirtyEntryFlushListener("ns", entries -> entries.forEach(e ->
                flushed.add(e.key() + "=" + new String(e.value(), StandardCharsets.UTF_8) + "@" + e.timestamp())));
        cache.put("ns", key("b"), dirty("1", 1));
        cache.put("ns", key("a"), dirty("2", 2));
        cache.put("ns", key("b"), dirty("3", 3));
        cache.flush("ns");
        assertThat(flushed).containsExactly("b=3@3", "a=2@2");
        flushed.clear();
        cache.flush("ns");
        assertThat(flushed).isEmpty();
        assertThat(cache.size("ns")).isEqualTo(2);
    }

    @Test
    void shouldEvictLeastRecentlyUsedEntriesOfTheNamespaceWrittenWhenOverTheBound() {
        long entry = 1 + 1 + ThreadCache.ENTRY_OVERHEAD;
        ThreadCache cache = new ThreadCache("t", 3 * entry, metrics);
        List<String> flushed = new ArrayList<>();
        cache.addDirtyEntryFlushListener("ns", entries -> entries.forEach(e -> flushed.add(e.key().toString())));
        cache.put("ns", key("a"), dirty("1", 0));
        cache.put("ns", key("b"), dirty("1", 0));
        cache.put("ns", key("c"), dirty("1", 0));
        cache.get("ns", key("a"));
        cache.put("ns", key("d"), dirty("1", 0));
        // evicting b (least recently used) flushed every dirty entry of the namespace first, d included
        assertThat(flushed).containsExactly("a", "b", "c", "d");
        assertThat(cache.get("ns", key("b"))).isNull();
        assertThat(cache.get("ns", key("a"))).isNotNull();
        assertThat(cache.sizeBytes()).isLessThanOrEqualTo(3 * entry);
    }

    @Test
    void shouldReturnSortedRangeSnapshotsIncludingPendingDeletes() {
        ThreadCache cache = new ThreadCache("t", 1 << 20, metrics);
        cache.addDirtyEntryFlushListener("ns", entries -> { });
        cache.put("ns", key("c"), dirty("1", 0));
        cache.put("ns", key("a"), dirty("1", 0));
        cache.put("ns", key("b"), new ThreadCache.Entry(null, true, 0));
        assertThat(cache.range("ns", key("a"), key("b"), true)).extracting(e -> e.getKey().toString()).containsExactly("a", "b");
        assertThat(cache.range("ns", null, null, false)).extracting(e -> e.getKey().toString()).containsExactly("c", "b", "a");
        cache.flush("ns");
        assertThat(cache.get("ns", key("b"))).as("flushed deletes leave the cache").isNull();
    }

    @Test
    void shouldReturnNothingForARangeFromAKeyToItselfWithAnExclusiveBound() {
        ThreadCache cache = new ThreadCache("t", 1 << 20, metrics);
        cache.addDirtyEntryFlushListener("ns", entries -> { });
        cache.put("ns", key("a"), dirty("1", 0));
        cache.put("ns", key("b"), dirty("1", 0));
        // a cursor's next chunk after it read exactly its upper bound asks for (b, b]
        assertThat(cache.range("ns", key("b"), false, key("b"), true, true, 10)).isEmpty();
        assertThat(cache.range("ns", key("b"), true, key("b"), false, false, 10)).isEmpty();
        assertThat(cache.range("ns", key("b"), true, key("b"), true, true, 10)).hasSize(1);
    }
}
