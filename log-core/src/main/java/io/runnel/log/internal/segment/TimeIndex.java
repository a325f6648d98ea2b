package io.runnel.log.internal.segment;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A segment's sparse time index ({@code .timeindex}), as Kafka's: entries written alongside the
 * offset index record the largest timestamp seen so far and the offset of the batch holding it.
 * Since timestamps only grow along the entries, every record with a timestamp above an entry's
 * lies after that entry's offset, so a search for a timestamp starts at the last entry below it.
 *
 * <table>
 *   <caption>entry (12 bytes, big-endian)</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0</td><td>8</td><td>largest timestamp so far in the segment</td></tr>
 *   <tr><td>8</td><td>4</td><td>relative offset of the batch holding it</td></tr>
 * </table>
 *
 * Threading as {@link AbstractIndex}.
 */
final class TimeIndex extends AbstractIndex {
    static final int ENTRY_SIZE = 12;
    private final long baseOffset;

    TimeIndex(Path file, long baseOffset) {
        super(file, ENTRY_SIZE);
        this.baseOffset = baseOffset;
    }

    @Override
    void decode(ByteBuffer buf, long[] d, int at) {
        d[at] = buf.getLong();
        d[at + 1] = baseOffset + buf.getInt();
    }

    @Override
    void encode(long timestamp, long offset, ByteBuffer buf) {
        buf.putLong(timestamp);
        buf.putInt((int) (offset - baseOffset));
    }

    /** Adds an entry if {@code timestamp} exceeds the last entry's (entries stay increasing). */
    void maybeAppend(long timestamp, long offset) {
        int n = entries();
        if (n == 0 || (timestamp > first(n - 1) && offset > second(n - 1))) {
            appendEntry(timestamp, offset);
        }
    }

    /** Offset to start searching for the first record at or after {@code timestamp}; −1 = segment start. */
    long lookupStartOffset(long timestamp) {
        int i = search(timestamp, true);
        return i < 0 ? -1 : second(i);
    }

    /** The largest timestamp indexed, or −1. */
    long lastTimestamp() {
        int n = entries();
        return n == 0 ? -1 : first(n - 1);
    }

    boolean isSane() {
        int n = entries();
        for (int i = 0; i < n; i++) {
            if (second(i) < baseOffset || (i > 0 && (first(i) <= first(i - 1) || second(i) <= second(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
