package io.runnel.log.internal.segment;

import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.CompressionType;
import io.runnel.log.CorruptRecordException;
import io.runnel.log.FlushPolicy;
import io.runnel.log.LogClosedException;
import io.runnel.log.OffsetAndTimestamp;
import io.runnel.log.OffsetOutOfRangeException;
import io.runnel.log.RecordTooLargeException;
import io.runnel.log.TimestampType;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.record.MemoryRecordsBuilder;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.record.Records;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One partition's log: a directory of segments ({@link LogFiles}), appended to by producers,
 * read by consumers, trimmed by retention and compacted by the cleaner.
 *
 * <h2>Offsets</h2>
 * {@code logStartOffset ≤ highWatermark ≤ logEndOffset}. The log end offset is the next offset to
 * assign. The high watermark is the end of what is acknowledged under the {@link FlushPolicy}
 * (fsynced for ALWAYS, written for INTERVAL and NONE): readers never see beyond it, so under
 * ALWAYS a consumer never sees a record that a crash could take back.
 *
 * <h2>Threading</h2>
 * One lock per partition serialises appends, rolls, retention and compaction swaps, so appends to
 * different partitions run in parallel. Readers take no lock: segments live in a concurrent map,
 * files are read with positional I/O, and the high watermark (with its file position) is a
 * volatile published after the bytes are written. Under ALWAYS, append futures complete on the
 * partition's flusher thread; {@code onNewData} runs on the thread that moved the high watermark
 * and must be cheap.
 *
 * <h2>Roll (crash protocol)</h2>
 * When the active segment would exceed {@code segment.bytes}, is older than {@code segment.ms} or
 * its offsets would overflow 32 bits:
 * <ol>
 *   <li>fsync the old active segment (log and indexes) — a crash here: nothing changed;</li>
 *   <li>create the new segment's empty files named after the log end offset and fsync the
 *       directory — a crash here leaves an empty last segment, which recovery keeps (or deletes
 *       if recovery truncates an earlier one);</li>
 *   <li>publish the new segment as active; write the checkpoint with the recovery point at the
 *       old segment's end — a crash before or during this write leaves the previous (older,
 *       still valid) checkpoint: recovery only validates more.</li>
 * </ol>
 *
 * <h2>Retention (crash protocol)</h2>
 * See {@link #deleteExpiredSegments()}. Compaction's swap protocol is {@link #replaceSegments}.
 */
public final class PartitionLog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PartitionLog.class.getName());

    /** {@link #offsetForTimestamp} argument meaning "the log start offset" (Kafka's EARLIEST_TIMESTAMP). */
    public static final long EARLIEST_TIMESTAMP = -2L;
    /** {@link #offsetForTimestamp} argument meaning "the high watermark" (Kafka's LATEST_TIMESTAMP). */
    public static final long LATEST_TIMESTAMP = -1L;

    /**
     * The outcome of an append.
     *
     * @param baseOffset     offset of the first record appended (or of the original, for a duplicate)
     * @param lastOffset     offset of the last record
     * @param logAppendTime  the time stamped on the batch when the topic uses LogAppendTime, else −1
     * @param duplicate      true when the batch was a retry of one already in the log (not appended again)
     */
    public record AppendResult(long baseOffset, long lastOffset, long logAppendTime, boolean duplicate) {
    }

    private final Path dir;
    private final TopicPartition topicPartition;
    private final FlushPolicy flushPolicy;
    private final Time time;
    private final Runnable onNewData;
    private final int indexIntervalBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentSkipListMap<Long, LogSegment> segments;
    private final ProducerStateManager producers = new ProducerStateManager();
    private final AtomicLong recoveryPoint;
    private final GroupCommitFlusher groupCommit;
    private final IntervalFlusher intervalFlusher;
    private final long truncatedOnOpen;
    private final boolean openedClean;

    private volatile TopicConfig config;
    private volatile LogSegment active;
    private volatile long logEndOffset;
    private volatile long logStartOffset;
    private volatile LogPosition highWatermark;
    private volatile LogPosition written;
    private volatile boolean closed;
    private volatile Throwable failure;
    private MemoryRecordsBuilder recompressor;

    private PartitionLog(Path dir, TopicPartition tp, TopicConfig config, FlushPolicy flushPolicy, Time time,
                         Runnable onNewData, int indexIntervalBytes) {
        this.dir = dir;
        this.topicPartition = tp;
        this.config = config;
        this.flushPolicy = flushPolicy;
        this.time = time;
        this.onNewData = onNewData;
        this.indexIntervalBytes = indexIntervalBytes;
        long now = time.milliseconds();
        LogLoader.Loaded loaded = LogLoader.load(dir, producers, indexIntervalBytes, now);
        this.segments = loaded.segments();
        this.truncatedOnOpen = loaded.truncatedBytes();
        this.openedClean = loaded.cleanShutdown();
        this.active = segments.lastEntry().getValue();
        this.logEndOffset = active.nextOffset();
        this.logStartOffset = loaded.logStartOffset();
        // Whatever recovery kept is fsynced now, so it is all acknowledged.
        for (LogSegment s : segments.tailMap(floorBase(loaded.recoveryPoint()), true).values()) {
            s.flush();
        }
        this.recoveryPoint = new AtomicLong(logEndOffset);
        LogPosition end = new LogPosition(logEndOffset, active.baseOffset(), active.sizeInBytes());
        this.highWatermark = end;
        this.written = end;
        deleteIfExists(dir.resolve(LogFiles.CLEAN_SHUTDOWN));
        LogFiles.fsyncDirectory(dir);
        new PartitionCheckpoint(logEndOffset, logStartOffset).write(dir);
        String threadName = "runnel-flusher-" + tp;
        if (flushPolicy instanceof FlushPolicy.Always) {
            this.groupCommit = new GroupCommitFlusher(threadName, new GroupCommitFlusher.Target() {
                @Override
                public void flushAndAcknowledge(LogPosition upTo) {
                    flushTo(upTo);
                }

                @Override
                public void failed(Throwable cause) {
                    fail(cause);
                }
            });
            this.intervalFlusher = null;
        } else if (flushPolicy instanceof FlushPolicy.Interval interval) {
            this.groupCommit = null;
            this.intervalFlusher = new IntervalFlusher(threadName, interval.ms(), this::flushQuietly);
        } else {
            this.groupCommit = null;
            this.intervalFlusher = null;
        }
    }

    /**
     * Opens (creating if needed) the partition in {@code dir}, recovering it after an unclean stop
     * (see {@link LogLoader}).
     *
     * @param onNewData runs after the high watermark moves (cheap, non-blocking: long-poll wakeups)
     */
    public static PartitionLog open(Path dir, TopicPartition tp, TopicConfig config, FlushPolicy flushPolicy,
                                    Time time, Runnable onNewData) {
        return open(dir, tp, config, flushPolicy, time, onNewData, LogSegment.DEFAULT_INDEX_INTERVAL_BYTES);
    }

    /** As {@link #open(Path, TopicPartition, TopicConfig, FlushPolicy, Time, Runnable)} with an index interval. */
    public static PartitionLog open(Path dir, TopicPartition tp, TopicConfig config, FlushPolicy flushPolicy,
                                    Time time, Runnable onNewData, int indexIntervalBytes) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(tp, "tp");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(flushPolicy, "flushPolicy");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(onNewData, "onNewData");
        if (indexIntervalBytes < 1) {
            throw new IllegalArgumentException("indexIntervalBytes < 1: " + indexIntervalBytes);
        }
        return new PartitionLog(dir, tp, config, flushPolicy, time, onNewData, indexIntervalBytes);
    }

    // ---------------------------------------------------------------- append

    /**
     * Appends one or more v2 batches as a producer built them. Validates each batch (magic,
     * length, CRC, record count) and its size against {@code max.message.bytes}, assigns offsets
     * by rewriting the base offsets in {@code batches} (not covered by the CRC), stamps
     * LogAppendTime when the topic uses it (recomputing the CRC), recompresses when the topic's
     * {@code compression.type} names a codec, and checks idempotence for batches with a producer
     * id. The future completes once the batches are acknowledged under the flush policy.
     *
     * @throws CorruptRecordException       when a batch fails validation (nothing is appended)
     * @throws RecordTooLargeException      when a batch exceeds max.message.bytes
     * @throws io.runnel.log.OutOfOrderSequenceException when an idempotent batch leaves a sequence gap
     * @throws io.runnel.log.ProducerFencedException when an idempotent batch carries an old epoch
     * @throws LogClosedException           after {@link #close()}
     */
    public CompletableFuture<AppendResult> append(ByteBuffer batches) {
        Objects.requireNonNull(batches, "batches");
        TopicConfig cfg = config;
        List<RecordBatchView> views = new ArrayList<>(1);
        for (RecordBatchView b : Records.batches(batches)) {
            b.ensureValid();
            if (b.sizeInBytes() > cfg.maxMessageBytes()) {
                throw new RecordTooLargeException("batch of " + b.sizeInBytes() + " bytes for " + topicPartition
                        + " exceeds max.message.bytes " + cfg.maxMessageBytes());
            }
            if (b.recordCount() == 0 || b.lastOffsetDelta() != b.recordCount() - 1) {
                throw new CorruptRecordException("batch for " + topicPartition + " has " + b.recordCount()
                        + " records but last offset delta " + b.lastOffsetDelta());
            }
            views.add(b);
        }
        if (views.isEmpty()) {
            throw new CorruptRecordException("no record batch in " + batches.remaining() + " bytes for " + topicPartition);
        }
        CompletableFuture<AppendResult> future;
        lock.lock();
        try {
            ensureWritable();
            long now = time.milliseconds();
            long first = -1;
            long last = -1;
            AppendResult duplicateOf = null;
            long appendTime = cfg.timestampType() == TimestampType.LOG_APPEND_TIME ? now : -1;
            for (RecordBatchView b : views) {
                if (b.hasProducerId()) {
                    ProducerStateManager.BatchMetadata dup = producers.check(b.producerId(), b.producerEpoch(),
                            b.baseSequence(), b.lastSequence(), logEndOffset);
                    if (dup != null) {
                        duplicateOf = new AppendResult(dup.firstOffset(), dup.lastOffset(), -1, true);
                        continue;
                    }
                }
                RecordBatchView batch = maybeRecompress(b, cfg);
                long base = logEndOffset;
                batch.setBaseOffset(base);
                if (appendTime >= 0) {
                    batch.setLogAppendTime(appendTime);
                }
                maybeRoll(batch.sizeInBytes(), batch.lastOffset(), now, cfg);
                int position = active.append(batch.buffer(), base, batch.lastOffset(), batch.maxTimestamp());
                if (batch.hasProducerId()) {
                    producers.update(batch.producerId(), batch.producerEpoch(), batch.baseSequence(),
                            batch.lastSequence(), base, batch.lastOffset(), batch.maxTimestamp());
                }
                logEndOffset = batch.lastOffset() + 1;
                written = new LogPosition(logEndOffset, active.baseOffset(), position + batch.sizeInBytes());
                if (first < 0) {
                    first = base;
                }
                last = batch.lastOffset();
            }
            AppendResult result = first < 0 ? duplicateOf : new AppendResult(first, last, appendTime, false);
            if (groupCommit != null) {
                future = new CompletableFuture<>();
                if (result.lastOffset() < highWatermark.offset()) {
                    future.complete(result);
                } else {
                    groupCommit.enqueue(written, future, result);
                }
                return future;
            }
            highWatermark = written;
            future = CompletableFuture.completedFuture(result);
        } finally {
            lock.unlock();
        }
        onNewData.run();
        return future;
    }

    private RecordBatchView maybeRecompress(RecordBatchView batch, TopicConfig cfg) {
        if (cfg.compressionType().equals("producer")) {
            return batch;
        }
        CompressionType target = CompressionType.forName(cfg.compressionType());
        if (target == batch.compressionType()) {
            return batch;
        }
        if (recompressor == null || recompressor.compression() != target) {
            recompressor = new MemoryRecordsBuilder(target, Integer.MAX_VALUE);
        }
        MemoryRecordsBuilder b = recompressor.reset(batch.baseOffset())
                .producer(batch.producerId(), batch.producerEpoch(), batch.baseSequence())
                .timestampType(batch.timestampType()).transactional(batch.isTransactional());
        for (Record r : batch) {
            b.appendWithOffset(r.offset(), r.timestamp(), r.key(), r.value(), r.headers());
        }
        return new RecordBatchView(b.build());
    }

    private void maybeRoll(int batchSize, long batchLastOffset, long now, TopicConfig cfg) {
        LogSegment a = active;
        if (a.isEmpty()) {
            return;
        }
        boolean full = (long) a.sizeInBytes() + batchSize > cfg.segmentBytes();
        boolean old = now - a.rollingBaseTimeMs() >= cfg.segmentMs();
        boolean overflow = batchLastOffset - a.baseOffset() > Integer.MAX_VALUE;
        if (full || old || overflow) {
            roll(now);
        }
    }

    /** Rolls to a new active segment at the log end offset (protocol in the class comment). Lock held. */
    private void roll(long now) {
        LogSegment old = active;
        old.flush();
        LogSegment next = LogSegment.create(dir, logEndOffset, indexIntervalBytes, now);
        LogFiles.fsyncDirectory(dir);
        segments.put(next.baseOffset(), next);
        active = next;
        LogPosition start = new LogPosition(logEndOffset, next.baseOffset(), 0);
        written = start;
        if (highWatermark.offset() == logEndOffset) {
            highWatermark = start;
        }
        recoveryPoint.accumulateAndGet(old.nextOffset(), Math::max);
        writeCheckpoint();
    }

    /** Forces a roll (tests, and the cleaner when the active segment is old enough to compact). */
    public void roll() {
        lock.lock();
        try {
            ensureWritable();
            if (!active.isEmpty()) {
                roll(time.milliseconds());
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- read

    /**
     * Reads whole batches starting with the one containing {@code startOffset}, up to
     * {@code maxBytes} (at least one batch even if larger), never beyond the high watermark.
     * Reading at the high watermark returns an empty result.
     *
     * @throws OffsetOutOfRangeException below the log start offset or above the high watermark
     */
    public ReadResult read(long startOffset, int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes < 0: " + maxBytes);
        }
        ensureOpen();
        for (int attempt = 0; ; attempt++) {
            LogPosition hw = highWatermark;
            long start = logStartOffset;
            if (startOffset < start || startOffset > hw.offset()) {
                throw new OffsetOutOfRangeException("offset " + startOffset + " is out of range for " + topicPartition
                        + ": log start offset " + start + ", high watermark " + hw.offset());
            }
            if (startOffset == hw.offset()) {
                return ReadResult.empty(hw.offset(), start);
            }
            try {
                Map.Entry<Long, LogSegment> e = segments.floorEntry(startOffset);
                if (e == null) {
                    e = segments.firstEntry();
                }
                while (e != null && e.getKey() <= hw.segmentBase()) {
                    LogSegment s = e.getValue();
                    LogSegment.Slice slice = s.read(startOffset, maxBytes, maxPosition(s, hw));
                    if (slice != null) {
                        return new ReadResult(s.channel(), slice.position(), slice.size(), hw.offset(), start);
                    }
                    e = segments.higherEntry(e.getKey());
                }
                return ReadResult.empty(hw.offset(), start);
            } catch (UncheckedIOException ex) {
                // The segment was deleted or replaced under us; look again (bounded).
                if (attempt >= 3 || closed) {
                    throw ex;
                }
            }
        }
    }

    /**
     * The first offset whose record timestamp is at least {@code timestamp}, below the high
     * watermark; {@link #EARLIEST_TIMESTAMP} and {@link #LATEST_TIMESTAMP} give the log start
     * offset and the high watermark (timestamp −1). Null when no record is that recent.
     */
    public OffsetAndTimestamp offsetForTimestamp(long timestamp) {
        ensureOpen();
        LogPosition hw = highWatermark;
        long start = logStartOffset;
        if (timestamp == EARLIEST_TIMESTAMP) {
            return new OffsetAndTimestamp(start, -1);
        }
        if (timestamp == LATEST_TIMESTAMP) {
            return new OffsetAndTimestamp(hw.offset(), -1);
        }
        for (LogSegment s : segments.headMap(hw.segmentBase(), true).values()) {
            if (s.nextOffset() <= start || s.maxTimestamp() < timestamp) {
                continue;
            }
            OffsetAndTimestamp found = s.findOffsetByTimestamp(timestamp, start, maxPosition(s, hw));
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

    public long logStartOffset() {
        return logStartOffset;
    }

    /** The next offset to assign. */
    public long logEndOffset() {
        return logEndOffset;
    }

    /** The end of what is acknowledged and readable. */
    public long highWatermark() {
        return highWatermark.offset();
    }

    public TopicPartition topicPartition() {
        return topicPartition;
    }

    public TopicConfig config() {
        return config;
    }

    public Path dir() {
        return dir;
    }

    /** Total bytes of all segments. */
    public long sizeInBytes() {
        long total = 0;
        for (LogSegment s : segments.values()) {
            total += s.sizeInBytes();
        }
        return total;
    }

    /** Number of segments (tests, metrics). */
    public int segmentCount() {
        return segments.size();
    }

    /** First offset not known to be fsynced (tests, metrics). */
    public long recoveryPoint() {
        return recoveryPoint.get();
    }

    /** Bytes recovery truncated when this log was opened (0 after a clean stop). */
    public long truncatedOnOpen() {
        return truncatedOnOpen;
    }

    /** Whether the log was opened after a clean close. */
    public boolean openedClean() {
        return openedClean;
    }

    public void updateConfig(TopicConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    // ---------------------------------------------------------------- retention

    /**
     * Deletes the oldest segments past {@code retention.ms} (their newest record is older) or
     * beyond {@code retention.bytes} (the partition is larger), never the active segment nor one
     * holding unacknowledged records, and moves the log start offset to the first kept segment.
     * Does nothing when the cleanup policy does not include {@code delete}.
     *
     * <p>Crash protocol:
     * <ol>
     *   <li>the log start offset moves to the next kept segment's base offset and the checkpoint
     *       is written — a crash here: recovery deletes segments below the checkpointed log start
     *       offset;</li>
     *   <li>the segments leave the segment map (readers can no longer find them);</li>
     *   <li>their files are renamed to {@code *.deleted} — a crash here: recovery deletes them;</li>
     *   <li>the files are closed and deleted (a reader still copying from one gets
     *       {@link OffsetOutOfRangeException}).</li>
     * </ol>
     *
     * @return the number of segments deleted
     */
    public int deleteExpiredSegments() {
        lock.lock();
        try {
            ensureWritable();
            TopicConfig cfg = config;
            if (!cfg.cleanupPolicy().deletes()) {
                return 0;
            }
            long now = time.milliseconds();
            long hw = highWatermark.offset();
            long excess = cfg.retentionBytes() < 0 ? Long.MIN_VALUE : sizeInBytes() - cfg.retentionBytes();
            List<LogSegment> doomed = new ArrayList<>();
            for (LogSegment s : segments.values()) {
                if (s == active || s.nextOffset() > hw) {
                    break;
                }
                boolean expired = cfg.retentionMs() >= 0 && now - s.maxTimestamp() > cfg.retentionMs();
                boolean tooBig = excess != Long.MIN_VALUE && excess - s.sizeInBytes() >= 0;
                if (!expired && !tooBig) {
                    break;
                }
                doomed.add(s);
                if (excess != Long.MIN_VALUE) {
                    excess -= s.sizeInBytes();
                }
            }
            if (doomed.isEmpty()) {
                return 0;
            }
            long newStart = segments.higherKey(doomed.get(doomed.size() - 1).baseOffset());
            logStartOffset = Math.max(logStartOffset, newStart);
            writeCheckpoint();
            removeSegments(doomed);
            LOG.log(System.Logger.Level.DEBUG, "retention deleted {0} segments of {1}; log start offset {2}",
                    doomed.size(), topicPartition, logStartOffset);
            return doomed.size();
        } finally {
            lock.unlock();
        }
    }

    /** Steps 2-4 of the deletion protocol. Lock held. */
    private void removeSegments(List<LogSegment> doomed) {
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

    // ---------------------------------------------------------------- compaction support

    /**
     * For the cleaner: the closed segments (not the active one) whose records are all below the
     * high watermark, oldest first.
     */
    public List<SegmentView> closedSegments() {
        LogPosition hw = highWatermark;
        List<SegmentView> out = new ArrayList<>();
        for (LogSegment s : segments.values()) {
            if (s == active || s.nextOffset() > hw.offset()) {
                break;
            }
            out.add(new SegmentView(s));
        }
        return out;
    }

    /** For the cleaner: a new segment written to {@code *.cleaned} files. */
    public CleanedSegment createCleanedSegment(long baseOffset) {
        ensureOpen();
        Path cleaned = LogFiles.withSuffix(LogFiles.logFile(dir, baseOffset), LogFiles.CLEANED_SUFFIX);
        deleteIfExists(cleaned);
        deleteIfExists(LogFiles.withSuffix(LogFiles.offsetIndexFile(dir, baseOffset), LogFiles.CLEANED_SUFFIX));
        deleteIfExists(LogFiles.withSuffix(LogFiles.timeIndexFile(dir, baseOffset), LogFiles.CLEANED_SUFFIX));
        return new CleanedSegment(LogSegment.create(dir, baseOffset, indexIntervalBytes, time.milliseconds(),
                LogFiles.CLEANED_SUFFIX));
    }

    /**
     * For the cleaner: replaces {@code sources} (consecutive closed segments, the first with the
     * cleaned segment's base offset) by {@code cleaned}. Crash protocol (recovery in
     * {@link LogLoader}):
     * <ol>
     *   <li>fsync the cleaned files — a crash before step 2 leaves {@code *.cleaned} files, which
     *       recovery deletes: the sources are intact;</li>
     *   <li>under the partition lock (held to the end), check that the sources are still the
     *       log's segments (retention may have deleted them: then the cleaned files are deleted
     *       and false returned); rename the cleaned index files, then the cleaned log file, to
     *       {@code *.swap}; fsync the directory. The log file's rename is the commit point: from
     *       then on recovery completes the swap (deletes the sources, renames the swap files);</li>
     *   <li>replace the sources by the cleaned segment in the segment map (readers now read the
     *       cleaned one; a reader still copying from a source gets {@link OffsetOutOfRangeException}
     *       and reads again);</li>
     *   <li>rename the sources' files to {@code *.deleted}; fsync the directory;</li>
     *   <li>rename the swap files to their final names (indexes first, log last); fsync the
     *       directory — a crash between the renames leaves the log as {@code .swap}: recovery
     *       drops the already renamed indexes and rebuilds them;</li>
     *   <li>close and delete the sources' files (a crash leaves {@code *.deleted}, deleted by
     *       recovery).</li>
     * </ol>
     * The {@code afterStep} hook (tests) runs after each numbered step and may throw to simulate a
     * crash there.
     *
     * @return false if the sources changed meanwhile (nothing replaced, cleaned files deleted)
     */
    public boolean replaceSegments(CleanedSegment cleaned, List<SegmentView> sources,
                                   java.util.function.IntConsumer afterStep) {
        Objects.requireNonNull(cleaned, "cleaned");
        if (sources.isEmpty() || sources.get(0).baseOffset() != cleaned.baseOffset()) {
            throw new IllegalArgumentException("sources must start at the cleaned segment's base offset "
                    + cleaned.baseOffset());
        }
        LogSegment c = cleaned.segment();
        c.flush();
        afterStep.accept(1);
        lock.lock();
        try {
            ensureWritable();
            for (SegmentView s : sources) {
                if (segments.get(s.baseOffset()) != s.segment()) {
                    cleaned.abort();
                    return false;
                }
            }
            c.changeFileSuffixes(LogFiles.CLEANED_SUFFIX, LogFiles.SWAP_SUFFIX);
            LogFiles.fsyncDirectory(dir);
            afterStep.accept(2);
            for (SegmentView s : sources) {
                segments.remove(s.baseOffset());
            }
            segments.put(c.baseOffset(), c);
            afterStep.accept(3);
            for (SegmentView s : sources) {
                s.segment().changeFileSuffixes("", LogFiles.DELETED_SUFFIX);
            }
            LogFiles.fsyncDirectory(dir);
            afterStep.accept(4);
            c.changeFileSuffixes(LogFiles.SWAP_SUFFIX, "");
            LogFiles.fsyncDirectory(dir);
            afterStep.accept(5);
            for (SegmentView s : sources) {
                s.segment().closeAndDelete();
            }
            afterStep.accept(6);
            return true;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- durability

    /** fsyncs everything written and moves the recovery point to the log end offset. */
    public void flush() {
        ensureOpen();
        LogPosition end;
        lock.lock();
        try {
            end = written;
        } finally {
            lock.unlock();
        }
        flushSegmentsUpTo(end);
    }

    private void flushQuietly() {
        if (!closed) {
            flush();
        }
    }

    /** Group commit round: fsync up to {@code end}, then publish it as the high watermark. */
    private void flushTo(LogPosition end) {
        flushSegmentsUpTo(end);
        if (end.offset() > highWatermark.offset()) {
            highWatermark = end;
        }
        onNewData.run();
    }

    private void flushSegmentsUpTo(LogPosition end) {
        // Segments before the end's segment were fsynced when they were rolled.
        LogSegment s = segments.get(end.segmentBase());
        if (s != null) {
            s.flush();
        }
        recoveryPoint.accumulateAndGet(end.offset(), Math::max);
    }

    private void fail(Throwable cause) {
        failure = cause;
        LOG.log(System.Logger.Level.ERROR, "partition " + topicPartition + " failed; appends are refused", cause);
    }

    private void writeCheckpoint() {
        new PartitionCheckpoint(Math.min(recoveryPoint.get(), logEndOffset), logStartOffset).write(dir);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Clean close: acknowledges queued appends, fsyncs, writes the producer state snapshot and the
     * checkpoint, then the clean-shutdown marker (last, so its presence means all of the above is
     * on disk).
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        if (groupCommit != null) {
            groupCommit.close();
        }
        if (intervalFlusher != null) {
            intervalFlusher.close();
        }
        lock.lock();
        try {
            if (failure == null) {
                for (LogSegment s : segments.tailMap(floorBase(recoveryPoint.get()), true).values()) {
                    s.flush();
                }
                recoveryPoint.set(logEndOffset);
                ProducerStateSnapshot.write(dir, logEndOffset, producers);
                writeCheckpoint();
                try {
                    Files.createFile(dir.resolve(LogFiles.CLEAN_SHUTDOWN));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // already marked
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write clean-shutdown marker in " + dir, e);
                }
                LogFiles.fsyncDirectory(dir);
            }
            for (LogSegment s : segments.values()) {
                s.close();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the log (without the clean-shutdown work) and deletes its directory. */
    public void delete() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        if (groupCommit != null) {
            groupCommit.close();
        }
        if (intervalFlusher != null) {
            intervalFlusher.close();
        }
        lock.lock();
        try {
            for (LogSegment s : segments.values()) {
                s.close();
            }
            segments.clear();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dir, e);
            }
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new LogClosedException("partition " + topicPartition + " is closed");
        }
    }

    private void ensureWritable() {
        ensureOpen();
        Throwable f = failure;
        if (f != null) {
            throw new LogClosedException("partition " + topicPartition + " failed after a storage error: " + f, f);
        }
    }

    private long floorBase(long offset) {
        Long k = segments.floorKey(offset);
        return k == null ? segments.firstKey() : k;
    }

    private static void deleteIfExists(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    @Override
    public String toString() {
        return "PartitionLog(" + topicPartition + ", start=" + logStartOffset + ", hw=" + highWatermark.offset()
                + ", end=" + logEndOffset + ", segments=" + segments.size() + ")";
    }
}
