package io.runnel.log.internal.segment;

import static io.runnel.log.internal.segment.TestLogs.TP;
import static io.runnel.log.internal.segment.TestLogs.batch;
import static io.runnel.log.internal.segment.TestLogs.config;
import static io.runnel.log.internal.segment.TestLogs.idempotent;
import static io.runnel.log.internal.segment.TestLogs.open;
import static io.runnel.log.internal.segment.TestLogs.readAll;
import static io.runnel.log.internal.segment.TestLogs.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.ManualTime;
import io.runnel.log.CompressionType;
import io.runnel.log.CorruptRecordException;
import io.runnel.log.FlushPolicy;
import io.runnel.log.LogClosedException;
import io.runnel.log.OffsetAndTimestamp;
import io.runnel.log.OffsetOutOfRangeException;
import io.runnel.log.OutOfOrderSequenceException;
import io.runnel.log.ProducerFencedException;
import io.runnel.log.RecordTooLargeException;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogTest {
    @TempDir
    Path dir;
    final ManualTime time = new ManualTime();

    @Test
    void shouldAssignConsecutiveOffsetsAndReadBackWhatWasAppended() {
        try (PartitionLog log = open(dir, TopicConfig.DEFAULT, time)) {
            PartitionLog.AppendResult a = log.append(batch(1L, "a", "b", "c")).join();
            PartitionLog.AppendResult b = log.append(batch(2L, "d")).join();
            assertThat(a).isEqualTo(new PartitionLog.AppendResult(0, 2, -1, false));
            assertThat(b).isEqualTo(new PartitionLog.AppendResult(3, 3, -1, false));
            assertThat(log.logEndOffset()).isEqualTo(4);
            assertThat(log.highWatermark()).isEqualTo(4);
            List<Record> records = readAll(log, 0);
            assertThat(values(records)).containsExactly("a", "b", "c", "d");
            assertThat(records).extracting(Record::offset).containsExactly(0L, 1L, 2L, 3L);
            assertThat(values(readAll(log, 3))).containsExactly("d");
        }
    }

    @Test
    void shouldReturnTheWholeBatchContainingTheStartOffset() {
        try (PartitionLog log = open(dir, TopicConfig.DEFAULT, time)) {
            log.append(batch(1L, "a", "b", "c")).join();
            ReadResult r = log.read(1, 1 << 20);
            RecordBatchView view = new RecordBatchView(r.readBytes());
            assertThat(view.baseOffset()).isEqualTo(0);
            assertThat(r.highWatermark()).isEqualTo(3);
        }
    }

    @Test
    void shouldReturnAtLeastOneBatchEvenWhenLargerThanMaxBytes() {
        try (PartitionLog log = open(dir, TopicConfig.DEFAULT, time)) {
            log.append(batch(1L, "x".repeat(500))).join();
            log.append(batch(1L, "y")).join();
            ReadResult r = log.read(0, 10);
            assertThat(r.sizeInBytes()).isGreaterThan(500);
            assertThat(values(new ArrayList<>(toList(r)))).containsExactly("x".repeat(500));
        }
    }

    @Test
    void shouldRejectReadsOutsideLogStartAndHighWatermarkAndReturnEmptyAtTheEnd() {
        try (PartitionLog log = open(dir, TopicConfig.DEFAULT, time)) {
            log.append(batch(1L, "a")).join();
            assertThat(log.read(1, 100).isEmpty()).isTrue();
            assertThatThrownBy(() -> log.read(2, 100)).isInstanceOf(OffsetOutOfRangeException.class)
                    .hasMessageContaining("offset 2 is out of range for t-0");
            assertThatThrownBy(() -> log.read(-1, 100)).isInstanceOf(OffsetOutOfRangeException.class);
        }
    }

    @Test
    void shouldAcknowledgeAfterGroupCommitUnderFlushAlways() {
        AtomicInteger wakeups = new AtomicInteger();
        try (PartitionLog log = PartitionLog.open(dir, TP, TopicConfig.DEFAULT, FlushPolicy.ALWAYS, time,
                wakeups::incrementAndGet)) {
            List<CompletableFuture<PartitionLog.AppendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(log.append(batch(1L, "v" + i)));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
            for (int i = 0; i < 50; i++) {
                assertThat(futures.get(i).join().baseOffset()).isEqualTo(i);
            }
            assertThat(log.highWatermark()).isEqualTo(50);
            assertThat(log.recoveryPoint()).isEqualTo(50);
            assertThat(wakeups.get()).isBetween(1, 50);
            assertThat(readAll(log, 0)).hasSize(50);
        }
    }

    @Test
    void shouldCompleteQueuedAppendsOnClose() {
        PartitionLog log = PartitionLog.open(dir, TP, TopicConfig.DEFAULT, FlushPolicy.ALWAYS, time, () -> { });
        CompletableFuture<PartitionLog.AppendResult> f = log.append(batch(1L, "a"));
        log.close();
        assertThat(f.join().baseOffset()).isZero();
        assertThatThrownBy(() -> log.append(batch(1L, "b"))).isInstanceOf(LogClosedException.class);
    }

    @Test
    void shouldAcknowledgeAtOnceUnderIntervalPolicy() {
        try (PartitionLog log = PartitionLog.open(dir, TP, TopicConfig.DEFAULT, FlushPolicy.interval(10), time,
                () -> { })) {
            assertThat(log.append(batch(1L, "a")).isDone()).isTrue();
            assertThat(log.highWatermark()).isEqualTo(1);
        }
    }

    @Test
    void shouldRejectBatchLargerThanMaxMessageBytes() {
        try (PartitionLog log = open(dir, config(Map.of(TopicConfig.MAX_MESSAGE_BYTES, 200)), time)) {
            assertThatThrownBy(() -> log.append(batch(1L, "x".repeat(300))))
                    .isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("exceeds max.message.bytes 200");
            assertThat(log.logEndOffset()).isZero();
        }
    }

    @Test
    void shouldRejectCorruptBatchWithoutAppendingAnything() {
        try (PartitionLog log = open(dir, TopicConfig.DEFAULT, time)) {
            ByteBuffer b = batch(1L, "a");
            b.put(b.limit() - 1, (byte) 7);
            assertThatThrownBy(() -> log.append(b)).isInstanceOf(CorruptRecordException.class);
            assertThat(log.logEndOffset()).isZero();
        }
    }

    @Test
    void shouldStampLogAppendTimeWhenTheTopicSaysSo() {
        TopicConfig cfg = config(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE, "LogAppendTime"));
        try (PartitionLog log = open(dir, cfg, time)) {
            PartitionLog.AppendResult r = log.append(batch(5L, "a", "b")).join();
            assertThat(r.logAppendTime()).isEqualTo(time.milliseconds());
            assertThat(readAll(log, 0)).extracting(Record::timestamp)
                    .containsExactly(time.milliseconds(), time.milliseconds());
        }
    }

    @Test
    void shouldRecompressWhenTheTopicNamesACodec() {
        try (PartitionLog log = open(dir, config(Map.of(TopicConfig.COMPRESSION_TYPE, "zstd")), time)) {
            log.append(batch(5L, "a", "b")).join();
            RecordBatchView view = new RecordBatchView(log.read(0, 1000).readBytes());
            assertThat(view.compressionType()).isEqualTo(CompressionType.ZSTD);
            assertThat(values(readAll(log, 0))).containsExactly("a", "b");
        }
    }

    @Test
    void shouldReturnOriginalOffsetsForARetriedBatchWithoutAppendingIt() {
        try (PartitionLog log = open(dir, TopicConfig.DEFAULT, time)) {
            log.append(idempotent(9, (short) 0, 0, "a", "b")).join();
            log.append(batch(1L, "other")).join();
            PartitionLog.AppendResult retry = log.append(idempotent(9, (short) 0, 0, "a", "b")).join();
            assertThat(retry).isEqualTo(new PartitionLog.AppendResult(0, 1, -1, true));
            assertThat(log.logEndOffset()).isEqualTo(3);
            assertThat(log.append(idempotent(9, (short) 0, 2, "c")).join().baseOffset()).isEqualTo(3);
        }
    }

    @Test
    void shouldRecogniseAnyOfTheLastFiveBatchesAsDuplicates() {
        try (PartitionLog log = open(dir, TopicConfig.DEFAULT, time)) {
            for (int seq = 0; seq < 7; seq++) {
                log.append(idempotent(9, (short) 0, seq, "v" + seq)).join();
            }
            assertThat(log.append(idempotent(9, (short) 0, 2, "v2")).join().duplicate()).isTrue();
            assertThatThrownBy(() -> log.append(idempotent(9, (short) 0, 1, "v1")))
                    .isInstanceOf(OutOfOrderSequenceException.class);
        }
    }

    @Test
    void shouldRejectASequenceGap() {
        try (PartitionLog log = open(dir, TopicConfig.DEFAULT, time)) {
            log.append(idempotent(9, (short) 0, 0, "a")).join();
            assertThatThrownBy(() -> log.append(idempotent(9, (short) 0, 2, "c")))
                    .isInstanceOf(OutOfOrderSequenceException.class)
                    .hasMessageContaining("got 2, expected 1");
            assertThat(log.logEndOffset()).isEqualTo(1);
        }
    }

    @Test
    void shouldFenceAnOlderEpochAndRequireSequenceZeroForANewOne() {
        try (PartitionLog log = open(dir, TopicConfig.DEFAULT, time)) {
            log.append(idempotent(9, (short) 1, 0, "a")).join();
            assertThatThrownBy(() -> log.append(idempotent(9, (short) 0, 1, "b")))
                    .isInstanceOf(ProducerFencedException.class);
            assertThatThrownBy(() -> log.append(idempotent(9, (short) 2, 5, "b")))
                    .isInstanceOf(OutOfOrderSequenceException.class);
            assertThat(log.append(idempotent(9, (short) 2, 0, "b")).join().baseOffset()).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepProducerStateAcrossCleanAndUncleanRestarts() {
        try (PartitionLog log = open(dir, TopicConfig.DEFAULT, time)) {
            log.append(idempotent(9, (short) 0, 0, "a")).join();
        }
        try (PartitionLog log = open(dir, TopicConfig.DEFAULT, time)) {
            assertThat(log.openedClean()).isTrue();
            assertThat(log.append(idempotent(9, (short) 0, 0, "a")).join().duplicate()).isTrue();
            log.append(idempotent(9, (short) 0, 1, "b")).join();
            Path crashed = TestLogs.crashCopy(dir, dir.resolveSibling(dir.getFileName() + "-crash"));
            try (PartitionLog recovered = open(crashed, TopicConfig.DEFAULT, time)) {
                assertThat(recovered.openedClean()).isFalse();
                assertThat(recovered.append(idempotent(9, (short) 0, 1, "b")).join()).isEqualTo(
                        new PartitionLog.AppendResult(1, 1, -1, true));
                assertThatThrownBy(() -> recovered.append(idempotent(9, (short) 0, 3, "d")))
                        .isInstanceOf(OutOfOrderSequenceException.class);
            }
        }
    }

    @Test
    void shouldRollBySegmentBytesAndReadAcrossSegments() {
        try (PartitionLog log = open(dir, config(Map.of(TopicConfig.SEGMENT_BYTES, 1024)), time)) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                expected.add("value-" + i);
                log.append(batch(i, "value-" + i)).join();
            }
            assertThat(log.segmentCount()).isGreaterThan(10);
            assertThat(values(readAll(log, 0))).isEqualTo(expected);
            for (int i = 0; i < 200; i += 7) {
                ReadResult r = log.read(i, 1);
                RecordBatchView v = new RecordBatchView(r.readBytes());
                assertThat(v.baseOffset()).isEqualTo(i);
            }
            assertThat(TestLogs.fileNames(dir)).contains("00000000000000000000.log", "00000000000000000000.index",
                    "00000000000000000000.timeindex");
        }
    }

    @Test
    void shouldRollBySegmentMs() {
        try (PartitionLog log = open(dir, config(Map.of(TopicConfig.SEGMENT_MS, 1000)), time)) {
            log.append(batch(time.milliseconds(), "a")).join();
            log.append(batch(time.milliseconds(), "b")).join();
            assertThat(log.segmentCount()).isEqualTo(1);
            time.advance(1000);
            log.append(batch(time.milliseconds(), "c")).join();
            assertThat(log.segmentCount()).isEqualTo(2);
            assertThat(values(readAll(log, 0))).containsExactly("a", "b", "c");
        }
    }

    @Test
    void shouldFindTheFirstOffsetAtOrAfterATimestamp() {
        try (PartitionLog log = open(dir, config(Map.of(TopicConfig.SEGMENT_BYTES, 1024)), time)) {
            for (int i = 0; i < 100; i++) {
                log.append(batch(1000L + 10 * i, "v" + i)).join();
            }
            assertThat(log.offsetForTimestamp(1000L)).isEqualTo(new OffsetAndTimestamp(0, 1000));
            assertThat(log.offsetForTimestamp(1505L)).isEqualTo(new OffsetAndTimestamp(51, 1510));
            assertThat(log.offsetForTimestamp(1990L)).isEqualTo(new OffsetAndTimestamp(99, 1990));
            assertThat(log.offsetForTimestamp(1991L)).isNull();
            assertThat(log.offsetForTimestamp(PartitionLog.EARLIEST_TIMESTAMP).offset()).isZero();
            assertThat(log.offsetForTimestamp(PartitionLog.LATEST_TIMESTAMP).offset()).isEqualTo(100);
        }
    }

    @Test
    void shouldDeleteSegmentsPastRetentionMsButNeverTheActiveOne() {
        TopicConfig cfg = config(Map.of(TopicConfig.SEGMENT_BYTES, 1024, TopicConfig.RETENTION_MS, 60_000));
        try (PartitionLog log = open(dir, cfg, time)) {
            for (int i = 0; i < 50; i++) {
                log.append(batch(time.milliseconds(), "old-" + i)).join();
            }
            time.advance(30_000);
            for (int i = 0; i < 5; i++) {
                log.append(batch(time.milliseconds(), "new-" + i)).join();
            }
            assertThat(log.deleteExpiredSegments()).isZero();
            time.advance(40_000);
            int deleted = log.deleteExpiredSegments();
            assertThat(deleted).isPositive();
            assertThat(log.logStartOffset()).isPositive().isLessThanOrEqualTo(50);
            assertThatThrownBy(() -> log.read(0, 100)).isInstanceOf(OffsetOutOfRangeException.class);
            assertThat(values(readAll(log, log.logStartOffset()))).contains("new-0", "new-4");
            time.advance(1_000_000);
            log.deleteExpiredSegments();
            assertThat(log.segmentCount()).isEqualTo(1);
            assertThat(log.logEndOffset()).isEqualTo(55);
        }
        try (PartitionLog log = open(dir, cfg, time)) {
            assertThat(log.logStartOffset()).isPositive();
            assertThat(log.logEndOffset()).isEqualTo(55);
        }
    }

    @Test
    void shouldDeleteOldestSegmentsBeyondRetentionBytes() {
        TopicConfig cfg = config(Map.of(TopicConfig.SEGMENT_BYTES, 1024, TopicConfig.RETENTION_BYTES, 3000));
        try (PartitionLog log = open(dir, cfg, time)) {
            for (int i = 0; i < 100; i++) {
                log.append(batch(time.milliseconds(), "value-" + i)).join();
            }
            log.deleteExpiredSegments();
            assertThat(log.sizeInBytes()).isLessThanOrEqualTo(3000 + 1024);
            assertThat(log.sizeInBytes()).isGreaterThan(3000 - 1024);
            List<Record> rest = readAll(log, log.logStartOffset());
            assertThat(rest.get(rest.size() - 1).offset()).isEqualTo(99);
            assertThat(rest.get(0).offset()).isEqualTo(log.logStartOffset());
        }
    }

    @Test
    void shouldNotDeleteAnythingWhenThePolicyIsCompactOnly() {
        TopicConfig cfg = config(Map.of(TopicConfig.SEGMENT_BYTES, 1024, TopicConfig.RETENTION_BYTES, 0,
                TopicConfig.CLEANUP_POLICY, "compact"));
        try (PartitionLog log = open(dir, cfg, time)) {
            for (int i = 0; i < 100; i++) {
                log.append(batch(1L, "value-" + i)).join();
            }
            assertThat(log.deleteExpiredSegments()).isZero();
        }
    }

    @Test
    void shouldDeleteAllFilesOnDelete() {
        PartitionLog log = open(dir.resolve("p"), TopicConfig.DEFAULT, time);
        log.append(batch(1L, "a")).join();
        log.delete();
        assertThat(dir.resolve("p")).doesNotExist();
    }

    private static List<Record> toList(ReadResult r) {
        List<Record> out = new ArrayList<>();
        io.runnel.log.internal.record.Records.records(r.readBytes()).forEach(out::add);
        return out;
    }
}
