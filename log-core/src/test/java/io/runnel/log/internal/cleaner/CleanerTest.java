package io.runnel.log.internal.cleaner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.ManualTime;
import io.runnel.common.TopicPartition;
import io.runnel.log.CompressionType;
import io.runnel.log.FlushPolicy;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.record.MemoryRecordsBuilder;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.record.Records;
import io.runnel.log.internal.segment.PartitionLog;
import io.runnel.log.internal.segment.ReadResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleanerTest {
    static final TopicPartition TP = new TopicPartition("c", 0);
    @TempDir
    Path root;
    final ManualTime time = new ManualTime();
    final TopicConfig compacted = TopicConfig.from(Map.of(TopicConfig.SEGMENT_BYTES, 2048,
            TopicConfig.CLEANUP_POLICY, "compact", TopicConfig.DELETE_RETENTION_MS, 10_000));

    PartitionLog open(Path dir, TopicConfig cfg) {
        return PartitionLog.open(dir, TP, cfg, FlushPolicy.NONE, time, () -> { }, 256);
    }

    /** Appends random keyed records (some tombstones, some batched, compressed) and returns offset → (key, value). */
    static Map<Long, String[]> fill(PartitionLog log, Random random, int batches, int keys, ManualTime time) {
        Map<Long, String[]> written = new LinkedHashMap<>();
        CompressionType[] codecs = CompressionType.values();
        for (int i = 0; i < batches; i++) {
            MemoryRecordsBuilder b = new MemoryRecordsBuilder(codecs[random.nextInt(codecs.length)], 1 << 20);
            int n = 1 + random.nextInt(4);
            List<String[]> recs = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                String key = "key-" + random.nextInt(keys);
                String value = random.nextInt(10) == 0 ? null : "v" + i + "." + j;
                recs.add(new String[] {key, value});
                b.append(time.milliseconds(), bytes(key), bytes(value), null);
            }
            long base = log.append(b.build()).join().baseOffset();
            for (int j = 0; j < n; j++) {
                written.put(base + j, recs.get(j));
            }
        }
        return written;
    }

    static Map<String, String> latest(Map<Long, String[]> written) {
        Map<String, String> latest = new HashMap<>();
        written.values().forEach(kv -> latest.put(kv[0], kv[1]));
        return latest;
    }

    static List<Record> readAll(PartitionLog log) {
        List<Record> out = new ArrayList<>();
        long next = log.logStartOffset();
        while (next < log.highWatermark()) {
            ReadResult r = log.read(next, 4096);
            if (r.isEmpty()) {
                break;
            }
            for (RecordBatchView b : Records.batches(r.readBytes())) {
                for (Record rec : b) {
                    if (rec.offset() >= next) {
                        out.add(rec);
                    }
                }
                next = b.nextOffset();
            }
        }
        return out;
    }

    static Map<String, String> fold(List<Record> records) {
        Map<String, String> m = new HashMap<>();
        for (Record r : records) {
            m.put(str(r.key()), str(r.value()));
        }
        return m;
    }

    static void assertCompactedCorrectly(List<Record> records, Map<Long, String[]> written) {
        long previous = -1;
        for (Record r : records) {
            assertThat(r.offset()).isGreaterThan(previous);
            previous = r.offset();
            String[] original = written.get(r.offset());
            assertThat(original).as("offset %d was written", r.offset()).isNotNull();
            assertThat(str(r.key())).isEqualTo(original[0]);
            assertThat(str(r.value())).isEqualTo(original[1]);
        }
        Map<String, String> expected = latest(written);
        Map<String, String> actual = fold(records);
        expected.forEach((k, v) -> {
            if (v != null) {
                assertThat(actual.get(k)).as("latest of %s", k).isEqualTo(v);
            } else {
                assertThat(actual.get(k)).as("tombstoned %s", k).isNull();
            }
        });
    }

    @Test
    void shouldKeepTheLatestRecordPerKeyWithOffsetsUnchanged() {
        Random random = new Random(7);
        try (PartitionLog log = open(root.resolve("c-0"), compacted)) {
            Map<Long, String[]> written = fill(log, random, 400, 30, time);
            log.roll();
            long before = log.sizeInBytes();
            Cleaner.Result result = new Cleaner(new OffsetMap(4096), time).clean(log);
            assertThat(result).isNotNull();
            assertThat(result.recordsKept()).isLessThan(result.recordsRead());
            assertThat(log.sizeInBytes()).isLessThan(before / 3);
            List<Record> records = readAll(log);
            assertCompactedCorrectly(records, written);
            long liveKeys = latest(written).values().stream().filter(v -> v != null).count();
            long tombstones = latest(written).size() - liveKeys;
            assertThat(records).hasSizeBetween((int) liveKeys, (int) (liveKeys + tombstones));
            assertThat(log.logEndOffset()).isEqualTo(written.size());
        }
    }

    @Test
    void shouldDropTombstonesOnlyAfterDeleteRetentionMs() {
        try (PartitionLog log = open(root.resolve("c-0"), compacted)) {
            log.append(keyed("a", "1")).join();
            log.append(keyed("b", "2")).join();
            log.append(keyed("a", null)).join();
            log.roll();
            Cleaner cleaner = new Cleaner(new OffsetMap(1024), time);
            cleaner.clean(log);
            assertThat(fold(readAll(log))).containsEntry("a", null).containsEntry("b", "2").hasSize(2);
            time.advance(10_001);
            cleaner.clean(log);
            List<Record> records = readAll(log);
            assertThat(fold(records)).containsOnlyKeys("b");
            assertThat(records).extracting(Record::offset).containsExactly(1L);
        }
    }

    @Test
    void shouldLeaveRecordsYoungerThanMinCompactionLag() {
        TopicConfig lagged = compacted.with(Map.of(TopicConfig.MIN_COMPACTION_LAG_MS, 60_000));
        try (PartitionLog log = open(root.resolve("c-0"), lagged)) {
            log.append(keyed("a", "1")).join();
            log.append(keyed("a", "2")).join();
            log.roll();
            assertThat(new Cleaner(new OffsetMap(1024), time).clean(log)).isNull();
            assertThat(readAll(log)).hasSize(2);
            time.advance(60_000);
            assertThat(new Cleaner(new OffsetMap(1024), time).clean(log)).isNotNull();
            assertThat(readAll(log)).extracting(CleanerTest::valueOf).containsExactly("2");
        }
    }

    @Test
    void shouldNeverTouchTheActiveSegment() {
        try (PartitionLog log = open(root.resolve("c-0"), compacted)) {
            log.append(keyed("a", "1")).join();
            log.append(keyed("a", "2")).join();
            assertThat(new Cleaner(new OffsetMap(1024), time).clean(log)).isNull();
            assertThat(readAll(log)).hasSize(2);
        }
    }

    @Test
    void shouldCleanInSeveralPassesWhenTheOffsetMapIsSmall() {
        Random random = new Random(11);
        try (PartitionLog log = open(root.resolve("c-0"), compacted)) {
            Map<Long, String[]> written = fill(log, random, 300, 200, time);
            log.roll();
            Cleaner cleaner = new Cleaner(new OffsetMap(32), time);
            for (int i = 0; i < 30; i++) {
                cleaner.clean(log);
            }
            assertCompactedCorrectly(readAll(log), written);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void shouldRecoverFromACrashAtEverySwapStep(int step) throws IOException {
        Path dir = root.resolve("c-0");
        Random random = new Random(step);
        Map<Long, String[]> written;
        Path crashed = root.resolve("crashed");
        try (PartitionLog log = open(dir, compacted)) {
            written = fill(log, random, 200, 20, time);
            log.roll();
            Cleaner cleaner = new Cleaner(new OffsetMap(4096), time);
            assertThatThrownBy(() -> cleaner.clean(log, s -> {
                if (s == step) {
                    copy(dir, crashed);
                    throw new IllegalStateException("simulated crash after step " + s);
                }
            })).hasMessageContaining("simulated crash");
        }
        try (PartitionLog recovered = open(crashed, compacted)) {
            assertThat(recovered.logEndOffset()).isEqualTo(written.size());
            assertCompactedCorrectly(readAll(recovered), written);
            try (Stream<Path> files = Files.list(crashed)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.endsWith(".swap") || n.endsWith(".cleaned") || n.endsWith(".deleted"));
            }
            new Cleaner(new OffsetMap(4096), time).clean(recovered);
            assertCompactedCorrectly(readAll(recovered), written);
        }
    }

    @Test
    void shouldCompactTheDirtiestRegisteredPartitionAndApplyRetentionInOneRound() {
        try (PartitionLog log = open(root.resolve("c-0"), compacted);
             LogCleaner cleaner = new LogCleaner(time, 1024, 1000)) {
            for (int i = 0; i < 100; i++) {
                log.append(keyed("k" + (i % 5), "v" + i)).join();
            }
            log.roll();
            cleaner.register(log);
            assertThat(cleaner.runOnce()).isTrue();
            assertThat(fold(readAll(log))).hasSize(5).containsEntry("k0", "v95");
            assertThat(cleaner.runOnce()).isFalse();
            cleaner.unregister(TP);
        }
    }

    static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ByteBuffer keyed(String key, String value) {
        MemoryRecordsBuilder b = new MemoryRecordsBuilder(CompressionType.NONE, 1024);
        b.append(time.milliseconds(), bytes(key), bytes(value), null);
        return b.build();
    }

    static String valueOf(Record r) {
        return str(r.value());
    }

    static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static String str(ByteBuffer b) {
        return b == null ? null : StandardCharsets.UTF_8.decode(b.duplicate()).toString();
    }
}
