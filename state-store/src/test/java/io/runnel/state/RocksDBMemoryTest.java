package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded RocksDB memory, measured as the resident set (VmRSS) of a child JVM whose heap is small
 * and pre-touched, so that growth is native memory. Bounds are generous: they catch a memory
 * model that multiplies with the number of stores, or a leak per open/close, not small drifts.
 */
@EnabledOnOs(OS.LINUX)
class RocksDBMemoryTest {
    static final long MIB = 1024 * 1024;

    @TempDir
    Path tempDir;
    Path dir;

    /** Uses a RAM file system when there is one: the probes measure memory, and fsyncs there cost nothing. */
    @BeforeEach
    void pickDirectory() throws IOException {
        Path shm = Path.of("/dev/shm");
        dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "runnel-memory-test") : tempDir;
    }

    @AfterEach
    void deleteDirectory() throws IOException {
        if (!dir.equals(tempDir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void shouldKeepMemoryOfAHundredOpenStoresWithinTheSharedBound() throws Exception {
        long total = 32 * MIB;
        // 100 stores x 2 MiB written: 200 MiB would sit in memtables (16 MiB each) without the shared write buffer manager
        Map<String, Long> r = probe("many", dir.toString(), "100", String.valueOf(2 * MIB), String.valueOf(total));
        long growthMib = (r.get("rss_after") - r.get("rss_before")) / 1024;
        assertThat(growthMib).as("RSS growth in MiB with a %d MiB bound", total / MIB).isLessThan(total / MIB + 80);
    }

    @Test
    void shouldNotLeakNativeMemoryWhenOpeningAndClosingAThousandStores() throws Exception {
        Map<String, Long> r = probe("cycle", dir.toString(), "1000", "100", String.valueOf(16 * MIB));
        long growthMib = (r.get("rss_after") - r.get("rss_before")) / 1024;
        assertThat(growthMib).as("RSS growth in MiB over 900 open/close cycles").isLessThan(40);
    }

    private static Map<String, Long> probe(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms48m", "-Xmx48m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String line = out.lines().filter(l -> l.startsWith("rss_before=")).findFirst().orElseThrow(() -> new AssertionError(out));
        System.out.println(String.join(" ", args) + " -> " + line);
        Map<String, Long> values = new java.util.HashMap<>();
        for (String kv : line.split(" ")) {
            String[] f = kv.split("=");
            values.put(f[0], Long.parseLong(f[1]));
        }
        return values;
    }

}
