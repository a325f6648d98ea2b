package io.runnel.log.internal.segment;

import static io.runnel.log.internal.segment.TestLogs.batch;
import static io.runnel.log.internal.segment.TestLogs.config;
import static io.runnel.log.internal.segment.TestLogs.crashCopy;
import static io.runnel.log.internal.segment.TestLogs.fileNames;
import static io.runnel.log.internal.segment.TestLogs.open;
import static io.runnel.log.internal.segment.TestLogs.readAll;
import static io.runnel.log.internal.segment.TestLogs.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.ManualTime;
import io.runnel.log.CorruptRecordException;
import io.runnel.log.OffsetAndTimestamp;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.record.Record;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRecoveryTest {
    @TempDir
    Path root;
    final ManualTime time = new ManualTime();
    final TopicConfig smallSegments = config(Map.of(TopicConfig.SEGMENT_BYTES, 1024));

    private Path dir() {
        return root.resolve("t-0");
    }

    private List<String> fill(PartitionLog log, int n) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add("value-" + i);
            log.append(batch(1_000L + i, "value-" + i)).join();
        }
        return values;
    }

    /** Writes n records, then leaves what a process crash would leave in a copy of the directory. */
    private Path crashedWith(int n, List<String> expected) {
        try (PartitionLog log = open(dir(), smallSegments, time)) {
            expected.addAll(fill(log, n));
            return crashCopy(dir(), root.resolve("crashed"));
        }
    }

    @Test
    void shouldReopenCleanlyWithoutRecoveryAfterClose() {
        List<String> expected;
        try (PartitionLog log = open(dir(), smallSegments, time)) {
            expected = fill(log, 50);
        }
        assertThat(fileNames(dir())).contains(LogFiles.CLEAN_SHUTDOWN, LogFiles.CHECKPOINT, LogFiles.PRODUCER_SNAPSHOT);
        try (PartitionLog log = open(dir(), smallSegments, time)) {
            assertThat(log.openedClean()).isTrue();
            assertThat(log.truncatedOnOpen()).isZero();
            assertThat(values(readAll(log, 0))).isEqualTo(expected);
            assertThat(fileNames(dir())).doesNotContain(LogFiles.CLEAN_SHUTDOWN);
        }
    }

    @Test
    void shouldKeepEverythingWrittenWhenTheProcessDies() {
        List<String> expected = new ArrayList<>();
        Path crashed = crashedWith(40, expected);
        try (PartitionLog log = open(crashed, smallSegments, time)) {
            assertThat(log.openedClean()).isFalse();
            assertThat(log.truncatedOnOpen()).isZero();
            assertThat(values(readAll(log, 0))).isEqualTo(expected);
            assertThat(log.append(batch(1L, "next")).join().baseOffset()).isEqualTo(40);
        }
    }

    @Test
    void shouldTruncateATornWriteAtTheEndOfTheLog() throws IOException {
        List<String> expected = new ArrayList<>();
        Path crashed = crashedWith(40, expected);
        Path active = lastLogFile(crashed);
        try (RandomAccessFile f = new RandomAccessFile(active.toFile(), "rw")) {
            f.setLength(f.length() - 5);
        }
        try (PartitionLog log = open(crashed, smallSegments, time)) {
            assertThat(log.truncatedOnOpen()).isPositive();
            assertThat(log.logEndOffset()).isEqualTo(39);
            assertThat(values(readAll(log, 0))).isEqualTo(expected.subList(0, 39));
            assertThat(log.append(batch(1L, "again")).join().baseOffset()).isEqualTo(39);
        }
    }

    @Test
    void shouldTruncateAGarbageTail() throws IOException {
        List<String> expected = new ArrayList<>();
        Path crashed = crashedWith(40, expected);
        Path active = lastLogFile(crashed);
        try (RandomAccessFile f = new RandomAccessFile(active.toFile(), "rw")) {
            f.seek(f.length());
            byte[] garbage = new byte[700];
            new java.util.Random(1).nextBytes(garbage);
            f.write(garbage);
        }
        try (PartitionLog log = open(crashed, smallSegments, time)) {
            assertThat(log.truncatedOnOpen()).isEqualTo(700);
            assertThat(values(readAll(log, 0))).isEqualTo(expected);
        }
    }

    @Test
    void shouldTruncateAtAFlippedBitAboveTheRecoveryPointAndDropLaterSegments() throws IOException {
        List<String> expected = new ArrayList<>();
        Path crashed = crashedWith(100, expected);
        new PartitionCheckpoint(0, 0).write(crashed); // nothing known to be fsynced
        TreeSet<Long> bases = LogLoader.segmentBases(crashed, LogFiles.LOG_SUFFIX);
        assertThat(bases.size()).isGreaterThan(4);
        long corruptBase = new ArrayList<>(bases).get(2);
        Path corrupt = LogFiles.logFile(crashed, corruptBase);
        try (RandomAccessFile f = new RandomAccessFile(corrupt.toFile(), "rw")) {
            f.seek(70); // inside the first batch's records section
            int b = f.read();
            f.seek(70);
            f.write(b ^ 0x10);
        }
        try (PartitionLog log = open(crashed, smallSegments, time)) {
            assertThat(log.logEndOffset()).isEqualTo(corruptBase);
            assertThat(values(readAll(log, 0))).isEqualTo(expected.subList(0, (int) corruptBase));
            assertThat(LogLoader.segmentBases(crashed, LogFiles.LOG_SUFFIX).last()).isEqualTo(corruptBase);
            assertThat(log.append(batch(1L, "x")).join().baseOffset()).isEqualTo(corruptBase);
        }
    }

    @Test
    void shouldReportCorruptionBelowTheRecoveryPointOnReadAndNeverServeIt() throws IOException {
        try (PartitionLog log = open(dir(), smallSegments, time)) {
            fill(log, 50);
        }
        try (RandomAccessFile f = new RandomAccessFile(LogFiles.logFile(dir(), 0).toFile(), "rw")) {
            f.seek(65);
            int b = f.read();
            f.seek(65);
            f.write(b ^ 1);
        }
        try (PartitionLog log = open(dir(), smallSegments, time)) {
            assertThat(log.openedClean()).isTrue();
            assertThatThrownBy(() -> log.read(0, 100).readBytes())
                    .isInstanceOf(CorruptRecordException.class)
                    .hasMessageContaining("batch at offset 0 is corrupt");
        }
    }

    @Test
    void shouldRebuildMissingAndCorruptIndexes() throws IOException {
        List<String> expected;
        TopicConfig big = config(Map.of(TopicConfig.SEGMENT_BYTES, 8192));
        try (PartitionLog log = open(dir(), big, time)) {
            expected = fill(log, 300);
        }
        TreeSet<Long> bases = LogLoader.segmentBases(dir(), LogFiles.LOG_SUFFIX);
        long first = bases.first();
        long second = bases.higher(first);
        Files.delete(LogFiles.offsetIndexFile(dir(), first));
        Files.delete(LogFiles.timeIndexFile(dir(), first));
        Files.write(LogFiles.offsetIndexFile(dir(), second), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Files.write(LogFiles.timeIndexFile(dir(), second), new byte[24]);
        try (PartitionLog log = open(dir(), big, time)) {
            assertThat(values(readAll(log, 0))).isEqualTo(expected);
            assertThat(log.offsetForTimestamp(1_000L + 150)).isEqualTo(new OffsetAndTimestamp(150, 1_150));
            assertThat(Files.size(LogFiles.offsetIndexFile(dir(), first))).isPositive();
            assertThat(Files.size(LogFiles.offsetIndexFile(dir(), second)) % OffsetIndex.ENTRY_SIZE).isZero();
        }
    }

    @Test
    void shouldKeepAnEmptySegmentLeftByAnInterruptedRoll() throws IOException {
        List<String> expected = new ArrayList<>();
        Path crashed = crashedWith(20, expected);
        Files.createFile(LogFiles.logFile(crashed, 20));
        try (PartitionLog log = open(crashed, smallSegments, time)) {
            assertThat(log.logEndOffset()).isEqualTo(20);
            assertThat(log.append(batch(1L, "x")).join().baseOffset()).isEqualTo(20);
            assertThat(values(readAll(log, 0))).hasSize(21);
        }
    }

    @Test
    void shouldDeleteLeftoversOfInterruptedDeletionsCompactionsAndRewrites() throws IOException {
        List<String> expected = new ArrayList<>();
        Path crashed = crashedWith(20, expected);
        Files.write(crashed.resolve(LogFiles.baseName(500) + ".log.deleted"), new byte[10]);
        Files.write(crashed.resolve(LogFiles.baseName(0) + ".log.cleaned"), new byte[10]);
        Files.write(crashed.resolve(LogFiles.baseName(0) + ".index.swap"), new byte[8]);
        Files.write(crashed.resolve(LogFiles.CHECKPOINT + ".tmp"), new byte[3]);
        Files.write(crashed.resolve(LogFiles.baseName(900) + ".index"), new byte[8]);
        try (PartitionLog log = open(crashed, smallSegments, time)) {
            assertThat(values(readAll(log, 0))).isEqualTo(expected);
        }
        assertThat(fileNames(crashed)).noneMatch(n -> n.endsWith(".deleted") || n.endsWith(".cleaned")
                || n.endsWith(".swap") || n.endsWith(".tmp") || n.startsWith(LogFiles.baseName(900)));
    }

    @Test
    void shouldFinishARetentionThatCrashedAfterMovingTheLogStartOffset() {
        List<String> expected = new ArrayList<>();
        Path crashed = crashedWith(100, expected);
        TreeSet<Long> bases = LogLoader.segmentBases(crashed, LogFiles.LOG_SUFFIX);
        long third = new ArrayList<>(bases).get(2);
        new PartitionCheckpoint(0, third).write(crashed);
        try (PartitionLog log = open(crashed, smallSegments, time)) {
            assertThat(log.logStartOffset()).isEqualTo(third);
            assertThat(LogLoader.segmentBases(crashed, LogFiles.LOG_SUFFIX).first()).isEqualTo(third);
            List<Record> rest = readAll(log, third);
            assertThat(values(rest)).isEqualTo(expected.subList((int) third, 100));
        }
    }

    @Test
    void shouldTreatAnUnreadableCheckpointAsRecoverEverything() throws IOException {
        List<String> expected = new ArrayList<>();
        Path crashed = crashedWith(30, expected);
        Files.writeString(crashed.resolve(LogFiles.CHECKPOINT), "nonsense");
        Files.writeString(crashed.resolve(LogFiles.PRODUCER_SNAPSHOT), "garbage");
        try (PartitionLog log = open(crashed, smallSegments, time)) {
            assertThat(values(readAll(log, 0))).isEqualTo(expected);
        }
    }

    private static Path lastLogFile(Path dir) {
        return LogFiles.logFile(dir, LogLoader.segmentBases(dir, LogFiles.LOG_SUFFIX).last());
    }
}
