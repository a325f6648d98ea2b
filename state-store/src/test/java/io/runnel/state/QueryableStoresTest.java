package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serdes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interactive-query views over the instances of a store in two tasks. */
class QueryableStoresTest {
    @TempDir
    Path dir;

    private TaskStateManager task(int partition) {
        return TaskStateManager.builder("app", "0_" + partition, partition, dir.resolve("0_" + partition)).build();
    }

    private static <K, V> List<KeyValue<K, V>> drain(KeyValueIterator<K, V> it) {
        List<KeyValue<K, V>> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void shouldQueryKeyValueAndWindowStoresByNameAcrossTasks() {
        QueryableStores stores = new QueryableStores();
        try (TaskStateManager t0 = task(0); TaskStateManager t1 = task(1)) {
            List<TimestampedKeyValueStore<String, Long>> kvs = new ArrayList<>();
            List<WindowStore<String, Long>> wins = new ArrayList<>();
            for (TaskStateManager t : List.of(t0, t1)) {
                TimestampedKeyValueStore<String, Long> kv = Stores.timestampedKeyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("counts"), Serdes.string(), Serdes.longSerde()).build();
                WindowStore<String, Long> win = Stores.windowStoreBuilder(Stores.inMemoryWindowStore("windowed",
                        Duration.ofHours(1), Duration.ofMinutes(1), false), Serdes.string(), Serdes.longSerde()).build();
                t.initStores(List.of(kv, win));
                stores.register(kv);
                stores.register(win);
                kvs.add(kv);
                wins.add(win);
            }
            kvs.get(0).put("a", ValueAndTimestamp.make(1L, 10));
            kvs.get(1).put("b", ValueAndTimestamp.make(2L, 20));
            wins.get(1).put("b", 5L, 60_000);

            ReadOnlyKeyValueStore<String, Long> view = stores.store("counts", QueryableStoreTypes.keyValueStore());
            assertThat(view.get("a")).isEqualTo(1L);
            assertThat(view.get("b")).isEqualTo(2L);
            assertThat(view.get("z")).isNull();
            assertThat(drain(view.range("a", "z"))).containsExactlyInAnyOrder(KeyValue.pair("a", 1L), KeyValue.pair("b", 2L));
            assertThat(view.approximateNumEntries()).isEqualTo(2);
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<Long>> timestamped =
                    stores.store("counts", QueryableStoreTypes.timestampedKeyValueStore());
            assertThat(timestamped.get("b")).isEqualTo(ValueAndTimestamp.make(2L, 20));

            ReadOnlyWindowStore<String, Long> windows = stores.store("windowed", QueryableStoreTypes.windowStore());
            assertThat(windows.fetch("b", 60_000)).isEqualTo(5L);
            assertThat(drain(windows.fetch("b", 0, 120_000))).containsExactly(KeyValue.pair(60_000L, 5L));
            assertThat(drain(windows.fetchAll(0, 120_000))).hasSize(1);

            assertThatThrownBy(() -> stores.store("counts", QueryableStoreTypes.windowStore()))
                    .isInstanceOf(InvalidStateStoreException.class);
            assertThatThrownBy(() -> stores.store("nope", QueryableStoreTypes.keyValueStore()))
                    .isInstanceOf(InvalidStateStoreException.class).hasMessageContaining("nope");

            kvs.get(1).close();
            assertThatThrownBy(() -> view.get("a")).isInstanceOf(InvalidStateStoreException.class);
        }
    }
}
