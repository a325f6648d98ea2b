package io.runnel.log.internal.record;

import io.runnel.common.Header;
import io.runnel.log.CompressionType;
import io.runnel.log.CorruptRecordException;
import io.runnel.log.TimestampType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.CRC32C;

/**
 * A zero-copy view of one Kafka RecordBatch v2 (magic 2) in a {@link ByteBuffer}. Byte-exact with
 * Kafka's {@code DefaultRecordBatch}; all integers big-endian.
 *
 * <table>
 *   <caption>batch header (61 bytes)</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th><th>notes</th></tr>
 *   <tr><td>0</td><td>8</td><td>baseOffset</td><td>offset of the first record; assigned by the log, not covered by the CRC</td></tr>
 *   <tr><td>8</td><td>4</td><td>batchLength</td><td>bytes after this field (total size − 12)</td></tr>
 *   <tr><td>12</td><td>4</td><td>partitionLeaderEpoch</td><td>−1 in Runnel (no replication); not covered by the CRC</td></tr>
 *   <tr><td>16</td><td>1</td><td>magic</td><td>2</td></tr>
 *   <tr><td>17</td><td>4</td><td>crc</td><td>CRC32C (unsigned) of bytes 21 … end</td></tr>
 *   <tr><td>21</td><td>2</td><td>attributes</td><td>bits 0-2 compression, 3 timestamp type (1 = log append), 4 transactional, 5 control</td></tr>
 *   <tr><td>23</td><td>4</td><td>lastOffsetDelta</td><td>offset of the last record − baseOffset</td></tr>
 *   <tr><td>27</td><td>8</td><td>baseTimestamp</td><td>timestamp of the first record</td></tr>
 *   <tr><td>35</td><td>8</td><td>maxTimestamp</td><td>largest record timestamp, or the log append time</td></tr>
 *   <tr><td>43</td><td>8</td><td>producerId</td><td>−1 when not idempotent</td></tr>
 *   <tr><td>51</td><td>2</td><td>producerEpoch</td><td>−1 when not idempotent</td></tr>
 *   <tr><td>53</td><td>4</td><td>baseSequence</td><td>sequence of the first record, −1 when not idempotent</td></tr>
 *   <tr><td>57</td><td>4</td><td>recordCount</td><td>number of records</td></tr>
 *   <tr><td>61</td><td>…</td><td>records</td><td>compressed as a whole when bits 0-2 ≠ 0</td></tr>
 * </table>
 *
 * <table>
 *   <caption>one record (inside the records section)</caption>
 *   <tr><th>field</th><th>encoding</th></tr>
 *   <tr><td>length</td><td>varint: bytes of the fields below</td></tr>
 *   <tr><td>attributes</td><td>int8, unused (0)</td></tr>
 *   <tr><td>timestampDelta</td><td>varlong, timestamp − baseTimestamp</td></tr>
 *   <tr><td>offsetDelta</td><td>varint, offset − baseOffset</td></tr>
 *   <tr><td>keyLength, key</td><td>varint (−1 = null), bytes</td></tr>
 *   <tr><td>valueLength, value</td><td>varint (−1 = null = tombstone), bytes</td></tr>
 *   <tr><td>headerCount</td><td>varint</td></tr>
 *   <tr><td>headers</td><td>each: keyLength varint, key UTF-8, valueLength varint (−1 = null), value</td></tr>
 * </table>
 *
 * <p>Varints are zig-zag encoded ({@link ByteUtils}). The view's accessors read the buffer
 * directly; only {@link #setBaseOffset}, {@link #setLogAppendTime} and
 * {@link #setPartitionLeaderEpoch} write to it. Not thread-safe when written; any number of
 * threads may read distinct views of the same bytes.
 */
public final class RecordBatchView implements Iterable<Record> {

    public static final int BASE_OFFSET_OFFSET = 0;
    public static final int LENGTH_OFFSET = 8;
    public static final int PARTITION_LEADER_EPOCH_OFFSET = 12;
    public static final int MAGIC_OFFSET = 16;
    public static final int CRC_OFFSET = 17;
    public static final int ATTRIBUTES_OFFSET = 21;
    public static final int LAST_OFFSET_DELTA_OFFSET = 23;
    public static final int BASE_TIMESTAMP_OFFSET = 27;
    public static final int MAX_TIMESTAMP_OFFSET = 35;
    public static final int PRODUCER_ID_OFFSET = 43;
    public static final int PRODUCER_EPOCH_OFFSET = 51;
    public static final int BASE_SEQUENCE_OFFSET = 53;
    public static final int RECORDS_COUNT_OFFSET = 57;
    public static final int RECORDS_OFFSET = 61;
    /** Size of the batch header. */
    public static final int HEADER_SIZE = RECORDS_OFFSET;
    /** Bytes before {@code batchLength} counts: baseOffset + batchLength. */
    public static final int LOG_OVERHEAD = 12;
    public static final byte MAGIC = 2;

