package io.runnel.bench.server;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * A request body made as it is read: a first line, then {@code rows} lines from a generator
 * (which may pace itself, e.g. to send at a fixed rate), each ended by a newline.
 */
final class LinesInputStream extends InputStream {
    private final long rows;
    private final LongFunction<String> line;
    private final boolean lineAtATime;
    private byte[] current;
    private int pos;
    private long next;

    /**
     * @param lineAtATime hand each line over as soon as it is made (a paced generator), rather
     *                    than filling the reader's buffer (throughput)
     */
    LinesInputStream(String first, long rows, LongFunction<String> line, boolean lineAtATime) {
        this.rows = rows;
        this.line = line;
        this.lineAtATime = lineAtATime;
        this.current = (first + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (pos == current.length) {
                if (next == rows || n > 0 && lineAtATime) {
                    break;
                }
                current = (line.apply(next++) + "\n").getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            int chunk = Math.min(len - n, current.length - pos);
            System.arraycopy(current, pos, b, off + n, chunk);
            pos += chunk;
            n += chunk;
        }
        return n == 0 ? -1 : n;
    }
}
