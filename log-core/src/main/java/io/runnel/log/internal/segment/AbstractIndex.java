package io.runnel.log.internal.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A sparse index file: fixed-size big-endian entries appended with positional writes, mirrored in
 * memory (two longs per entry) so that lookups are a binary search without I/O. A crash may leave
 * the file shorter or longer than the log it indexes; {@link LogSegment} checks it on open and
 * rebuilds it when it does not fit.
 *
 * <p>Threading: one writer ({@link #appendEntry}, {@link #reset}); any number of readers. The
 * entry count is published after the entry, and the array after it is filled, so readers see
 * complete entries.
 */
abstract class AbstractIndex implements AutoCloseable {
    private volatile Path file;
    private final FileChannel channel;
    private final int entrySize;
    private volatile long[] data = new long[32];
    private volatile int count;
    private final ByteBuffer writeBuffer;

    AbstractIndex(Path file, int entrySize) {
        this.file = file;
        this.entrySize = entrySize;
        this.writeBuffer = ByteBuffer.allocate(entrySize);
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index " + file, e);
        }
    }

    /**
     * Loads the entries from the file.
     *
     * @return false if the file is not a whole number of entries (the caller rebuilds it)
     */
    boolean load() {
        try {
            long size = channel.size();
            if (size % entrySize != 0) {
                return false;
            }
            int n = (int) (size / entrySize);
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            long pos = 0;
            while (buf.hasRemaining()) {
                int r = channel.read(buf, pos);
                if (r < 0) {
                    return false;
                }
                pos += r;
            }
            buf.flip();
            long[] d = new long[Math.max(32, n * 2)];
            for (int i = 0; i < n; i++) {
                decode(buf, d, i * 2);
            }
            data = d;
            count = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read index " + file, e);
        }
    }

    /** Reads one entry from {@code buf} into {@code d[at]} and {@code d[at + 1]}. */
    abstract void decode(ByteBuffer buf, long[] d, int at);

    /** Writes one entry's bytes. */
    abstract void encode(long first, long second, ByteBuffer buf);

    final void appendEntry(long first, long second) {
        int n = count;
        long[] d = data;
        if (2 * n + 2 > d.length) {
            d = Arrays.copyOf(d, d.length * 2);
        }
        d[2 * n] = first;
        d[2 * n + 1] = second;
        writeBuffer.clear();
        encode(first, second, writeBuffer);
        writeBuffer.flip();
        try {
            long pos = (long) n * entrySize;
            while (writeBuffer.hasRemaining()) {
                pos += channel.write(writeBuffer, pos);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to index " + file, e);
        }
        data = d;
        count = n + 1;
    }

    final int entries() {
        return count;
    }

    final long first(int i) {
        return data[2 * i];
    }

    final long second(int i) {
        return data[2 * i + 1];
    }

    /**
     * Index of the last entry whose first field is at most {@code key} (or strictly below it), −1
     * if none. Reads a consistent snapshot of count and array.
     */
    final int search(long key, boolean strictlyBelow) {
        int n = count;
        long[] d = data;
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = d[2 * mid];
            if (strictlyBelow ? v < key : v <= key) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Removes every entry (before a rebuild). */
    final void reset() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate index " + file, e);
        }
        count = 0;
    }

    final void flush() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fsync index " + file, e);
        }
    }

    final Path file() {
        return file;
    }

    final void renameTo(Path target) {
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            file = target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + file + " to " + target, e);
        }
    }

    final void deleteIfExists() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    @Override
    public final void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close index " + file, e);
        }
    }
}
