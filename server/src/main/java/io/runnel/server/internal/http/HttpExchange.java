package io.runnel.server.internal.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.runnel.server.api.ErrorCodes;
import io.runnel.server.api.KsqlErrorMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * One request and its response. The response is either one full response
 * ({@link #sendJson}, {@link #sendError}) or a chunked stream ({@link #startStream},
 * {@link #writeChunk}, {@link #endStream}). Methods may be called from any thread (Netty queues
 * writes to the channel's event loop in call order), but the calls for one exchange must not
 * overlap.
 */
final class HttpExchange {

    private final Channel channel;
    private final HttpMethod method;
    private final String path;
    private final HttpHeaders headers;
    private final boolean keepAlive;
    private final ObjectMapper mapper;
    private final Object writability = new Object();

    HttpExchange(Channel channel, HttpMethod method, String path, HttpHeaders headers, boolean keepAlive,
            ObjectMapper mapper) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.keepAlive = keepAlive;
        this.mapper = mapper;
    }

    Channel channel() {
        return channel;
    }

    HttpMethod method() {
        return method;
    }

    String path() {
        return path;
    }

    HttpHeaders headers() {
        return headers;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** A complete JSON response. */
    void sendJson(HttpResponseStatus status, Object body) {
        sendBytes(status, "application/json", Json.write(mapper, body));
    }

    /** A complete JSON response already serialized. */
    void sendJsonBytes(HttpResponseStatus status, byte[] json) {
        sendBytes(status, "application/json", json);
    }

    /** A complete error response; the status comes from the error code. */
    void sendError(KsqlErrorMessage error) {
        sendBytes(HttpResponseStatus.valueOf(ErrorCodes.httpStatus(error.errorCode())), "application/json",
                Json.writeError(mapper, error));
    }

    /** A complete response with no body. */
    void sendEmpty(HttpResponseStatus status) {
        sendBytes(status, null, new byte[0]);
    }

    private void sendBytes(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        HttpUtil.setContentLength(response, body.length);
        finish(channel.writeAndFlush(response));
    }

    /** Starts a chunked 200 response. */
    void startStream(String contentType) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        channel.writeAndFlush(response);
    }

    /** One chunk of a started stream, flushed at once so the client sees it now. */
    void writeChunk(byte[] bytes) {
        if (bytes.length > 0) {
            channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
        }
    }

    /**
     * Waits while the connection's outbound buffer is above its high-water mark (the client reads
     * slower than we write), until it drains or the connection closes: back-pressure for streamed
     * responses. Returns at once on the connection's event loop, which must never wait.
     */
    void awaitWritable() throws InterruptedException {
        if (channel.eventLoop().inEventLoop()) {
            return;
        }
        synchronized (writability) {
            while (channel.isActive() && !channel.isWritable()) {
                writability.wait();
            }
        }
    }

    /** Wakes {@link #awaitWritable()}; called by the dispatcher when writability or liveness changes. */
    void writabilityChanged() {
        synchronized (writability) {
            writability.notifyAll();
        }
    }

    /** Ends a started stream. */
    void endStream() {
        finish(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    }

    private void finish(ChannelFuture written) {
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
