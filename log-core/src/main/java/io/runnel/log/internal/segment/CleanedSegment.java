package io.runnel.log.internal.segment;

import io.runnel.log.internal.record.RecordBatchView;

/**
 * A segment being written by the cleaner into {@code *.cleaned} files, installed with
 * {@link PartitionLog#replaceSegments} or dropped with {@link #abort()}. One cleaner thread
 * writes it; nobody reads it until it is installed.
 */
public final class CleanedSegment {
    private final LogSegment segment;

    CleanedSegment(LogSegment segment) {
        this.segment = segment;
    }

    LogSegment segment() {
        return segment;
    }

    public long baseOffset() {
        return segment.baseOffset();
    }

    public int sizeInBytes() {
        return segment.sizeInBytes();
    }

    /** Appends a batch whose offsets are final (the cleaner keeps original offsets). */
    public void append(RecordBatchView batch) {
        segment.append(batch.buffer(), batch.baseOffset(), batch.lastOffset(), batch.maxTimestamp());
    }

    /** Closes and deletes the cleaned files (cleaning failed or was abandoned). */
    public void abort() {
        segment.closeAndDelete();
    }
}
