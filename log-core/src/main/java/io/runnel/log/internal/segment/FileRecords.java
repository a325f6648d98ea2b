package io.runnel.log.internal.segment;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A segment's {@code .log} file: record batches appended back to back, read with positional I/O
 * so that readers never move a shared file position.
 *
 * <p>Threading: one writer (the partition's append lock holder) calls {@link #append},
 * {@link #truncateTo} and {@link #renameTo}; any number of readers call {@link #readFully} and
 * {@link #sizeInBytes} concurrently. The size is published after the bytes are written, so a
 * reader that sees a size sees the bytes below it.
 */
final class FileRecords implements AutoCloseable {
    private volatile Path file;
    private final FileChannel channel;
    private volatile int size;

    private FileRecords(Path file, FileChannel channel, int size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Opens (creating if absent) the file for reading and appending at its end. */
    static FileRecords open(Path file) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                ch.close();
                throw new IllegalStateException("segment file " + file + " is larger than 2 GiB: " + size);
            }
            return new FileRecords(file, ch, (int) size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open segment file " + file, e);
        }
    }

    Path file() {
        return file;
    }

    FileChannel channel() {
        return channel;
    }

    int sizeInBytes() {
        return size;
    }

    /**
     * Appends the buffer's remaining bytes at the end of the file.
     *
     * @return the file position the bytes were written at
     */
    int append(ByteBuffer bytes) {
        int position = size;
        long end = (long) position + bytes.remaining();
        if (end > Integer.MAX_VALUE) {
            throw new IllegalStateException("segment file " + file + " would exceed 2 GiB");
        }
        try {
            long pos = position;
            ByteBuffer b = bytes.duplicate();
            while (b.hasRemaining()) {
                pos += channel.write(b, pos);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        size = (int) end;
        return position;
    }

    /** Fills {@code dst} from {@code position}; fails if the file ends first. */
    void readFully(ByteBuffer dst, long position) {
        try {
            long pos = position;
            while (dst.hasRemaining()) {
                int n = channel.read(dst, pos);
                if (n < 0) {
                    throw new EOFException("end of " + file + " at " + pos + " reading from " + position);
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " at " + position, e);
        }
    }

    /** Cuts the file to {@code newSize} bytes (recovery, never while readers may be past it). */
    void truncateTo(int newSize) {
        if (newSize > size) {
            throw new IllegalArgumentException("cannot truncate " + file + " of " + size + " bytes to " + newSize);
        }
        try {
            channel.truncate(newSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + file + " to " + newSize, e);
        }
        size = newSize;
    }

    /** fsync of the data and of the file size (fdatasync). */
    void flush() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fsync " + file, e);
        }
    }

    /** Atomically renames the file; the open channel keeps working. */
    void renameTo(Path target) {
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            file = target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + file + " to " + target, e);
        }
    }

    void deleteIfExists() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