    public static final int COMPRESSION_CODEC_MASK = 0x07;
    public static final int TIMESTAMP_TYPE_MASK = 0x08;
    public static final int TRANSACTIONAL_FLAG_MASK = 0x10;
    public static final int CONTROL_FLAG_MASK = 0x20;

    public static final long NO_PRODUCER_ID = -1L;
    public static final short NO_PRODUCER_EPOCH = -1;
    public static final int NO_SEQUENCE = -1;
    public static final int NO_PARTITION_LEADER_EPOCH = -1;

    private final ByteBuffer buffer;

    /**
     * A view of the batch starting at {@code buffer}'s position and ending at its limit. The
     * buffer must hold exactly one batch; use {@link Records} for buffers holding several.
     */
    public RecordBatchView(ByteBuffer buffer) {
        this.buffer = buffer.slice().order(ByteOrder.BIG_ENDIAN);
        if (this.buffer.remaining() < HEADER_SIZE) {
            throw new CorruptRecordException("batch of " + this.buffer.remaining()
                    + " bytes is smaller than the " + HEADER_SIZE + "-byte header");
        }
    }

    /** The batch bytes (a duplicate: position 0, limit = size). */
    public ByteBuffer buffer() {
        return buffer.duplicate();
    }

    public long baseOffset() {
        return buffer.getLong(BASE_OFFSET_OFFSET);
    }

    public int batchLength() {
        return buffer.getInt(LENGTH_OFFSET);
    }

    /** Total size of the batch in bytes, header included. */
    public int sizeInBytes() {
        return LOG_OVERHEAD + batchLength();
    }

    public int partitionLeaderEpoch() {
        return buffer.getInt(PARTITION_LEADER_EPOCH_OFFSET);
    }

    public byte magic() {
        return buffer.get(MAGIC_OFFSET);
    }

    /** The stored CRC, unsigned. */
    public long checksum() {
        return buffer.getInt(CRC_OFFSET) & 0xffffffffL;
    }

    /** The CRC32C of bytes from the attributes to the end of the batch. */
    public long computeChecksum() {
        return crc32c(buffer, ATTRIBUTES_OFFSET, sizeInBytes() - ATTRIBUTES_OFFSET);
    }

    public short attributes() {
        return buffer.getShort(ATTRIBUTES_OFFSET);
    }

    public CompressionType compressionType() {
        return CompressionType.forId(attributes() & COMPRESSION_CODEC_MASK);
    }

    public TimestampType timestampType() {
        return (attributes() & TIMESTAMP_TYPE_MASK) != 0 ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME;
    }

    public boolean isTransactional() {
        return (attributes() & TRANSACTIONAL_FLAG_MASK) != 0;
    }

    public boolean isControl() {
        return (attributes() & CONTROL_FLAG_MASK) != 0;
    }

    public int lastOffsetDelta() {
        return buffer.getInt(LAST_OFFSET_DELTA_OFFSET);
    }

    public long lastOffset() {
        return baseOffset() + lastOffsetDelta();
    }

    public long nextOffset() {
        return lastOffset() + 1;
    }

    public long baseTimestamp() {
        return buffer.getLong(BASE_TIMESTAMP_OFFSET);
    }

    public long maxTimestamp() {
        return buffer.getLong(MAX_TIMESTAMP_OFFSET);
    }

    public long producerId() {
        return buffer.getLong(PRODUCER_ID_OFFSET);
    }

    public short producerEpoch() {
        return buffer.getShort(PRODUCER_EPOCH_OFFSET);
    }

    public int baseSequence() {
        return buffer.getInt(BASE_SEQUENCE_OFFSET);
    }

    /** Sequence of the last record ({@code baseSequence + lastOffsetDelta}, wrapping), or −1. */
    public int lastSequence() {
        int base = baseSequence();
        if (base == NO_SEQUENCE) {
            return NO_SEQUENCE;
        }
        long last = (long) base + lastOffsetDelta();
        return (int) (last > Integer.MAX_VALUE ? last - Integer.MAX_VALUE - 1 : last);
    }

