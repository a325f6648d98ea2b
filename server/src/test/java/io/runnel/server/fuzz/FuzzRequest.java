package io.runnel.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One request of the fuzz test: its bytes as sent (possibly malformed), what it is (for the
 * report) and what the test reads back.
 *
 * @param description what was sent, short enough to print
 * @param bytes       the request as it goes on the wire
 * @param framing     whether a response is owed and how much of it to read
 */
record FuzzRequest(String description, byte[] bytes, Framing framing) {

    FuzzRequest {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(framing, "framing");
    }

    /** How the test reads the response. */
    enum Framing {
        /** A complete request: a response is owed; a 2xx stream is read to its end. */
        COMPLETE,
        /** A complete request that may start a push query: a 2xx response is closed after its head. */
        MAY_STREAM,
        /** A request the server cannot frame (bad HTTP): a 4xx response or a closed connection. */
        MALFORMED,
        /** A request cut short: the connection is closed after sending; nothing is read. */
        CUT_SHORT
    }

    /** A request head and body with a Content-Length. */
    static byte[] withLength(String method, String path, String headers, byte[] body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Content-Length: " + body.length + "\r\n\r\n";
        return concat(head.getBytes(StandardCharsets.UTF_8), body);
    }

    /** A request head and body in chunks of at most {@code chunk} bytes, ended or not. */
    static byte[] chunked(String method, String path, String headers, byte[] body, int chunk, boolean end) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Transfer-Encoding: chunked\r\n\r\n");
        byte[] out = head.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < body.length; i += chunk) {
            int n = Math.min(chunk, body.length - i);
            byte[] piece = new byte[n];
            System.arraycopy(body, i, piece, 0, n);
            out = concat(out, (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.UTF_8));
            out = concat(out, piece);
            out = concat(out, "\r\n".getBytes(StandardCharsets.UTF_8));
        }
        return end ? concat(out, "0\r\n\r\n".getBytes(StandardCharsets.UTF_8)) : out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
