package io.runnel.log.internal.cleaner;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.ManualTime;
import io.runnel.common.TopicPartition;
import io.runnel.log.CompressionType;
import io.runnel.log.FlushPolicy;
import io.runnel.log.OffsetOutOfRangeException;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.record.MemoryRecordsBuilder;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.record.Records;
import io.runnel.log.internal.segment.PartitionLog;
import io.runnel.log.internal.segment.ReadResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded property test of {@link PartitionLog} against a reference model: random appends (plain,
 * compressed, idempotent with retries), reads, rolls, retention, compaction, clean reopens and
 * unclean reopens (a copy of the live directory). Prints each seed; replay one with
 * {@code -Drunnel.seed=<seed>}.
 */
class PartitionLogPropertyTest {
    static final TopicPartition TP = new TopicPartition("prop", 0);
    @TempDir
    Path root;

    record Rec(String key, String value, long timestamp) {
    }

    @Test
    void shouldAgreeWithTheReferenceModelForRandomOperationSequences() {
        String fixed = System.getProperty("runnel.seed");
        long base = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
        int runs = fixed != null ? 1 : 4;
        for (int i = 0; i < runs; i++) {
            long seed = base + i;
            System.out.println("PartitionLogPropertyTest seed=" + seed + " (replay with -Drunnel.seed=" + seed + ")");
            try {
                run(seed, root.resolve("run-" + i));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("failed with seed " + seed + " (replay with -Drunnel.seed=" + seed + ")", e);
            }
        }
    }

    private void run(long seed, Path workDir) {
        Random random = new Random(seed);
        ManualTime time = new ManualTime();
        boolean compact = random.nextBoolean();
        TopicConfig config = TopicConfig.from(Map.of(
                TopicConfig.SEGMENT_BYTES, 1024 + random.nextInt(3000),
                TopicConfig.CLEANUP_POLICY, compact ? "compact,delete" : "delete",
                TopicConfig.DELETE_RETENTION_MS, 5_000,
                TopicConfig.RETENTION_MS, -1));
        TreeMap<Long, Rec> model = new TreeMap<>();
        long[] lso = {0};
        int generation = 0;
        Path dir = workDir.resolve("g0");
        PartitionLog log = PartitionLog.open(dir, TP, config, FlushPolicy.NONE, time, () -> { }, 128);
        Cleaner cleaner = new Cleaner(new OffsetMap(256), time);
        long producerId = 42;
        int nextSeq = 0;
        ByteBuffer lastIdempotent = null;
        long[] lastIdempotentOffsets = null;
        try {
            for (int op = 0; op < 200; op++) {
                int choice = random.nextInt(100);
                time.advance(random.nextInt(200));
                if (choice < 45) {
                    appendPlain(log, random, time, model);
                } else if (choice < 55) {
                    if (lastIdempotent != null && random.nextBoolean()) {
                        PartitionLog.AppendResult r = log.append(lastIdempotent.duplicate()).join();
                        assertThat(r.duplicate()).isTrue();
                        assertThat(new long[] {r.baseOffset(), r.lastOffset()}).isEqualTo(lastIdempotentOffsets);
                    } else {
                        int n = 1 + random.nextInt(3);
                        MemoryRecordsBuilder b = new MemoryRecordsBuilder(CompressionType.LZ4, 1 << 20);
                        b.producer(producerId, (short) 0, nextSeq);
                        Rec[] recs = new Rec[n];
                        for (int j = 0; j < n; j++) {
                            recs[j] = new Rec("key-" + random.nextInt(15), "idem-" + op + "-" + j, time.milliseconds());
                            b.append(recs[j].timestamp(), bytes(recs[j].key()), bytes(recs[j].value()), null);
                        }
                        ByteBuffer batch = b.build();
                        lastIdempotent = copy(batch);
                        PartitionLog.AppendResult r = log.append(batch).join();
                        assertThat(r.duplicate()).isFalse();
                        for (int j = 0; j < n; j++) {
                            model.put(r.baseOffset() + j, recs[j]);
                        }
                        lastIdempotentOffsets = new long[] {r.baseOffset(), r.lastOffset()};
                        nextSeq += n;
                    }
                } else if (choice < 70) {
                    checkRead(log, random, model, lso[0]);
                } else if (choice < 76) {
                    log.roll();
                } else if (choice < 81) {
                    TopicConfig withRetention = config.with(Map.of(TopicConfig.RETENTION_BYTES, 2000 + random.nextInt(6000)));
                    log.updateConfig(withRetention);
                    log.deleteExpiredSegments();
                    log.updateConfig(config);
                    assertThat(log.logStartOffset()).isGreaterThanOrEqualTo(lso[0]);
                    lso[0] = log.logStartOffset();
                    model.headMap(lso[0]).clear();
                } else if (choice < 88) {
                    cleaner.clean(log);
                } else if (choice < 94) {
                    long end = log.logEndOffset();
                    log.close();
                    log = PartitionLog.open(dir, TP, config, FlushPolicy.NONE, time, () -> { }, 128);
                    assertThat(log.openedClean()).isTrue();
                    assertThat(log.logEndOffset()).isEqualTo(end);
                    assertThat(log.logStartOffset()).isEqualTo(lso[0]);
                } else {
                    long end = log.logEndOffset();
                    Path next = workDir.resolve("g" + (++generation));
                    CleanerTest.copy(dir, next);
                    log.close();
                    dir = next;
                    log = PartitionLog.open(dir, TP, config, FlushPolicy.NONE, time, () -> { }, 128);
                    assertThat(log.openedClean()).isFalse();
                    assertThat(log.logEndOffset()).isEqualTo(end);
                    assertThat(log.logStartOffset()).isEqualTo(lso[0]);
                }
                assertThat(log.highWatermark()).isEqualTo(log.logEndOffset());
            }
            checkEverything(log, model, lso[0], compact);
        } finally {
            log.close();
        }
    }

