package io.runnel.log.internal.record;

import io.runnel.log.CorruptRecordException;
import java.nio.ByteBuffer;

/**
 * Variable-length integers exactly as Kafka's {@code ByteUtils}: zig-zag encoding
 * ({@code (n << 1) ^ (n >> 63)}) followed by base-128 groups, least significant first, high bit
 * set on every byte but the last. A varint takes 1 to 5 bytes, a varlong 1 to 10.
 *
 * <p>Stateless and thread-safe. Reads advance the buffer's position; a malformed varint (too many
 * continuation bytes) throws {@link CorruptRecordException}.
 */
public final class ByteUtils {

    private ByteUtils() {
    }

    /** Reads a zig-zag varint at the buffer's position. */
    public static int readVarint(ByteBuffer buffer) {
        int value = 0;
        int i = 0;
        int b;
        while (((b = buffer.get()) & 0x80) != 0) {
            value |= (b & 0x7f) << i;
            i += 7;
            if (i > 28) {
                throw new CorruptRecordException("varint longer than 5 bytes");
            }
        }
        value |= b << i;
        return (value >>> 1) ^ -(value & 1);
    }

    /** Reads a zig-zag varlong at the buffer's position. */
    public static long readVarlong(ByteBuffer buffer) {
        long value = 0L;
        int i = 0;
        long b;
        while (((b = buffer.get()) & 0x80) != 0) {
            value |= (b & 0x7f) << i;
            i += 7;
            if (i > 63) {
                throw new CorruptRecordException("varlong longer than 10 bytes");
            }
        }
        value |= b << i;
        return (value >>> 1) ^ -(value & 1);
    }

    /** Writes {@code value} as a zig-zag varint at the buffer's position. */
    public static void writeVarint(int value, ByteBuffer buffer) {
        int v = (value << 1) ^ (value >> 31);
        while ((v & 0xffffff80) != 0) {
            buffer.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        buffer.put((byte) v);
    }

    /** Writes {@code value} as a zig-zag varlong at the buffer's position. */
    public static void writeVarlong(long value, ByteBuffer buffer) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & 0xffffffffffffff80L) != 0L) {
            buffer.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        buffer.put((byte) v);
    }

    /** The number of bytes {@link #writeVarint} writes for {@code value}. */
    public static int sizeOfVarint(int value) {
        int v = (value << 1) ^ (value >> 31);
        int bytes = 1;
        while ((v & 0xffffff80) != 0) {
            bytes++;
            v >>>= 7;
        }
        return bytes;
    }

    /** The number of bytes {@link #writeVarlong} writes for {@code value}. */
    public static int sizeOfVarlong(long value) {
        long v = (value << 1) ^ (value >> 63);
        int bytes = 1;
        while ((v & 0xffffffffffffff80L) != 0L) {
            bytes++;
            v >>>= 7;
        }
        return bytes;
    }
}
