package io.runnel.log.internal.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.ManualTime;
import io.runnel.common.TopicPartition;
import io.runnel.log.FlushPolicy;
import io.runnel.log.OffsetOutOfRangeException;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.record.Records;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentAccessTest {
    @TempDir
    Path root;
    final ManualTime time = new ManualTime();

    @Test
    void shouldServeConsistentReadsWhileAWriterAppendsRollsAndDeletes() throws Exception {
        TopicConfig cfg = TopicConfig.from(Map.of(TopicConfig.SEGMENT_BYTES, 2048, TopicConfig.RETENTION_BYTES, 20_000));
        try (PartitionLog log = PartitionLog.open(root.resolve("t-0"), TestLogs.TP, cfg, FlushPolicy.ALWAYS, time,
                () -> { }, 256)) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicLong reads = new AtomicLong();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Random random = new Random(t);
                Thread reader = new Thread(() -> {
                    try {
                        while (!done.get()) {
                            long hw = log.highWatermark();
                            long start = log.logStartOffset();
                            if (hw == start) {
                                continue;
                            }
                            long offset = start + (long) random.nextInt((int) (hw - start));
                            try {
                                for (RecordBatchView b : Records.batches(log.read(offset, 1000).readBytes())) {
                                    for (Record r : b) {
                                        assertThat(r.offset()).isLessThan(log.highWatermark());
                                        assertThat(StandardCharsets.UTF_8.decode(r.value()).toString())
                                                .isEqualTo("v" + r.offset());
                                    }
                                }
                                reads.incrementAndGet();
                            } catch (OffsetOutOfRangeException deletedMeanwhile) {
                                // retention moved the log start offset under this reader
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
                readers.add(reader);
                reader.start();
            }
            List<CompletableFuture<PartitionLog.AppendResult>> acks = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                acks.add(log.append(TestLogs.batch(time.milliseconds(), "v" + i)));
                if (i % 200 == 0) {
                    log.deleteExpiredSegments();
                }
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            done.set(true);
            for (Thread r : readers) {
                r.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(reads.get()).isPositive();
            assertThat(log.highWatermark()).isEqualTo(2000);
        }
    }

    @Test
    void shouldAppendToDifferentPartitionsFromDifferentThreads() throws Exception {
        List<PartitionLog> logs = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            logs.add(PartitionLog.open(root.resolve("t-" + p), new TopicPartition("t", p), TopicConfig.DEFAULT,
                    FlushPolicy.ALWAYS, time, () -> { }));
        }
        List<Thread> writers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (PartitionLog log : logs) {
            Thread t = new Thread(() -> {
                try {
                    List<CompletableFuture<PartitionLog.AppendResult>> acks = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        acks.add(log.append(TestLogs.batch(1L, "v" + i)));
                    }
                    for (int i = 0; i < 300; i++) {
                        assertThat(acks.get(i).get(30, TimeUnit.SECONDS).baseOffset()).isEqualTo(i);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            writers.add(t);
            t.start();
        }
        for (Thread t : writers) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        for (PartitionLog log : logs) {
            assertThat(TestLogs.values(TestLogs.readAll(log, 0))).hasSize(300).startsWith("v0").endsWith("v299");
            log.close();
        }
    }
}
