package io.runnel.log.internal.cleaner;

import io.runnel.common.Time;
import io.runnel.log.CompressionType;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.record.MemoryRecordsBuilder;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.segment.CleanedSegment;
import io.runnel.log.internal.segment.PartitionLog;
import io.runnel.log.internal.segment.SegmentView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The compaction algorithm, as Kafka's Cleaner: keeps the latest record of every key in a
 * partition's closed segments, with offsets unchanged.
 *
 * <ol>
 *   <li><b>Cleanable range</b>: the closed segments below the high watermark whose newest
 *       record is older than {@code min.compaction.lag.ms}, oldest first.</li>
 *   <li><b>Map</b>: one pass over the range records, for every key, the offset of its latest
 *       record in an {@link OffsetMap}; if the map fills, the range ends at that segment.</li>
 *   <li><b>Rewrite</b>: the range is split into groups of consecutive segments whose total size
 *       fits {@code segment.bytes}; each group is copied into one {@link CleanedSegment}
 *       keeping a record when the map's latest offset for its key is not greater than its own
 *       (records without a key are kept). A tombstone (null value) that is the latest for its
 *       key is dropped once its segment's newest record is older than
 *       {@code delete.retention.ms}, so consumers reading from the start had that long to see
 *       the delete. Batches keep their base offset, producer fields, timestamp type and
 *       compression; a batch whose records all survive is copied byte for byte, one with no
 *       survivor is dropped — except an idempotent producer's last batch in the range, kept as
 *       an empty batch, and a rebuilt idempotent batch keeps its last offset delta, so the
 *       producer's sequence state can be rebuilt from the log after compaction, as in Kafka.</li>
 *   <li><b>Swap</b>: {@link PartitionLog#replaceSegments} installs each cleaned segment with
 *       the crash-safe {@code .cleaned → .swap → final} protocol documented there.</li>
 * </ol>
 * Not thread-safe: one instance per cleaner thread (it owns the offset map and builders).
 */
public final class Cleaner {

    /** What one cleaning did. */
    public record Result(long firstOffset, long endOffset, int segmentsCleaned, long bytesRead, long bytesWritten,
                         long recordsRead, long recordsKept) {
    }

    private final OffsetMap map;
    private final Time time;
    private final Map<CompressionType, MemoryRecordsBuilder> builders = new EnumMap<>(CompressionType.class);
    private final Map<Long, Long> lastBatchOfProducer = new java.util.HashMap<>();

    public Cleaner(OffsetMap map, Time time) {
        this.map = Objects.requireNonNull(map, "map");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** The segments compaction may rewrite now (step 1). */
    public static List<SegmentView> cleanableSegments(PartitionLog log, long nowMs) {
        TopicConfig cfg = log.config();
        List<SegmentView> out = new ArrayList<>();
        for (SegmentView s : log.closedSegments()) {
            if (s.maxTimestamp() > nowMs - cfg.minCompactionLagMs()) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    /** Cleans the log once; null if there was nothing to clean. */
    public Result clean(PartitionLog log) {
        return clean(log, step -> { });
    }

    /** As {@link #clean(PartitionLog)} with a hook after each swap step (tests simulate crashes). */
    public Result clean(PartitionLog log, IntConsumer afterSwapStep) {
        TopicConfig cfg = log.config();
        if (!cfg.cleanupPolicy().compacts()) {
            return null;
        }
        long now = time.milliseconds();
        List<SegmentView> range = cleanableSegments(log, now);
        if (range.isEmpty()) {
            return null;
        }
        map.clear();
        lastBatchOfProducer.clear();
        List<SegmentView> mapped = new ArrayList<>();
        for (SegmentView s : range) {
            boolean[] full = {false};
            s.forEachBatch(batch -> {
                if (batch.hasProducerId()) {
                    lastBatchOfProducer.put(batch.producerId(), batch.baseOffset());
                }
                for (Record r : batch) {
                    if (r.key() != null) {
                        if (map.isFull()) {
                            full[0] = true;
                            return;
                        }
                        map.put(r.key(), r.offset());
                    }
                }
            });
            mapped.add(s);
            if (full[0]) {
                break;
            }
        }
        long deleteHorizon = now - cfg.deleteRetentionMs();
        long bytesRead = 0;
        long bytesWritten = 0;
        long[] counts = new long[2];
        for (List<SegmentView> group : groupBySize(mapped, cfg.segmentBytes())) {
            CleanedSegment cleaned = log.createCleanedSegment(group.get(0).baseOffset());
            long keptBefore = counts[1];
            long readBefore = counts[0];
            try {
                for (SegmentView s : group) {
                    boolean dropTombstones = s.maxTimestamp() < deleteHorizon;
                    bytesRead += s.sizeInBytes();
                    s.forEachBatch(batch -> copyRetained(batch, cleaned, dropTombstones, counts));
                }
            } catch (RuntimeException e) {
                cleaned.abort();
                throw e;
            }
            if (group.size() == 1 && counts[1] - keptBefore == counts[0] - readBefore) {
                cleaned.abort(); // already clean: nothing to drop, nothing to merge
                bytesWritten += group.get(0).sizeInBytes();
                continue;
            }
            bytesWritten += cleaned.sizeInBytes();
            if (!log.replaceSegments(cleaned, group, afterSwapStep)) {
                return null; // retention deleted the sources meanwhile; the next round starts afresh
            }
        }
        SegmentView last = mapped.get(mapped.size() - 1);
        return new Result(mapped.get(0).baseOffset(), last.nextOffset(), mapped.size(), bytesRead, bytesWritten,
                counts[0], counts[1]);
    }

    private void copyRetained(RecordBatchView batch, CleanedSegment cleaned, boolean dropTombstones, long[] counts) {
        MemoryRecordsBuilder builder = null;
        int kept = 0;
        int total = 0;
        for (Record r : batch) {
            total++;
            if (!retain(r, dropTombstones)) {
                if (builder == null) {
                    builder = startCopy(batch);
                    // copy the records before this one, all retained
                    for (Record earlier : batch) {
                        if (earlier.offset() >= r.offset()) {
                            break;
                        }
                        builder.appendWithOffset(earlier.offset(), earlier.timestamp(), earlier.key(), earlier.value(),
                                earlier.headers());
                    }
                }
                continue;
            }
            kept++;
            if (builder != null) {
                builder.appendWithOffset(r.offset(), r.timestamp(), r.key(), r.value(), r.headers());
            }
        }
        counts[0] += total;
        counts[1] += kept;
        if (builder == null) {
            cleaned.append(batch);
        } else if (builder.isEmpty()) {
            if (batch.hasProducerId() && lastBatchOfProducer.getOrDefault(batch.producerId(), -1L) == batch.baseOffset()) {
                cleaned.append(RecordBatchView.emptyBatchLike(batch));
            }
        } else {
            RecordBatchView rebuilt = new RecordBatchView(builder.build());
            if (batch.timestampType() == io.runnel.log.TimestampType.LOG_APPEND_TIME) {
                rebuilt.setLogAppendTime(batch.maxTimestamp());
            }
            cleaned.append(rebuilt);
        }
    }

    private boolean retain(Record r, boolean dropTombstones) {
        if (r.key() == null) {
            return true;
        }
        long latest = map.get(r.key());
        if (latest > r.offset()) {
            return false;
        }
        return !(r.isTombstone() && dropTombstones);
    }

    private MemoryRecordsBuilder startCopy(RecordBatchView batch) {
        MemoryRecordsBuilder b = builders.computeIfAbsent(batch.compressionType(),
                c -> new MemoryRecordsBuilder(c, Integer.MAX_VALUE));
        b.reset(batch.baseOffset());
        if (batch.hasProducerId()) {
            b.overrideLastOffsetDelta(batch.lastOffsetDelta());
        }
        return b.producer(batch.producerId(), batch.producerEpoch(), batch.baseSequence())
                .timestampType(io.runnel.log.TimestampType.CREATE_TIME)
                .transactional(batch.isTransactional());
    }

    /** Consecutive segments grouped so each group's total size stays within {@code maxBytes}. */
    static List<List<SegmentView>> groupBySize(List<SegmentView> segments, int maxBytes) {
        List<List<SegmentView>> groups = new ArrayList<>();
        List<SegmentView> current = new ArrayList<>();
        long size = 0;
        for (SegmentView s : segments) {
            boolean offsetsFit = current.isEmpty()
                    || s.nextOffset() - current.get(0).baseOffset() <= Integer.MAX_VALUE;
            if (!current.isEmpty() && (size + s.sizeInBytes() > maxBytes || !offsetsFit)) {
                groups.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(s);
            size += s.sizeInBytes();
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }
}
