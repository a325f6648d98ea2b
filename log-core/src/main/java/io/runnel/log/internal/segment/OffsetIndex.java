package io.runnel.log.internal.segment;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A segment's sparse offset index ({@code .index}), as Kafka's: one entry every
 * {@code index.interval.bytes} (4 KiB) of log, mapping an offset to the file position of the batch
 * that starts with it. A read looks up the largest entry at or below its offset and scans batch
 * headers from there.
 *
 * <table>
 *   <caption>entry (8 bytes, big-endian)</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0</td><td>4</td><td>relative offset: batch base offset − segment base offset</td></tr>
 *   <tr><td>4</td><td>4</td><td>position of the batch in the {@code .log} file</td></tr>
 * </table>
 *
 * Entries are strictly increasing in both fields. Threading as {@link AbstractIndex}.
 */
final class OffsetIndex extends AbstractIndex {
    static final int ENTRY_SIZE = 8;
    private final long baseOffset;

    OffsetIndex(Path file, long baseOffset) {
        super(file, ENTRY_SIZE);
        this.baseOffset = baseOffset;
    }

    @Override
    void decode(ByteBuffer buf, long[] d, int at) {
        d[at] = baseOffset + buf.getInt();
        d[at + 1] = buf.getInt();
    }

    @Override
    void encode(long offset, long position, ByteBuffer buf) {
        buf.putInt((int) (offset - baseOffset));
        buf.putInt((int) position);
    }

    /** Adds an entry; {@code offset} and {@code position} must exceed the last entry's. */
    void append(long offset, int position) {
        int n = entries();
        if (n > 0 && (offset <= first(n - 1) || position <= second(n - 1))) {
            throw new IllegalArgumentException("index entry (" + offset + ", " + position + ") not after ("
                    + first(n - 1) + ", " + second(n - 1) + ") in " + file());
        }
        appendEntry(offset, position);
    }

    /** Position of the batch of the largest indexed offset at or below {@code offset}; 0 if none. */
    int lookup(long offset) {
        int i = search(offset, false);
        return i < 0 ? 0 : (int) second(i);
    }

    /** Position of the last entry, 0 if empty. */
    int lastPosition() {
        int n = entries();
        return n == 0 ? 0 : (int) second(n - 1);
    }

    /** Whether the entries increase strictly and point inside a log of {@code logSize} bytes. */
    boolean isSaneFor(int logSize) {
        int n = entries();
        for (int i = 0; i < n; i++) {
            if (first(i) < baseOffset || second(i) >= logSize
                    || (i > 0 && (first(i) <= first(i - 1) || second(i) <= second(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
