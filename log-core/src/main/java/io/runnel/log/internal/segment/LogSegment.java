package io.runnel.log.internal.segment;

import io.runnel.log.OffsetAndTimestamp;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One segment of a partition: a {@code .log} file of batches whose offsets start at
 * {@link #baseOffset()}, with its sparse {@link OffsetIndex} and {@link TimeIndex}. File names
 * come from {@link LogFiles}.
 *
 * <p>Batches are addressed by file position. A read looks the offset up in the offset index, then
 * scans batch headers (61 bytes each, positional reads) to the first batch whose last offset
 * reaches it, and returns whole batches from there as a file range ({@link Slice}).
 *
 * <p>Threading: the partition's append lock holder is the only writer ({@link #append},
 * {@link #recover}, {@link #flush}, renames); readers call {@link #read},
 * {@link #findOffsetByTimestamp} and the accessors concurrently without locks. A reader passes the
 * largest file position it may see (the high watermark's), so it never reads a batch being written.
 */
final class LogSegment implements AutoCloseable {
    /** Bytes of log between two index entries (Kafka's index.interval.bytes default). */
    static final int DEFAULT_INDEX_INTERVAL_BYTES = 4096;

    private final long baseOffset;
    private final FileRecords log;
    private final OffsetIndex offsetIndex;
    private final TimeIndex timeIndex;
    private final int indexIntervalBytes;
    private int bytesSinceLastIndexEntry;
    private volatile long nextOffset;
    private volatile long maxTimestampSoFar = -1;
    private volatile long offsetOfMaxTimestampSoFar = -1;
    private volatile long rollingBaseTimeMs;

    private LogSegment(long baseOffset, FileRecords log, OffsetIndex offsetIndex, TimeIndex timeIndex,
                       int indexIntervalBytes, long nowMs) {
        this.baseOffset = baseOffset;
        this.log = log;
        this.offsetIndex = offsetIndex;
        this.timeIndex = timeIndex;
        this.indexIntervalBytes = indexIntervalBytes;
        this.nextOffset = baseOffset;
        this.rollingBaseTimeMs = nowMs;
    }

    /** Creates the three files of a new, empty segment (replacing empty leftovers). */
    static LogSegment create(Path dir, long baseOffset, int indexIntervalBytes, long nowMs) {
        return create(dir, baseOffset, indexIntervalBytes, nowMs, "");
    }

    /** As {@link #create(Path, long, int, long)} with every file name ending in {@code suffix}. */
    static LogSegment create(Path dir, long baseOffset, int indexIntervalBytes, long nowMs, String suffix) {
        Path logFile = LogFiles.withSuffix(LogFiles.logFile(dir, baseOffset), suffix);
        if (Files.exists(logFile) && logFile.toFile().length() > 0) {
            throw new IllegalStateException("segment file " + logFile + " already exists and is not empty");
        }
        FileRecords log = FileRecords.open(logFile);
        OffsetIndex oi = new OffsetIndex(LogFiles.withSuffix(LogFiles.offsetIndexFile(dir, baseOffset), suffix), baseOffset);
        TimeIndex ti = new TimeIndex(LogFiles.withSuffix(LogFiles.timeIndexFile(dir, baseOffset), suffix), baseOffset);
        oi.reset();
        ti.reset();
        return new LogSegment(baseOffset, log, oi, ti, indexIntervalBytes, nowMs);
    }

    /**
     * Opens an existing segment trusting its bytes (clean shutdown, or below the recovery point):
     * loads the indexes, rebuilding them from batch headers if missing or inconsistent, and finds
     * the next offset and largest timestamp by scanning past the last index entry.
     */
    static LogSegment open(Path dir, long baseOffset, int indexIntervalBytes, long nowMs, String suffix) {
        FileRecords log = FileRecords.open(LogFiles.withSuffix(LogFiles.logFile(dir, baseOffset), suffix));
        OffsetIndex oi = new OffsetIndex(LogFiles.withSuffix(LogFiles.offsetIndexFile(dir, baseOffset), suffix), baseOffset);
        TimeIndex ti = new TimeIndex(LogFiles.withSuffix(LogFiles.timeIndexFile(dir, baseOffset), suffix), baseOffset);
        LogSegment segment = new LogSegment(baseOffset, log, oi, ti, indexIntervalBytes, nowMs);
        boolean sane = oi.load() && ti.load() && oi.isSaneFor(log.sizeInBytes()) && ti.isSane()
                && !(oi.entries() == 0 && log.sizeInBytes() > 2 * indexIntervalBytes);
        if (!sane) {
            oi.reset();
            ti.reset();
            segment.scanHeaders(0, true);
        } else {
            if (ti.entries() > 0) {
                segment.maxTimestampSoFar = ti.lastTimestamp();
                segment.offsetOfMaxTimestampSoFar = ti.second(ti.entries() - 1);
            }
            segment.scanHeaders(oi.lastPosition(), false);
        }
        segment.initRollingBaseTime(nowMs);
        return segment;
    }

    long baseOffset() {
        return baseOffset;
    }

    /** The offset after the last batch ({@link #baseOffset()} when empty). */
    long nextOffset() {
        return nextOffset;
    }

    int sizeInBytes() {
        return log.sizeInBytes();
    }

    boolean isEmpty() {
        return log.sizeInBytes() == 0;
    }

    /** The largest record timestamp (batch max timestamp), −1 if empty. */
    long maxTimestamp() {
        return maxTimestampSoFar;
    }

    /** The time segment.ms counts from: creation, or the first batch's timestamp after a reopen. */
    long rollingBaseTimeMs() {
        return rollingBaseTimeMs;
    }

    Path logFile() {
        return log.file();
    }

    java.nio.channels.FileChannel channel() {
        return log.channel();
    }

    /**
     * Appends one validated batch whose offsets are assigned.
     *
     * @return the file position of the batch
     */
    int append(ByteBuffer batch, long batchBaseOffset, long batchLastOffset, long batchMaxTimestamp) {
        if (batchLastOffset - baseOffset > Integer.MAX_VALUE || batchBaseOffset < nextOffset) {
            throw new IllegalArgumentException("batch " + batchBaseOffset + ".." + batchLastOffset
                    + " does not fit segment " + baseOffset + " (next offset " + nextOffset + ")");
        }
        int size = batch.remaining();
        int position = log.append(batch);
        if (batchMaxTimestamp > maxTimestampSoFar) {
            maxTimestampSoFar = batchMaxTimestamp;
            offsetOfMaxTimestampSoFar = batchBaseOffset;
        }
        if (bytesSinceLastIndexEntry > indexIntervalBytes) {
            offsetIndex.append(batchBaseOffset, position);
            timeIndex.maybeAppend(maxTimestampSoFar, offsetOfMaxTimestampSoFar);
            bytesSinceLastIndexEntry = 0;
        }
        bytesSinceLastIndexEntry += size;
        nextOffset = batchLastOffset + 1;
        return position;
    }

    /**
     * Whole batches from the one containing {@code startOffset} (or the first after it), at most
     * {@code maxBytes} unless the first batch alone is larger, never past {@code maxPosition}.
     *
     * @return the file range, or null if no batch below {@code maxPosition} reaches {@code startOffset}
     */
    Slice read(long startOffset, int maxBytes, int maxPosition) {
        ByteBuffer header = ByteBuffer.allocate(RecordBatchView.HEADER_SIZE);
        int pos = startOffset <= baseOffset ? 0 : offsetIndex.lookup(startOffset);
        while (pos + RecordBatchView.HEADER_SIZE <= maxPosition) {
            header.clear();
            log.readFully(header, pos);
            int size = header.getInt(RecordBatchView.LENGTH_OFFSET) + RecordBatchView.LOG_OVERHEAD;
            long lastOffset = header.getLong(RecordBatchView.BASE_OFFSET_OFFSET)
                    + header.getInt(RecordBatchView.LAST_OFFSET_DELTA_OFFSET);
            if (lastOffset >= startOffset) {
                int end = pos + size;
                ByteBuffer lengthBuf = ByteBuffer.allocate(RecordBatchView.LOG_OVERHEAD);
                while (end + RecordBatchView.LOG_OVERHEAD <= maxPosition) {
                    lengthBuf.clear();
                    log.readFully(lengthBuf, end);
                    int next = lengthBuf.getInt(RecordBatchView.LENGTH_OFFSET) + RecordBatchView.LOG_OVERHEAD;
                    if (end + next > maxPosition || (long) end + next - pos > maxBytes) {
                        break;
                    }
                    end += next;
                }
                return new Slice(this, pos, Math.min(end, maxPosition) - pos);
            }
            pos += size;
        }
        return null;
    }

    /**
     * The first record at or after {@code timestamp} with an offset at least {@code minOffset}, or
     * null if the segment has none.
     */
    OffsetAndTimestamp findOffsetByTimestamp(long timestamp, long minOffset, int maxPosition) {
        if (maxTimestampSoFar < timestamp) {
            return null;
        }
        long startOffset = Math.max(timeIndex.lookupStartOffset(timestamp), minOffset);
        int pos = startOffset <= baseOffset ? 0 : offsetIndex.lookup(startOffset);
        ByteBuffer header = ByteBuffer.allocate(RecordBatchView.HEADER_SIZE);
        while (pos + RecordBatchView.HEADER_SIZE <= maxPosition) {
            header.clear();
            log.readFully(header, pos);
            RecordBatchView h = new RecordBatchView(header.flip());
            int size = h.sizeInBytes();
            if (h.maxTimestamp() >= timestamp && h.lastOffset() >= minOffset) {
                ByteBuffer batch = ByteBuffer.allocate(size);
                log.readFully(batch, pos);
                RecordBatchView view = new RecordBatchView(batch.flip());
                view.ensureValid();
                for (Record r : view) {
                    if (r.timestamp() >= timestamp && r.offset() >= minOffset) {
                        return new OffsetAndTimestamp(r.offset(), r.timestamp());
                    }
                }
            }
            pos += size;
        }
        return null;
    }

    /**
     * Calls {@code action} for each batch whose last offset is at least {@code fromOffset}, in
     * order, with a view of its 61-byte header only ({@code full} false) or of the whole batch
     * read into a reused buffer ({@code full} true, valid only during the call; CRC not checked).
     */
    void forEachBatch(long fromOffset, boolean full, java.util.function.Consumer<RecordBatchView> action) {
        int end = log.sizeInBytes();
        int pos = fromOffset <= baseOffset ? 0 : offsetIndex.lookup(fromOffset);
        ByteBuffer header = ByteBuffer.allocate(RecordBatchView.HEADER_SIZE);
        ByteBuffer batch = full ? ByteBuffer.allocate(16 * 1024) : null;
        while (pos + RecordBatchView.HEADER_SIZE <= end) {
            header.clear();
            log.readFully(header, pos);
            RecordBatchView h = new RecordBatchView(header.flip());
            int size = h.sizeInBytes();
            if (size < RecordBatchView.HEADER_SIZE || pos + (long) size > end) {
                throw new io.runnel.log.CorruptRecordException("batch at position " + pos + " of " + log.file()
                        + " declares " + size + " bytes, file has " + (end - pos));
            }
            if (h.lastOffset() >= fromOffset) {
                if (full) {
                    if (batch.capacity() < size) {
                        batch = ByteBuffer.allocate(size);
                    }
                    batch.clear().limit(size);
                    log.readFully(batch, pos);
                    action.accept(new RecordBatchView(batch.flip()));
                } else {
                    action.accept(h);
                }
            }
            pos += size;
        }
    }

    /** Reads {@code size} bytes from {@code position} into a new heap buffer. */
    ByteBuffer readBytes(int position, int size) {
        ByteBuffer buf = ByteBuffer.allocate(size);
        log.readFully(buf, position);
        return buf.flip();
    }

    /**
     * Validates every batch (length, magic, CRC, offsets increasing and inside the segment),
     * rebuilds both indexes, and truncates the file at the first invalid byte.
     *
     * @param expectedFirstOffset offsets below this are invalid (the previous segment's next offset)
     * @return the number of bytes truncated (0 if the segment was whole)
     */
    int recover(long expectedFirstOffset) {
        offsetIndex.reset();
        timeIndex.reset();
        bytesSinceLastIndexEntry = 0;
        maxTimestampSoFar = -1;
        offsetOfMaxTimestampSoFar = -1;
        nextOffset = baseOffset;
        long minOffset = Math.max(expectedFirstOffset, baseOffset);
        int fileSize = log.sizeInBytes();
        int pos = 0;
        ByteBuffer lengthBuf = ByteBuffer.allocate(RecordBatchView.LOG_OVERHEAD);
        ByteBuffer batch = ByteBuffer.allocate(64 * 1024);
        while (pos + RecordBatchView.HEADER_SIZE <= fileSize) {
            lengthBuf.clear();
            log.readFully(lengthBuf, pos);
            long size = (long) lengthBuf.getInt(RecordBatchView.LENGTH_OFFSET) + RecordBatchView.LOG_OVERHEAD;
            if (size < RecordBatchView.HEADER_SIZE || pos + size > fileSize) {
                break;
            }
            if (batch.capacity() < size) {
                batch = ByteBuffer.allocate((int) size);
            }
            batch.clear().limit((int) size);
            log.readFully(batch, pos);
            batch.flip();
            RecordBatchView view = new RecordBatchView(batch);
            if (!view.isValid() || view.baseOffset() < minOffset || view.lastOffsetDelta() < 0
                    || view.lastOffset() - baseOffset > Integer.MAX_VALUE) {
                break;
            }
            indexBatch(view.baseOffset(), view.lastOffset(), view.maxTimestamp(), pos, (int) size);
            minOffset = view.lastOffset() + 1;
            pos += (int) size;
        }
        int truncated = fileSize - pos;
        if (truncated > 0) {
            log.truncateTo(pos);
        }
        initRollingBaseTime(rollingBaseTimeMs);
        return truncated;
    }

    /** Walks batch headers from {@code position} to the end, updating state (and indexes if asked). */
    private void scanHeaders(int position, boolean index) {
        int fileSize = log.sizeInBytes();
        int pos = position;
        ByteBuffer header = ByteBuffer.allocate(RecordBatchView.HEADER_SIZE);
        while (pos + RecordBatchView.HEADER_SIZE <= fileSize) {
            header.clear();
            log.readFully(header, pos);
            RecordBatchView h = new RecordBatchView(header.flip());
            int size = h.sizeInBytes();
            if (size < RecordBatchView.HEADER_SIZE || pos + (long) size > fileSize) {
                break;
            }
            if (index) {
                indexBatch(h.baseOffset(), h.lastOffset(), h.maxTimestamp(), pos, size);
            } else {
                if (h.maxTimestamp() > maxTimestampSoFar) {
                    maxTimestampSoFar = h.maxTimestamp();
                    offsetOfMaxTimestampSoFar = h.baseOffset();
                }
                nextOffset = h.lastOffset() + 1;
            }
            pos += size;
        }
    }

    private void indexBatch(long batchBase, long batchLast, long maxTs, int position, int size) {
        if (maxTs > maxTimestampSoFar) {
            maxTimestampSoFar = maxTs;
            offsetOfMaxTimestampSoFar = batchBase;
        }
        if (bytesSinceLastIndexEntry > indexIntervalBytes) {
            offsetIndex.append(batchBase, position);
            timeIndex.maybeAppend(maxTimestampSoFar, offsetOfMaxTimestampSoFar);
            bytesSinceLastIndexEntry = 0;
        }
        bytesSinceLastIndexEntry += size;
        nextOffset = batchLast + 1;
    }

    private void initRollingBaseTime(long fallbackMs) {
        if (log.sizeInBytes() >= RecordBatchView.HEADER_SIZE) {
            ByteBuffer header = ByteBuffer.allocate(RecordBatchView.HEADER_SIZE);
            log.readFully(header, 0);
            long first = header.getLong(RecordBatchView.MAX_TIMESTAMP_OFFSET);
            rollingBaseTimeMs = first >= 0 && first <= fallbackMs ? first : fallbackMs;
        } else {
            rollingBaseTimeMs = fallbackMs;
        }
    }

    /** fsync of the log and both indexes. */
    void flush() {
        log.flush();
        offsetIndex.flush();
        timeIndex.flush();
    }

    /** Renames the three files from ending in {@code oldSuffix} to ending in {@code newSuffix}. */
    void changeFileSuffixes(String oldSuffix, String newSuffix) {
        // Indexes first, log last: a swap is committed by its log file's name (see PartitionLog#replaceSegments).
        offsetIndex.renameTo(rename(offsetIndex.file(), oldSuffix, newSuffix));
        timeIndex.renameTo(rename(timeIndex.file(), oldSuffix, newSuffix));
        log.renameTo(rename(log.file(), oldSuffix, newSuffix));
    }

    private static Path rename(Path file, String oldSuffix, String newSuffix) {
        Path base = oldSuffix.isEmpty() ? file : LogFiles.withoutSuffix(file, oldSuffix);
        return LogFiles.withSuffix(base, newSuffix);
    }

    /** Closes and deletes the three files. */
    void closeAndDelete() {
        close();
        log.deleteIfExists();
        offsetIndex.deleteIfExists();
        timeIndex.deleteIfExists();
    }

    @Override
    public void close() {
        log.close();
        offsetIndex.close();
        timeIndex.close();
    }

    @Override
    public String toString() {
        return "LogSegment(base=" + baseOffset + ", next=" + nextOffset + ", size=" + sizeInBytes() + ")";
    }

    /** A range of whole batches in a segment file. */
    record Slice(LogSegment segment, int position, int size) {
    }
}
