package io.runnel.server.internal.http;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body arriving in pieces into lines ({@code \n}, with an optional {@code \r} before
 * it), keeping a partial line between pieces. Blank lines are dropped. Not thread-safe.
 */
final class LineSplitter {

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final int maxLineBytes;

    LineSplitter(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** The lines completed by this piece. */
    List<String> feed(ByteBuf piece) {
        List<String> lines = new ArrayList<>();
        while (piece.isReadable()) {
            byte b = piece.readByte();
            if (b == '\n') {
                emit(lines);
            } else {
                if (partial.size() >= maxLineBytes) {
                    throw new IllegalArgumentException("line longer than " + maxLineBytes + " bytes");
                }
                partial.write(b);
            }
        }
        return lines;
    }

    /** The last line, if the body did not end with a newline. */
    List<String> finish() {
        List<String> lines = new ArrayList<>();
        emit(lines);
        return lines;
    }

    private void emit(List<String> lines) {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (!line.isBlank()) {
            lines.add(line);
        }
    }
}
