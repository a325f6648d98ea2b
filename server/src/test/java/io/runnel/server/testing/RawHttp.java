package io.runnel.server.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for tests that must see a streamed response piece by piece or
 * drop the connection mid-response. Reads chunked bodies line by line as they arrive.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean chunked;
    private long contentLength = -1;
    private long remaining;
    private boolean bodyEnded;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = socket.getOutputStream();
    }

    public static RawHttp connect(InetSocketAddress address) throws IOException {
        return connect(address, 0);
    }

    /** With a small receive buffer (bytes; 0 for the default), to make a slow client quickly. */
    public static RawHttp connect(InetSocketAddress address, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(address, 10_000);
        socket.setSoTimeout(30_000);
        return new RawHttp(socket);
    }

    /** Sends a complete request with a Content-Length body. */
    public RawHttp send(String method, String path, String accept, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: localhost\r\n");
        if (accept != null) {
            head.append("Accept: ").append(accept).append("\r\n");
        }
        head.append("Content-Type: application/json\r\n");
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The connection's socket (timeouts). */
    public Socket socket() {
        return socket;
    }

    /** Sends bytes as they are (a request of any shape, possibly malformed or cut short). */
    public RawHttp sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Starts a request with a chunked body; continue with {@link #writeChunk} and {@link #endChunks}. */
    public RawHttp startChunked(String method, String path) throws IOException {
        String head = method + ' ' + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/vnd.ksqlapi.delimited.v1\r\nTransfer-Encoding: chunked\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    public RawHttp writeChunk(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    public RawHttp endChunks() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Reads the status line and headers; returns the status. */
    public int readHead() throws IOException {
        headers.clear();
        bodyEnded = false;
        remaining = 0;
        contentLength = -1;
        String statusLine = readRawLine();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String line = readRawLine(); !line.isEmpty(); line = readRawLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        if (headers.containsKey("content-length")) {
            contentLength = Long.parseLong(headers.get("content-length"));
            remaining = contentLength;
        }
        return status;
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The next line of the body (without its newline), blocking; null at the end of the body. */
    public String readBodyLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = readBodyByte();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    /** The rest of the body. */
    public String readBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int b = readBodyByte(); b >= 0; b = readBodyByte()) {
            body.write(b);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private int readBodyByte() throws IOException {
        if (bodyEnded) {
            return -1;
        }
        if (!chunked) {
            if (remaining <= 0) {
                bodyEnded = true;
                return -1;
            }
            remaining--;
            return in.read();
        }
        if (remaining == 0) {
            String size = readRawLine();
            if (size.isEmpty()) {
                size = readRawLine();
            }
            remaining = Long.parseLong(size.split(";")[0].trim(), 16);
            if (remaining == 0) {
                readRawLine();
                bodyEnded = true;
                return -1;
            }
        }
        int b = in.read();
        remaining--;
        if (remaining == 0) {
            readRawLine();
            remaining = 0;
        }
        return b;
    }

    private String readRawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
