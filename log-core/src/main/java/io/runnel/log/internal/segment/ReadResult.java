package io.runnel.log.internal.segment;

import io.runnel.log.CorruptRecordException;
import io.runnel.log.OffsetOutOfRangeException;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.record.Records;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Whole batches read from a partition: a range of a segment file, so that a socket server can
 * {@link #transferTo} it without copying, or the in-process consumer can {@link #readBytes()} it.
 * The first batch is the one containing the requested offset, so it may start below it (a
 * consumer skips records below the offset it asked for, as Kafka's does).
 *
 * <p>The range stays readable until its segment is deleted by retention or replaced by
 * compaction; reading it after that throws {@link OffsetOutOfRangeException} (read again).
 *
 * @param channel         the segment file (null when empty)
 * @param position        start of the range in the file
 * @param sizeInBytes     length of the range (0 when nothing is readable at the offset yet)
 * @param highWatermark   the partition's high watermark when the read was made
 * @param logStartOffset  the partition's log start offset when the read was made
 */
public record ReadResult(FileChannel channel, long position, int sizeInBytes, long highWatermark,
                         long logStartOffset) {

    static ReadResult empty(long highWatermark, long logStartOffset) {
        return new ReadResult(null, 0, 0, highWatermark, logStartOffset);
    }

    public boolean isEmpty() {
        return sizeInBytes == 0;
    }

    /**
     * Copies the batches into a new heap buffer, checking every batch's CRC.
     *
     * @throws CorruptRecordException  when a batch fails validation (it is never returned)
     * @throws OffsetOutOfRangeException when the segment was deleted meanwhile
     */
    public ByteBuffer readBytes() {
        ByteBuffer buf = ByteBuffer.allocate(sizeInBytes);
        readInto(buf);
        buf.flip();
        for (RecordBatchView batch : Records.batches(buf)) {
            batch.ensureValid();
        }
        return buf;
    }

    /** Copies the raw bytes (no CRC check) into {@code dst}, which must have room for them. */
    public void readInto(ByteBuffer dst) {
        if (dst.remaining() < sizeInBytes) {
            throw new IllegalArgumentException("buffer has " + dst.remaining() + " bytes of room, need " + sizeInBytes);
        }
        if (sizeInBytes == 0) {
            return;
        }
        ByteBuffer window = dst.duplicate().limit(dst.position() + sizeInBytes);
        try {
            long pos = position;
            while (window.hasRemaining()) {
                int n = channel.read(window, pos);
                if (n < 0) {
                    throw new OffsetOutOfRangeException("segment shrank while reading at " + pos);
                }
                pos += n;
            }
        } catch (ClosedChannelException e) {
            throw new OffsetOutOfRangeException("segment was deleted or compacted while reading; read again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read segment at " + position, e);
        }
        dst.position(dst.position() + sizeInBytes);
    }

    /**
     * Sends the raw bytes (no CRC check; Kafka consumers check it) to {@code target}.
     *
     * @return bytes transferred (all of them)
     */
    public long transferTo(WritableByteChannel target) throws IOException {
        long done = 0;
        try {
            while (done < sizeInBytes) {
                done += channel.transferTo(position + done, sizeInBytes - done, target);
            }
        } catch (ClosedChannelException e) {
            throw new OffsetOutOfRangeException("segment was deleted or compacted while reading; read again", e);
        }
        return done;
    }
}
