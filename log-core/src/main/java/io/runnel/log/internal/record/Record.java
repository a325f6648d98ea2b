package io.runnel.log.internal.record;

import io.runnel.common.Header;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * One record read from a batch. {@code key} and {@code value} are read-only views into the batch's
 * bytes (or into the decompressed records section), {@code null} when the record has none; a null
 * value is a tombstone. Views stay valid as long as the buffer they came from is not reused.
 *
 * @param offset    the record's absolute offset (batch base offset + offset delta)
 * @param timestamp create time, or the batch's log append time when the batch says so
 * @param key       the key bytes, or null
 * @param value     the value bytes, or null (tombstone)
 * @param headers   the headers, in order (never null)
 */
public record Record(long offset, long timestamp, ByteBuffer key, ByteBuffer value, List<Header> headers) {

    public Record {
        Objects.requireNonNull(headers, "headers");
    }

    public boolean hasKey() {
        return key != null;
    }

    /** A record whose value is null: a delete marker for its key in a compacted topic. */
    public boolean isTombstone() {
        return value == null;
    }

    /** A copy of the key bytes, or null. */
    public byte[] keyBytes() {
        return copy(key);
    }

    /** A copy of the value bytes, or null. */
    public byte[] valueBytes() {
        return copy(value);
    }

    private static byte[] copy(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
