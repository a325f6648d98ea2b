package io.runnel.log.internal.client;

import io.runnel.log.TimestampType;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.record.Records;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;

/**
 * The batches read from one partition and not yet handed out, with a cursor, so that a poll
 * limited by {@code max.poll.records} continues where the previous one stopped without reading
 * the bytes again (Kafka's completed fetch). Records below the consumer's position (the start
 * of the first batch) are skipped by the caller. Not thread-safe.
 */
final class FetchBuffer {
    private final Iterator<RecordBatchView> batches;
    private Iterator<Record> records = Collections.emptyIterator();
    private RecordBatchView batch;
    private long consumedUpTo = -1;

    FetchBuffer(ByteBuffer bytes) {
        this.batches = Records.batches(bytes).iterator();
    }

    /** The next record, or null when the buffer is exhausted. */
    Record next() {
        while (!records.hasNext()) {
            if (batch != null) {
                consumedUpTo = batch.nextOffset();
            }
            if (!batches.hasNext()) {
                batch = null;
                return null;
            }
            batch = batches.next();
            records = batch.iterator();
        }
        return records.next();
    }

    /** The offset after the last batch fully handed out (-1 = none yet): a compacted batch may end after its last record. */
    long consumedUpTo() {
        return consumedUpTo;
    }

    /** The batch of the record last returned. */
    RecordBatchView batch() {
        return batch;
    }

    /** The offset after the current batch (a compacted batch may end past its last record). */
    long batchNextOffset() {
        return batch == null ? -1 : batch.nextOffset();
    }

    TimestampType timestampType() {
        return batch.timestampType();
    }
}
