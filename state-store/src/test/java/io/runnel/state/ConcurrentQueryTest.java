package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interactive-query threads reading a RocksDB store while the stream thread writes and then
 * closes it: readers see values or, once closed, {@link InvalidStateStoreException}; never another
 * error or a crash of a native call on a closed instance.
 */
class ConcurrentQueryTest {
    @TempDir
    Path dir;

    @Test
    void shouldFailQueriesWithInvalidStateStoreExceptionOnlyAfterTheStoreCloses() throws Exception {
        try (RocksDBResources rocks = RocksDBResources.create(32L << 20)) {
            TaskStateManager manager = TaskStateManager.builder("app", "0_0", 0, dir).rocksDBResources(rocks).build();
            KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("kv"),
                    Serdes.string(), Serdes.string()).withLoggingDisabled().withCachingEnabled().build();
            manager.initStores(List.of(store));
            QueryableStores queryable = new QueryableStores();
            queryable.register(store);
            ReadOnlyKeyValueStore<String, String> view = queryable.store("kv", QueryableStoreTypes.keyValueStore());
            for (int i = 0; i < 1000; i++) {
                store.put("k" + i, "v" + i);
            }
            store.flush();

            ExecutorService readers = Executors.newFixedThreadPool(3);
            CountDownLatch started = new CountDownLatch(3);
            AtomicLong reads = new AtomicLong();
            List<Future<Throwable>> results = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                results.add(readers.submit(() -> {
                    started.countDown();
                    try {
                        while (true) {
                            assertThat(view.get("k7")).isEqualTo("v7");
                            try (KeyValueIterator<String, String> it = view.range("k1", "k2")) {
                                while (it.hasNext()) {
                                    it.next();
                                }
                            }
                            reads.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        return t;
                    }
                }));
            }
            started.await();
            for (int i = 0; i < 20_000; i++) {
                store.put("w" + (i % 500), "x" + i);
            }
            while (reads.get() < 10 && results.stream().noneMatch(Future::isDone)) {
                Thread.sleep(1);
            }
            manager.close();
            for (Future<Throwable> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(InvalidStateStoreException.class);
            }
            readers.shutdown();
            assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(reads.get()).isPositive();
        }
    }
}
