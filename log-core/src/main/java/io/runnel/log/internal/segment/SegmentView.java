package io.runnel.log.internal.segment;

import io.runnel.log.internal.record.RecordBatchView;
import java.util.function.Consumer;

/**
 * A closed segment as the cleaner sees it: its offsets, size, newest timestamp and batches.
 * Read-only; obtained from {@link PartitionLog#closedSegments()}.
 */
public final class SegmentView {
    private final LogSegment segment;

    SegmentView(LogSegment segment) {
        this.segment = segment;
    }

    LogSegment segment() {
        return segment;
    }

    public long baseOffset() {
        return segment.baseOffset();
    }

    /** The offset after the segment's last batch. */
    public long nextOffset() {
        return segment.nextOffset();
    }

    public int sizeInBytes() {
        return segment.sizeInBytes();
    }

    /** The newest record timestamp in the segment, −1 if empty. */
    public long maxTimestamp() {
        return segment.maxTimestamp();
    }

    /**
     * Calls {@code action} with each batch in order; the view is valid only during the call.
     *
     * @throws io.runnel.log.CorruptRecordException when a batch fails its CRC check
     */
    public void forEachBatch(Consumer<RecordBatchView> action) {
        segment.forEachBatch(segment.baseOffset(), true, b -> {
            b.ensureValid();
            action.accept(b);
        });
    }

    @Override
    public String toString() {
        return segment.toString();
    }
}
