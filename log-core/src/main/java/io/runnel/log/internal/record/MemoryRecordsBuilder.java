package io.runnel.log.internal.record;

import io.runnel.common.Header;
import io.runnel.log.CompressionType;
import io.runnel.log.TimestampType;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Builds one Kafka RecordBatch v2 (layout in {@link RecordBatchView}) from appended records.
 *
 * <p>Records are encoded uncompressed into a staging buffer that is kept and reused across
 * batches ({@link #reset()}), so appending allocates nothing per record; {@link #build()}
 * compresses the staged records section (if a codec is set) into a reused output stream and
 * returns a new buffer holding exactly the batch. The base offset written is the one given to
 * {@link #reset(long)} (0 by default): the log assigns the real one on append.
 *
 * <p>Not thread-safe: one builder per producer partition (or per cleaner thread).
 */
public final class MemoryRecordsBuilder {

    private final CompressionType compression;
    private final int writeLimit;
    private final CRC32C crc = new CRC32C();
    private final GrowableOutput compressed = new GrowableOutput(1024);
    private ByteBuffer records;

    private long baseOffset;
    private TimestampType timestampType = TimestampType.CREATE_TIME;
    private long producerId = RecordBatchView.NO_PRODUCER_ID;
    private short producerEpoch = RecordBatchView.NO_PRODUCER_EPOCH;
    private int baseSequence = RecordBatchView.NO_SEQUENCE;
    private boolean transactional;
    private int numRecords;
    private int lastOffsetDelta = -1;
    private int lastOffsetDeltaOverride = -1;
    private long baseTimestamp;
    private long maxTimestamp = -1;

    /**
     * @param compression codec of the records section
     * @param writeLimit  batch size (batch.size) beyond which {@link #hasRoomFor} says no; the first
     *                    record always fits
     */
    public MemoryRecordsBuilder(CompressionType compression, int writeLimit) {
        this.compression = Objects.requireNonNull(compression, "compression");
        if (writeLimit < RecordBatchView.HEADER_SIZE) {
            throw new IllegalArgumentException("writeLimit " + writeLimit + " < header size " + RecordBatchView.HEADER_SIZE);
        }
        this.writeLimit = writeLimit;
        this.records = ByteBuffer.allocate(Math.min(writeLimit, 64 * 1024));
    }

    /** Forgets the records, keeps the buffers; base offset 0, no producer, create time. */
    public MemoryRecordsBuilder reset() {
        return reset(0L);
    }

    /** Forgets the records, keeps the buffers; the next batch starts at {@code baseOffset}. */
    public MemoryRecordsBuilder reset(long baseOffset) {
        records.clear();
        this.baseOffset = baseOffset;
        this.timestampType = TimestampType.CREATE_TIME;
        this.producerId = RecordBatchView.NO_PRODUCER_ID;
        this.producerEpoch = RecordBatchView.NO_PRODUCER_EPOCH;
        this.baseSequence = RecordBatchView.NO_SEQUENCE;
        this.transactional = false;
        this.numRecords = 0;
        this.lastOffsetDelta = -1;
        this.lastOffsetDeltaOverride = -1;
        this.baseTimestamp = 0;
        this.maxTimestamp = -1;
        return this;
    }

    /** Stamps the batch with an idempotent producer's id, epoch and the sequence of its first record. */
    public MemoryRecordsBuilder producer(long producerId, short producerEpoch, int baseSequence) {
        this.producerId = producerId;
        this.producerEpoch = producerEpoch;
        this.baseSequence = baseSequence;
        return this;
    }

    /** Sets the timestamp type bit (the cleaner keeps a source batch's type). */
    public MemoryRecordsBuilder timestampType(TimestampType type) {
        this.timestampType = Objects.requireNonNull(type, "type");
        return this;
    }

    /** Sets the transactional bit (kept by the cleaner; Runnel producers are not transactional). */
    public MemoryRecordsBuilder transactional(boolean transactional) {
        this.transactional = transactional;
        return this;
    }

    /**
     * Makes the built batch claim {@code lastOffsetDelta} even if its last record is earlier, as
     * the cleaner does for an idempotent producer's batch so that its last offset and last
     * sequence survive compaction.
     */
    public MemoryRecordsBuilder overrideLastOffsetDelta(int lastOffsetDelta) {
        this.lastOffsetDeltaOverride = lastOffsetDelta;
        return this;
    }

    /**
     * Appends a record at the next offset. Headers may be null or empty.
     *
     * @return the record's offset delta in the batch
     */
    public int append(long timestamp, byte[] key, byte[] value, List<Header> headers) {
        return appendWithOffset(baseOffset + lastOffsetDelta + 1, timestamp,
                key == null ? null : ByteBuffer.wrap(key), value == null ? null : ByteBuffer.wrap(value), headers);
    }

    /** As {@link #append(long, byte[], byte[], List)} with buffers (read from position to limit, not consumed). */
    public int append(long timestamp, ByteBuffer key, ByteBuffer value, List<Header> headers) {
        return appendWithOffset(baseOffset + lastOffsetDelta + 1, timestamp, key, value, headers);
    }

    /**
     * Appends a record at a given offset, larger than the previous one (the cleaner rewrites
     * retained records with their original offsets, leaving gaps).
     *
     * @return the record's offset delta in the batch
     */
    public int appendWithOffset(long offset, long timestamp, ByteBuffer key, ByteBuffer value, List<Header> headers) {
        long delta = offset - baseOffset;
        if (delta <= lastOffsetDelta || delta > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("offset " + offset + " not after last offset "
                    + (baseOffset + lastOffsetDelta) + " of batch at " + baseOffset);
        }
        if (numRecords == 0) {
            baseTimestamp = timestamp;
        }
        int offsetDelta = (int) delta;
        long timestampDelta = timestamp - baseTimestamp;
        int bodySize = bodySize(offsetDelta, timestampDelta, key, value, headers);
        ensureRoom(ByteUtils.sizeOfVarint(bodySize) + bodySize);
        ByteBuffer out = records;
        ByteUtils.writeVarint(bodySize, out);
        out.put((byte) 0);
        ByteUtils.writeVarlong(timestampDelta, out);
        ByteUtils.writeVarint(offsetDelta, out);
        writeBytes(key, out);
        writeBytes(value, out);
        if (headers == null || headers.isEmpty()) {
            ByteUtils.writeVarint(0, out);
        } else {
            ByteUtils.writeVarint(headers.size(), out);
            for (int i = 0; i < headers.size(); i++) {
                Header h = headers.get(i);
                byte[] hk = h.key().getBytes(StandardCharsets.UTF_8);
                ByteUtils.writeVarint(hk.length, out);
                out.put(hk);
                byte[] hv = h.value();
                if (hv == null) {
                    ByteUtils.writeVarint(-1, out);
                } else {
                    ByteUtils.writeVarint(hv.length, out);
                    out.put(hv);
                }
            }
        }
        numRecords++;
        lastOffsetDelta = offsetDelta;
        if (timestamp > maxTimestamp) {
            maxTimestamp = timestamp;
        }
        return offsetDelta;
    }

    /**
     * Whether a record fits under the write limit, estimated on uncompressed sizes. An empty
     * builder always has room (a batch holds at least one record, however large).
     */
    public boolean hasRoomFor(long timestamp, byte[] key, byte[] value, List<Header> headers) {
        if (numRecords == 0) {
            return true;
        }
        int body = bodySize(lastOffsetDelta + 1, timestamp - baseTimestamp,
                key == null ? null : ByteBuffer.wrap(key), value == null ? null : ByteBuffer.wrap(value), headers);
        return estimatedSizeInBytes() + ByteUtils.sizeOfVarint(body) + body <= writeLimit;
    }

    /** Size of the batch if built now, without compression (an upper bound in practice). */
    public int estimatedSizeInBytes() {
        return RecordBatchView.HEADER_SIZE + records.position();
    }

    public int numRecords() {
        return numRecords;
    }

    public boolean isEmpty() {
        return numRecords == 0;
    }

    public CompressionType compression() {
        return compression;
    }

    /** A new buffer holding exactly one batch with the records appended since the last reset. */
    public ByteBuffer build() {
        if (numRecords == 0) {
            throw new IllegalStateException("cannot build an empty batch");
        }
        byte[] body;
        int bodyLen;
        if (compression == CompressionType.NONE) {
            body = records.array();
            bodyLen = records.position();
        } else {
            compressed.reset();
            Compression.compress(compression, records.array(), 0, records.position(), compressed);
            body = compressed.array();
            bodyLen = compressed.size();
        }
        int size = RecordBatchView.HEADER_SIZE + bodyLen;
        ByteBuffer batch = ByteBuffer.allocate(size);
        batch.putLong(baseOffset);
        batch.putInt(size - RecordBatchView.LOG_OVERHEAD);
        batch.putInt(RecordBatchView.NO_PARTITION_LEADER_EPOCH);
        batch.put(RecordBatchView.MAGIC);
        batch.putInt(0); // crc, below
        int attributes = compression.id();
        if (timestampType == TimestampType.LOG_APPEND_TIME) {
            attributes |= RecordBatchView.TIMESTAMP_TYPE_MASK;
        }
        if (transactional) {
            attributes |= RecordBatchView.TRANSACTIONAL_FLAG_MASK;
        }
        batch.putShort((short) attributes);
        batch.putInt(Math.max(lastOffsetDelta, lastOffsetDeltaOverride));
        batch.putLong(baseTimestamp);
        batch.putLong(maxTimestamp);
        batch.putLong(producerId);
        batch.putShort(producerEpoch);
        batch.putInt(baseSequence);
        batch.putInt(numRecords);
        batch.put(body, 0, bodyLen);
        crc.reset();
        crc.update(batch.array(), RecordBatchView.ATTRIBUTES_OFFSET, size - RecordBatchView.ATTRIBUTES_OFFSET);
        batch.putInt(RecordBatchView.CRC_OFFSET, (int) crc.getValue());
        return batch.flip();
    }

    /** Bytes of one record's fields after its length prefix. */
    static int bodySize(int offsetDelta, long timestampDelta, ByteBuffer key, ByteBuffer value, List<Header> headers) {
        int size = 1 + ByteUtils.sizeOfVarlong(timestampDelta) + ByteUtils.sizeOfVarint(offsetDelta);
        size += bytesSize(key) + bytesSize(value);
        if (headers == null || headers.isEmpty()) {
            return size + 1;
        }
        size += ByteUtils.sizeOfVarint(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            Header h = headers.get(i);
            int kl = utf8Length(h.key());
            size += ByteUtils.sizeOfVarint(kl) + kl;
            byte[] hv = h.value();
            size += hv == null ? 1 : ByteUtils.sizeOfVarint(hv.length) + hv.length;
        }
        return size;
    }

    private static int bytesSize(ByteBuffer b) {
        return b == null ? 1 : ByteUtils.sizeOfVarint(b.remaining()) + b.remaining();
    }

    private static void writeBytes(ByteBuffer b, ByteBuffer out) {
        if (b == null) {
            ByteUtils.writeVarint(-1, out);
        } else {
            ByteUtils.writeVarint(b.remaining(), out);
            out.put(b.duplicate());
        }
    }

    private static int utf8Length(String s) {
        int len = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                len++;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c)) {
                len += 4;
                i++;
            } else {
                len += 3;
            }
        }
        return len;
    }

    private void ensureRoom(int bytes) {
        if (records.remaining() < bytes) {
            int needed = records.position() + bytes;
            int capacity = Math.max(needed, records.capacity() * 2);
            ByteBuffer bigger = ByteBuffer.allocate(capacity);
            bigger.put(records.flip());
            records = bigger;
        }
    }

    /** A ByteArrayOutputStream whose array is reachable without a copy. */
    private static final class GrowableOutput extends OutputStream {
        private byte[] buf;
        private int count;

        GrowableOutput(int capacity) {
            buf = new byte[capacity];
        }

        @Override
        public void write(int b) {
            grow(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            grow(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        void reset() {
            count = 0;
        }

        byte[] array() {
            return buf;
        }

        int size() {
            return count;
        }

        private void grow(int n) {
            if (count + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(count + n, buf.length * 2));
            }
        }
    }
}
