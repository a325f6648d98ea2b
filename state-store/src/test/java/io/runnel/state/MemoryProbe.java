package io.runnel.state;

import io.runnel.common.Serdes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM (small pre-touched heap, so resident-set growth is native memory) by
 * {@link RocksDBMemoryTest}; prints {@code rss_before=N rss_after=N} in KiB.
 * <pre>
 *   MemoryProbe many DIR STORES BYTES_PER_STORE TOTAL_BYTES     open STORES stores at once, write to each
 *   MemoryProbe cycle DIR CYCLES WARMUP TOTAL_BYTES             open, write, close one store CYCLES times (flushing every 10th), leaving an iterator open
 * </pre>
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        try (RocksDBResources rocks = RocksDBResources.create(Long.parseLong(args[4]))) {
            if (mode.equals("many")) {
                many(dir, Integer.parseInt(args[2]), Long.parseLong(args[3]), rocks);
            } else {
                cycle(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]), rocks);
            }
        }
    }

    private static TaskStateManager manager(Path dir, RocksDBResources rocks, String task) {
        return TaskStateManager.builder("probe", task, 0, dir.resolve(task)).rocksDBResources(rocks).build();
    }

    private static KeyValueStore<byte[], byte[]> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.byteArray(), Serdes.byteArray())
                .withLoggingDisabled().build();
    }

    private static void many(Path dir, int stores, long bytesPerStore, RocksDBResources rocks) {
        long before = rssKib();
        List<TaskStateManager> managers = new ArrayList<>();
        byte[] value = new byte[1000];
        int perStore = (int) (bytesPerStore / value.length);
        for (int s = 0; s < stores; s++) {
            TaskStateManager m = manager(dir, rocks, "t" + s);
            KeyValueStore<byte[], byte[]> kv = store("s");
            m.initStores(List.of(kv));
            managers.add(m);
            for (int i = 0; i < perStore; i++) {
                value[0] = (byte) i;
                kv.put(key(s, i), value);
            }
        }
        long after = rssKib();
        System.out.println("rss_before=" + before + " rss_after=" + after + " cache_used=" + rocks.usedBytes());
        managers.forEach(TaskStateManager::close);
    }

    private static void cycle(Path dir, int cycles, int warmup, RocksDBResources rocks) throws IOException {
        long before = 0;
        byte[] value = new byte[100];
        for (int c = 0; c < cycles; c++) {
            if (c == warmup) {
                before = rssKib();
            }
            TaskStateManager m = manager(dir, rocks, "t");
            KeyValueStore<byte[], byte[]> kv = store("s" + (c % 10));
            m.initStores(List.of(kv));
            for (int i = 0; i < 100; i++) {
                kv.put(key(c, i), value);
            }
            try (KeyValueIterator<byte[], byte[]> it = kv.all()) {
                it.hasNext();
            }
            KeyValueIterator<byte[], byte[]> leaked = kv.all();
            leaked.hasNext();
            if (c % 10 == 0) {
                m.flush();
            }
            m.close();
        }
        long after = rssKib();
        System.out.println("rss_before=" + before + " rss_after=" + after);
    }

    private static byte[] key(int a, int b) {
        return java.nio.ByteBuffer.allocate(16).putLong(a).putLong(b).array();
    }

    static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
