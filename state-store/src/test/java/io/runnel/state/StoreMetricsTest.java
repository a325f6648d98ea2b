package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.common.metrics.Histogram;
import io.runnel.common.metrics.MetricName;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores report operation counts and latencies to the metrics registry, and remove them on close. */
class StoreMetricsTest {
    @TempDir
    Path dir;

    @Test
    void shouldCountPutsGetsRangesAndFlushesPerStoreAndRemoveThemOnClose() {
        TestStores t = new TestStores(dir, null, new TestChangelog());
        TaskStateManager manager = t.manager();
        KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("kv"),
                Serdes.string(), Serdes.string()).build();
        manager.initStores(List.of(store));
        store.put("a", "1");
        store.put("b", "2");
        store.get("a");
        try (KeyValueIterator<String, String> it = store.all()) {
            it.hasNext();
        }
        store.flush();
        assertThat(histogram(t, "put-latency").count()).isEqualTo(2);
        assertThat(histogram(t, "get-latency").count()).isEqualTo(1);
        assertThat(histogram(t, "range-latency").count()).isEqualTo(1);
        assertThat(histogram(t, "flush-latency").count()).isEqualTo(1);
        manager.close();
        assertThat(t.metrics.metric(name("put-latency"))).isNull();
    }

    private static MetricName name(String metric) {
        return MetricName.of("state-store", metric, "task", "0_0", "store", "kv", "type", "in-memory");
    }

    private static Histogram histogram(TestStores t, String metric) {
        return (Histogram) t.metrics.metric(name(metric));
    }
}
