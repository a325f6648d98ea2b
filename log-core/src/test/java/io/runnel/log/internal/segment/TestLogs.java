package io.runnel.log.internal.segment;

import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.CompressionType;
import io.runnel.log.FlushPolicy;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.record.MemoryRecordsBuilder;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.record.Records;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Helpers shared by the segment tests: batches, reading everything back, simulated crashes. */
final class TestLogs {
    static final TopicPartition TP = new TopicPartition("t", 0);

    private TestLogs() {
    }

    static TopicConfig config(Map<String, ?> overrides) {
        return TopicConfig.from(overrides);
    }

    static PartitionLog open(Path dir, TopicConfig config, Time time) {
        return PartitionLog.open(dir, TP, config, FlushPolicy.NONE, time, () -> { }, 256);
    }

    /** A batch of records "k<i>" → "<prefix><i>" stamped {@code timestamp}. */
    static ByteBuffer batch(long timestamp, String... values) {
        MemoryRecordsBuilder b = new MemoryRecordsBuilder(CompressionType.NONE, 1 << 20);
        for (String v : values) {
            b.append(timestamp, v == null ? null : ("k-" + v).getBytes(StandardCharsets.UTF_8),
                    v == null ? null : v.getBytes(StandardCharsets.UTF_8), null);
        }
        return b.build();
    }

    static ByteBuffer keyed(long timestamp, String key, String value) {
        MemoryRecordsBuilder b = new MemoryRecordsBuilder(CompressionType.NONE, 1 << 20);
        b.append(timestamp, key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), null);
        return b.build();
    }

    static ByteBuffer idempotent(long producerId, short epoch, int baseSequence, String... values) {
        MemoryRecordsBuilder b = new MemoryRecordsBuilder(CompressionType.NONE, 1 << 20);
        b.producer(producerId, epoch, baseSequence);
        for (String v : values) {
            b.append(1L, null, v.getBytes(StandardCharsets.UTF_8), null);
        }
        return b.build();
    }

    /** Every record from {@code from} to the high watermark, read in small chunks. */
    static List<Record> readAll(PartitionLog log, long from) {
        List<Record> out = new ArrayList<>();
        long next = from;
        while (next < log.highWatermark()) {
            ReadResult r = log.read(next, 300);
            if (r.isEmpty()) {
                break;
            }
            long advanced = next;
            for (RecordBatchView b : Records.batches(r.readBytes())) {
                for (Record rec : b) {
                    if (rec.offset() >= next) {
                        out.add(rec);
                    }
                }
                advanced = b.nextOffset();
            }
            next = advanced;
        }
        return out;
    }

    static List<String> values(List<Record> records) {
        List<String> out = new ArrayList<>();
        for (Record r : records) {
            out.add(r.value() == null ? null : StandardCharsets.UTF_8.decode(r.value().duplicate()).toString());
        }
        return out;
    }

    static String value(Record r) {
        return r.value() == null ? null : StandardCharsets.UTF_8.decode(r.value().duplicate()).toString();
    }

    static String key(Record r) {
        return r.key() == null ? null : StandardCharsets.UTF_8.decode(r.key().duplicate()).toString();
    }

    /**
     * Copies a live log directory: what a process crash at this moment leaves on disk (the page
     * cache survives a process crash). No clean-shutdown marker is copied since there is none.
     */
    static Path crashCopy(Path dir, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.copy(p, target.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> fileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