    public boolean hasProducerId() {
        return producerId() != NO_PRODUCER_ID;
    }

    public int recordCount() {
        return buffer.getInt(RECORDS_COUNT_OFFSET);
    }

    /** Whether magic, length and CRC are consistent. Never throws. */
    public boolean isValid() {
        return magic() == MAGIC && batchLength() + LOG_OVERHEAD == buffer.limit()
                && checksum() == computeChecksum();
    }

    /**
     * Checks magic, length and CRC.
     *
     * @throws CorruptRecordException naming what is wrong and the batch's base offset
     */
    public void ensureValid() {
        if (magic() != MAGIC) {
            throw new CorruptRecordException("batch at offset " + baseOffset() + " has magic " + magic()
                    + ", only magic " + MAGIC + " is supported");
        }
        if (batchLength() + LOG_OVERHEAD != buffer.limit()) {
            throw new CorruptRecordException("batch at offset " + baseOffset() + " declares " + sizeInBytes()
                    + " bytes but " + buffer.limit() + " are present");
        }
        if (recordCount() < 0 || lastOffsetDelta() < 0) {
            throw new CorruptRecordException("batch at offset " + baseOffset() + " has negative record count "
                    + recordCount() + " or last offset delta " + lastOffsetDelta());
        }
        long stored = checksum();
        long computed = computeChecksum();
        if (stored != computed) {
            throw new CorruptRecordException("batch at offset " + baseOffset() + " is corrupt: stored CRC "
                    + Long.toHexString(stored) + " != computed " + Long.toHexString(computed));
        }
    }

    /** Writes the base offset (not covered by the CRC). */
    public void setBaseOffset(long offset) {
        buffer.putLong(BASE_OFFSET_OFFSET, offset);
    }

    /** Writes the partition leader epoch (not covered by the CRC). */
    public void setPartitionLeaderEpoch(int epoch) {
        buffer.putInt(PARTITION_LEADER_EPOCH_OFFSET, epoch);
    }

    /**
     * Marks the batch as log-append-time stamped with {@code timestamp} (stored as maxTimestamp,
     * the time every record reads back with) and recomputes the CRC, as Kafka's broker does.
     */
    public void setLogAppendTime(long timestamp) {
        short attrs = (short) (attributes() | TIMESTAMP_TYPE_MASK);
        buffer.putShort(ATTRIBUTES_OFFSET, attrs);
        buffer.putLong(MAX_TIMESTAMP_OFFSET, timestamp);
        buffer.putInt(CRC_OFFSET, (int) computeChecksum());
    }

    /**
     * Iterates the records, decompressing the records section first if needed (one allocation
     * per batch). Does not check the CRC: call {@link #ensureValid()} first for untrusted bytes.
     *
     * @throws CorruptRecordException from the iterator when a record is malformed
     */
    @Override
    public Iterator<Record> iterator() {
        CompressionType compression = compressionType();
        ByteBuffer records;
        if (compression == CompressionType.NONE) {
            records = buffer.duplicate().position(RECORDS_OFFSET).limit(sizeInBytes()).slice();
        } else {
            int len = sizeInBytes() - RECORDS_OFFSET;
            byte[] compressed;
            int off;
            if (buffer.hasArray()) {
                compressed = buffer.array();
                off = buffer.arrayOffset() + RECORDS_OFFSET;
            } else {
                compressed = new byte[len];
                buffer.get(RECORDS_OFFSET, compressed);
                off = 0;
            }
            records = ByteBuffer.wrap(Compression.decompress(compression, compressed, off, len));
        }
        return new RecordIterator(records);
    }

