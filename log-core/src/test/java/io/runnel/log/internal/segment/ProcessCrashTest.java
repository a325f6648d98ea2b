package io.runnel.log.internal.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.ManualTime;
import io.runnel.common.TopicPartition;
import io.runnel.log.FlushPolicy;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.record.Records;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM ({@link CrashChild}) that appends with FlushPolicy ALWAYS at random
 * points (SIGKILL via {@link Process#destroyForcibly()}), reopens the partition after each kill and
 * checks that every acknowledged record is there exactly once, at its acknowledged offset, in
 * order. Seeded; the seed is printed.
 */
class ProcessCrashTest {
    @TempDir
    Path root;

    @Test
    void shouldKeepEveryAcknowledgedRecordExactlyOnceAcrossSigkills() throws Exception {
        long seed = Long.getLong("runnel.seed", System.nanoTime());
        System.out.println("ProcessCrashTest seed=" + seed);
        Random random = new Random(seed);
        Path dir = root.resolve("crash-0");
        Path stderr = root.resolve("child.err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        TreeMap<Long, String> acknowledged = new TreeMap<>();
        int kills = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (kills < 12 && System.nanoTime() < deadline) {
            Path stdout = root.resolve("child-" + kills + ".out");
            Process child = new ProcessBuilder(java, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), dir.toString(),
                    Integer.toString(kills))
                    .redirectError(stderr.toFile())
                    .redirectOutput(stdout.toFile())
                    .start();
            int target = 1 + random.nextInt(600);
            int seen = 0;
            try (LineReader lines = new LineReader(stdout)) {
                String line;
                while (seen < target && child.isAlive()) {
                    line = lines.next();
                    if (line == null) {
                        Thread.sleep(1);
                    } else if (record(line, acknowledged)) {
                        seen++;
                    }
                }
                if (random.nextBoolean()) {
                    Thread.sleep(random.nextInt(5));
                }
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                while ((line = lines.next()) != null) { // acknowledged before the kill
                    record(line, acknowledged);
                }
            }
            assertThat(seen).as("child acknowledged records; stderr: %s", Files.readString(stderr)).isPositive();
            kills++;
            verify(dir, acknowledged);
        }
        long lost = verify(dir, acknowledged);
        System.out.println("kills=" + kills + " acknowledged=" + acknowledged.size() + " lost=" + lost);
        assertThat(kills).isGreaterThanOrEqualTo(10);
        assertThat(lost).isZero();
    }

    private static boolean record(String line, TreeMap<Long, String> acknowledged) {
        if (!line.startsWith("ACK ")) {
            return false;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3) {
            return false;
        }
        String previous = acknowledged.put(Long.parseLong(parts[1]), parts[2]);
        assertThat(previous).as("offset %s acknowledged twice", parts[1]).isNull();
        return true;
    }

    /** Reopens the log, checks every acknowledged record is present once at its offset; returns the number lost. */
    private static long verify(Path dir, TreeMap<Long, String> acknowledged) {
        try (PartitionLog log = PartitionLog.open(dir, new TopicPartition("crash", 0),
                TopicConfig.from(Map.of(TopicConfig.SEGMENT_BYTES, 8192)), FlushPolicy.NONE, new ManualTime(), () -> { })) {
            Map<String, Integer> occurrences = new HashMap<>();
            Map<Long, String> present = new HashMap<>();
            long previous = -1;
            long next = 0;
            while (next < log.highWatermark()) {
                ReadResult r = log.read(next, 64 * 1024);
                for (RecordBatchView b : Records.batches(r.readBytes())) {
                    for (Record rec : b) {
                        if (rec.offset() < next) {
                            continue;
                        }
                        assertThat(rec.offset()).isGreaterThan(previous);
                        previous = rec.offset();
                        String payload = StandardCharsets.UTF_8.decode(rec.value()).toString();
                        present.put(rec.offset(), payload);
                        occurrences.merge(payload, 1, Integer::sum);
                    }
                    next = b.nextOffset();
                }
            }
            long lost = 0;
            for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
                if (!e.getValue().equals(present.get(e.getKey()))) {
                    lost++;
                }
                assertThat(occurrences.getOrDefault(e.getValue(), 0)).as("copies of %s", e.getValue()).isLessThanOrEqualTo(1);
            }
            assertThat(lost).as("acknowledged records missing after recovery").isZero();
            return lost;
        }
    }

    /** Reads only complete, newline-terminated lines of a growing file (a kill may cut the last one). */
    private static final class LineReader implements AutoCloseable {
        private final InputStream in;
        private final StringBuilder current = new StringBuilder();

        LineReader(Path file) throws IOException {
            this.in = Files.newInputStream(file);
        }

        /** The next complete line, or null if none is complete yet. */
        String next() throws IOException {
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    String line = current.toString();
                    current.setLength(0);
                    return line;
                }
                current.append((char) c);
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
