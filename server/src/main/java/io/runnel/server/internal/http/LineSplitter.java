package io.runnel.server.internal.http;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a body arriving in pieces into lines ({@code \n}, with an optional {@code \r} before
 * it), keeping a partial line between pieces, and hands out each line's bytes (UTF-8, undecoded:
 * the JSON parser reads bytes). A piece is scanned for newlines and copied in ranges, not byte by
 * byte. Blank lines are dropped. Not thread-safe.
 */
final class LineSplitter {

    private final int maxLineBytes;
    private byte[] partial = new byte[256];
    private int length;

    LineSplitter(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** The lines completed by this piece; the piece is read to its end. */
    List<byte[]> feed(ByteBuf piece) {
        List<byte[]> lines = List.of();
        while (piece.isReadable()) {
            int from = piece.readerIndex();
            int newline = piece.indexOf(from, piece.writerIndex(), (byte) '\n');
            int end = newline < 0 ? piece.writerIndex() : newline;
            append(piece, end - from);
            if (newline < 0) {
                break;
            }
            piece.skipBytes(1);
            byte[] line = take();
            if (line != null) {
                if (lines.isEmpty()) {
                    lines = new ArrayList<>();
                }
                lines.add(line);
            }
        }
        return lines;
    }

    /** The last line, if the body did not end with a newline. */
    List<byte[]> finish() {
        byte[] line = take();
        return line == null ? List.of() : List.of(line);
    }

    private void append(ByteBuf piece, int n) {
        if (length + n > maxLineBytes) {
            throw new IllegalArgumentException("line longer than " + maxLineBytes + " bytes");
        }
        if (length + n > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(length + n, Math.min(maxLineBytes, partial.length * 2)));
        }
        piece.readBytes(partial, length, n);
        length += n;
    }

    /** The line collected so far without its {@code \r}, or null if blank; starts the next line. */
    private byte[] take() {
        int end = length;
        length = 0;
        if (end > 0 && partial[end - 1] == '\r') {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (!isBlank(partial[i])) {
                return Arrays.copyOf(partial, end);
            }
        }
        return null;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == 0x0B;
    }
}