    /**
     * A batch with {@code source}'s header (offsets, timestamps, producer id, epoch, sequences,
     * timestamp type) and no records, uncompressed, with a fresh CRC: what the cleaner keeps of an
     * idempotent producer's last batch when all its records are compacted away, so that the
     * producer's sequence state survives (as Kafka does).
     */
    public static RecordBatchView emptyBatchLike(RecordBatchView source) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
        ByteBuffer src = source.buffer.duplicate().limit(HEADER_SIZE);
        b.put(src).flip();
        b.putInt(LENGTH_OFFSET, HEADER_SIZE - LOG_OVERHEAD);
        b.putShort(ATTRIBUTES_OFFSET, (short) (source.attributes() & ~COMPRESSION_CODEC_MASK));
        b.putInt(RECORDS_COUNT_OFFSET, 0);
        b.putInt(CRC_OFFSET, (int) crc32c(b, ATTRIBUTES_OFFSET, HEADER_SIZE - ATTRIBUTES_OFFSET));
        return new RecordBatchView(b);
    }

    @Override
    public String toString() {
        return "RecordBatch(baseOffset=" + baseOffset() + ", lastOffset=" + lastOffset() + ", count=" + recordCount()
                + ", size=" + sizeInBytes() + ", compression=" + compressionType() + ", producerId=" + producerId()
                + ", epoch=" + producerEpoch() + ", baseSequence=" + baseSequence() + ")";
    }

    static long crc32c(ByteBuffer buffer, int offset, int length) {
        CRC32C crc = new CRC32C();
        if (buffer.hasArray()) {
            crc.update(buffer.array(), buffer.arrayOffset() + offset, length);
        } else {
            crc.update(buffer.duplicate().position(offset).limit(offset + length));
        }
        return crc.getValue();
    }

    private final class RecordIterator implements Iterator<Record> {
        private final ByteBuffer records;
        private final long baseOffset = baseOffset();
        private final long baseTimestamp = baseTimestamp();
        private final boolean logAppendTime = timestampType() == TimestampType.LOG_APPEND_TIME;
        private final long maxTimestamp = maxTimestamp();
        private final int count = recordCount();
        private int read;

        RecordIterator(ByteBuffer records) {
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            if (read < count) {
                return true;
            }
            if (records.hasRemaining()) {
                throw new CorruptRecordException("batch at offset " + baseOffset + " has " + records.remaining()
                        + " bytes after its " + count + " records");
            }
            return false;
        }

        @Override
        public Record next() {
            if (read >= count) {
                throw new NoSuchElementException();
            }
            read++;
            try {
                return readRecord();
            } catch (java.nio.BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new CorruptRecordException("malformed record " + (read - 1) + " in batch at offset "
                        + baseOffset, e);
            }
        }

        private Record readRecord() {
            int length = ByteUtils.readVarint(records);
            int start = records.position();
            if (length < 0 || length > records.remaining()) {
                throw new CorruptRecordException("record " + (read - 1) + " in batch at offset " + baseOffset
                        + " declares " + length + " bytes, " + records.remaining() + " remain");
            }
            records.get(); // attributes, unused
            long timestampDelta = ByteUtils.readVarlong(records);
            int offsetDelta = ByteUtils.readVarint(records);
            ByteBuffer key = readBytes();
            ByteBuffer value = readBytes();
            int headerCount = ByteUtils.readVarint(records);
            if (headerCount < 0) {
                throw new CorruptRecordException("negative header count " + headerCount + " in batch at offset "
                        + baseOffset);
            }
            List<Header> headers = List.of();
            if (headerCount > 0) {
                List<Header> hs = new ArrayList<>(headerCount);
                for (int i = 0; i < headerCount; i++) {
                    int keyLen = ByteUtils.readVarint(records);
                    if (keyLen < 0) {
                        throw new CorruptRecordException("null header key in batch at offset " + baseOffset);
                    }
                    byte[] hkBytes = new byte[keyLen];
                    records.get(hkBytes);
                    String hk = new String(hkBytes, StandardCharsets.UTF_8);
                    int valueLen = ByteUtils.readVarint(records);
                    byte[] hv = null;
                    if (valueLen >= 0) {
                        hv = new byte[valueLen];
                        records.get(hv);
                    }
                    hs.add(new Header(hk, hv));
                }
                headers = hs;
            }
            if (records.position() - start != length) {
                throw new CorruptRecordException("record " + (read - 1) + " in batch at offset " + baseOffset
                        + " declares " + length + " bytes but holds " + (records.position() - start));
            }
            long ts = logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta;
            return new Record(baseOffset + offsetDelta, ts, key, value, headers);
        }

        private ByteBuffer readBytes() {
            int len = ByteUtils.readVarint(records);
            if (len < 0) {
                return null;
            }
            if (len > records.remaining()) {
                throw new CorruptRecordException("field of " + len + " bytes overruns batch at offset " + baseOffset);
            }
            ByteBuffer slice = records.slice(records.position(), len).asReadOnlyBuffer();
            records.position(records.position() + len);
            return slice;
        }
    }
}
