package io.runnel.log.internal.segment;

import io.runnel.log.OffsetAndTimestamp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntConsumer;

/**
 * The ordered segments of one partition and the file operations on them: create the next
 * segment, find the batches for a read or a timestamp, drop segments (retention) and swap in a
 * compacted one. {@link PartitionLog} decides when; this class knows how.
 *
 * <p>Threading: mutations ({@link #roll}, {@link #delete}, {@link #swap}, {@link #closeAll})
 * run under the partition's lock; lookups run concurrently without locks (the map is a
 * concurrent skip list and segments are read with positional I/O).
 */
final class SegmentSet {
    private final Path dir;
    private final int indexIntervalBytes;
    private final ConcurrentSkipListMap<Long, LogSegment> segments;
    private volatile LogSegment active;

    SegmentSet(Path dir, int indexIntervalBytes, ConcurrentSkipListMap<Long, LogSegment> loaded) {
        this.dir = dir;
        this.indexIntervalBytes = indexIntervalBytes;
        this.segments = loaded;
        this.active = loaded.lastEntry().getValue();
    }

    LogSegment active() {
        return active;
    }

    Collection<LogSegment> all() {
        return segments.values();
    }

    int count() {
        return segments.size();
    }

    long sizeInBytes() {
        long total = 0;
        for (LogSegment s : segments.values()) {
            total += s.sizeInBytes();
        }
        return total;
    }

    /** Base offset of the segment holding {@code offset} (the first segment if none). */
    long floorBase(long offset) {
        Long k = segments.floorKey(offset);
        return k == null ? segments.firstKey() : k;
    }

    LogSegment get(long baseOffset) {
        return segments.get(baseOffset);
    }

    /** The segments from the one holding {@code offset} to the end. */
    Collection<LogSegment> from(long offset) {
        return segments.tailMap(floorBase(offset), true).values();
    }

    /** The base offset of the segment after {@code s}. */
    Long nextBase(LogSegment s) {
        return segments.higherKey(s.baseOffset());
    }

    /**
     * Roll steps 1-3 (see {@link PartitionLog}): fsync the active segment, create the next one at
     * {@code nextBase}, fsync the directory, publish it as active.
     */
    LogSegment roll(long nextBase, long nowMs) {
        active.flush();
        LogSegment next = LogSegment.create(dir, nextBase, indexIntervalBytes, nowMs);
        LogFiles.fsyncDirectory(dir);
        segments.put(next.baseOffset(), next);
        active = next;
        return next;
    }

    /**
     * Whole batches from the one containing {@code startOffset}, at most {@code maxBytes} (at
     * least one batch), below {@code hw}. Throws UncheckedIOException if a segment vanishes
     * meanwhile (the caller retries).
     */
    ReadResult read(long startOffset, int maxBytes, LogPosition hw, long logStartOffset) {
        Map.Entry<Long, LogSegment> e = segments.floorEntry(startOffset);
        if (e == null) {
            e = segments.firstEntry();
        }
        while (e != null && e.getKey() <= hw.segmentBase()) {
            LogSegment s = e.getValue();
            LogSegment.Slice slice = s.read(startOffset, maxBytes, maxPosition(s, hw));
            if (slice != null) {
                return new ReadResult(s.channel(), slice.position(), slice.size(), hw.offset(), logStartOffset);
            }
            e = segments.higherEntry(e.getKey());
        }
        return ReadResult.empty(hw.offset(), logStartOffset);
    }

    /** The first record at or after {@code timestamp} in [{@code minOffset}, hw), or null. */
    OffsetAndTimestamp findOffsetByTimestamp(long timestamp, long minOffset, LogPosition hw) {
        for (LogSegment s : segments.headMap(hw.segmentBase(), true).values()) {
            if (s.nextOffset() <= minOffset || s.maxTimestamp() < timestamp) {
                continue;
            }
            OffsetAndTimestamp found = s.findOffsetByTimestamp(timestamp, minOffset, maxPosition(s, hw));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * How far into {@code s} a reader bounded by {@code hw} may read. The high watermark's segment
     * is read up to its position; a segment compacted since the high watermark was taken lies
     * wholly below it (compaction only rewrites such segments), so its own size bounds it.
     */
    private static int maxPosition(LogSegment s, LogPosition hw) {
        return s.baseOffset() == hw.segmentBase() ? Math.min(hw.position(), s.sizeInBytes()) : s.sizeInBytes();
    }

    /** The segments before the active one whose records all lie below {@code offset}, oldest first. */
    List<LogSegment> closedBelow(long offset) {
        List<LogSegment> out = new ArrayList<>();
        for (LogSegment s : segments.values()) {
            if (s == active || s.nextOffset() > offset) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    /** Retention steps 2-4 (see {@link PartitionLog#deleteExpiredSegments()}). */
    void delete(List<LogSegment> doomed) {
        for (LogSegment s : doomed) {
            segments.remove(s.baseOffset(), s);
        }
        for (LogSegment s : doomed) {
            s.changeFileSuffixes("", LogFiles.DELETED_SUFFIX);
        }
        LogFiles.fsyncDirectory(dir);
        for (LogSegment s : doomed) {
            s.closeAndDelete();
        }
    }

    /**
     * Compaction swap steps 2-6 (see {@link PartitionLog#replaceSegments}).
     *
     * @return false, with {@code cleaned} deleted, if the sources are no longer all present
     */
    boolean swap(LogSegment cleaned, List<LogSegment> sources, IntConsumer afterStep) {
        for (LogSegment s : sources) {
            if (segments.get(s.baseOffset()) != s) {
                cleaned.closeAndDelete();
                return false;
            }
        }
        cleaned.changeFileSuffixes(LogFiles.CLEANED_SUFFIX, LogFiles.SWAP_SUFFIX);
        LogFiles.fsyncDirectory(dir);
        afterStep.accept(2);
        for (LogSegment s : sources) {
            segments.remove(s.baseOffset());
        }
        segments.put(cleaned.baseOffset(), cleaned);
        afterStep.accept(3);
        for (LogSegment s : sources) {
            s.changeFileSuffixes("", LogFiles.DELETED_SUFFIX);
        }
        LogFiles.fsyncDirectory(dir);
        afterStep.accept(4);
        cleaned.changeFileSuffixes(LogFiles.SWAP_SUFFIX, "");
        LogFiles.fsyncDirectory(dir);
        afterStep.accept(5);
        for (LogSegment s : sources) {
            s.closeAndDelete();
        }
        afterStep.accept(6);
        return true;
    }

    void closeAll() {
        for (LogSegment s : segments.values()) {
            s.close();
        }
    }

    void clear() {
        segments.clear();
    }
}