    private static void appendPlain(PartitionLog log, Random random, ManualTime time, TreeMap<Long, Rec> model) {
        CompressionType[] codecs = CompressionType.values();
        MemoryRecordsBuilder b = new MemoryRecordsBuilder(codecs[random.nextInt(codecs.length)], 1 << 20);
        int n = 1 + random.nextInt(5);
        Rec[] recs = new Rec[n];
        for (int j = 0; j < n; j++) {
            String value = random.nextInt(8) == 0 ? null : "v" + random.nextInt(1_000_000) + "x".repeat(random.nextInt(40));
            recs[j] = new Rec("key-" + random.nextInt(15), value, time.milliseconds());
            b.append(recs[j].timestamp(), bytes(recs[j].key()), bytes(recs[j].value()), null);
        }
        PartitionLog.AppendResult r = log.append(b.build()).join();
        assertThat(r.baseOffset()).isEqualTo(model.isEmpty() ? r.baseOffset() : Math.max(model.lastKey() + 1, r.baseOffset()));
        assertThat(r.lastOffset() - r.baseOffset()).isEqualTo(n - 1);
        for (int j = 0; j < n; j++) {
            model.put(r.baseOffset() + j, recs[j]);
        }
    }

    private static void checkRead(PartitionLog log, Random random, TreeMap<Long, Rec> model, long lso) {
        long hw = log.highWatermark();
        if (lso > 0 && random.nextInt(4) == 0) {
            try {
                log.read(lso - 1, 1000);
                throw new AssertionError("read below the log start offset must fail");
            } catch (OffsetOutOfRangeException expected) {
                // as specified
            }
            return;
        }
        long start = lso + (hw == lso ? 0 : (long) random.nextInt((int) (hw - lso + 1)));
        ReadResult r = log.read(start, 1 + random.nextInt(2000));
        long previous = -1;
        for (RecordBatchView b : Records.batches(r.readBytes())) {
            for (Record rec : b) {
                assertThat(rec.offset()).isGreaterThan(previous);
                previous = rec.offset();
                Rec expected = model.get(rec.offset());
                if (rec.offset() >= lso) {
                    assertThat(expected).as("record at %d exists in the model", rec.offset()).isNotNull();
                    assertThat(str(rec.key())).isEqualTo(expected.key());
                    assertThat(str(rec.value())).isEqualTo(expected.value());
                }
            }
        }
    }

    private static void checkEverything(PartitionLog log, TreeMap<Long, Rec> model, long lso, boolean compact) {
        Map<Long, Record> present = new HashMap<>();
        long next = lso;
        while (next < log.highWatermark()) {
            ReadResult r = log.read(next, 4096);
            if (r.isEmpty()) {
                break;
            }
            for (RecordBatchView b : Records.batches(r.readBytes())) {
                for (Record rec : b) {
                    if (rec.offset() >= next) {
                        present.put(rec.offset(), rec);
                    }
                }
                next = b.nextOffset();
            }
        }
        for (Map.Entry<Long, Record> e : present.entrySet()) {
            Rec expected = model.get(e.getKey());
            assertThat(expected).isNotNull();
            assertThat(str(e.getValue().value())).isEqualTo(expected.value());
        }
        if (!compact) {
            assertThat(present.keySet()).containsExactlyInAnyOrderElementsOf(model.keySet());
        } else {
            Map<String, Long> latest = new HashMap<>();
            model.forEach((offset, rec) -> latest.put(rec.key(), offset));
            latest.forEach((key, offset) -> {
                if (model.get(offset).value() != null) {
                    assertThat(present).as("latest record of %s at %d", key, offset).containsKey(offset);
                }
            });
        }
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c;
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(ByteBuffer b) {
        return b == null ? null : StandardCharsets.UTF_8.decode(b.duplicate()).toString();
    }
}
