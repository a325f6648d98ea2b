package io.runnel.log.internal.record;

import io.runnel.log.CorruptRecordException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Iteration over a buffer holding consecutive whole batches (a produce request, a fetch result,
 * a segment slice): each batch is {@code baseOffset int64, batchLength int32, batchLength bytes}
 * (see {@link RecordBatchView}). The buffer is not consumed; views share its bytes.
 *
 * <p>Stateless; the iterables it returns are not thread-safe.
 */
public final class Records {

    private Records() {
    }

    /**
     * The batches in {@code buffer} from its position to its limit.
     *
     * @throws CorruptRecordException from the iterator when a batch is cut short or its length is impossible
     */
    public static Iterable<RecordBatchView> batches(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        return () -> new BatchIterator(b);
    }

    /** Every record of every batch in {@code buffer}, in order (no CRC check). */
    public static Iterable<Record> records(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        return () -> new Iterator<>() {
            private final BatchIterator batches = new BatchIterator(b);
            private Iterator<Record> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!batches.hasNext()) {
                        return false;
                    }
                    current = batches.next().iterator();
                }
                return true;
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /**
     * Size of the batch starting at absolute {@code position}, or −1 if fewer than 12 bytes remain.
     *
     * @throws CorruptRecordException when the declared length is smaller than a batch header
     */
    public static int batchSizeAt(ByteBuffer buffer, int position) {
        if (buffer.limit() - position < RecordBatchView.LOG_OVERHEAD) {
            return -1;
        }
        int length = buffer.getInt(position + RecordBatchView.LENGTH_OFFSET);
        if (length < RecordBatchView.HEADER_SIZE - RecordBatchView.LOG_OVERHEAD) {
            throw new CorruptRecordException("batch at position " + position + " declares length " + length
                    + ", below the minimum " + (RecordBatchView.HEADER_SIZE - RecordBatchView.LOG_OVERHEAD));
        }
        return length + RecordBatchView.LOG_OVERHEAD;
    }

    private static final class BatchIterator implements Iterator<RecordBatchView> {
        private final ByteBuffer buffer;

        BatchIterator(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public boolean hasNext() {
            return buffer.hasRemaining();
        }

        @Override
        public RecordBatchView next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int pos = buffer.position();
            int size = batchSizeAt(buffer, pos);
            if (size < 0 || size > buffer.limit() - pos) {
                throw new CorruptRecordException("truncated batch at position " + pos + ": "
                        + (buffer.limit() - pos) + " bytes remain" + (size < 0 ? "" : ", " + size + " declared"));
            }
            RecordBatchView view = new RecordBatchView(buffer.slice(pos, size));
            buffer.position(pos + size);
            return view;
        }
    }
}
