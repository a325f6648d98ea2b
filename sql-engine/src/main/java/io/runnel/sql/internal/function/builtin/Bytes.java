package io.runnel.sql.internal.function.builtin;

import java.nio.ByteBuffer;

/** BYTES helpers: values are read-only {@link ByteBuffer} views, never mutated. */
final class Bytes {
    private Bytes() {
    }

    static byte[] toArray(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        b.rewind();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    static ByteBuffer wrap(byte[] bytes) {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }
}
