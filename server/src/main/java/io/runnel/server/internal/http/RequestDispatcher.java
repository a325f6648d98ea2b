package io.runnel.server.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.runnel.server.api.ErrorCodes;
import io.runnel.server.api.KsqlErrorMessage;

/**
 * Reads HTTP requests from one connection and hands each to its endpoint: the whole body for an
 * {@link Endpoint}, piece by piece for a {@link StreamingEndpoint}. Unknown paths get 404,
 * unknown methods 405, bodies over the limit 413, all as ksqlDB-shaped JSON errors. One instance
 * per connection; runs on the connection's event loop.
 */
final class RequestDispatcher extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(RequestDispatcher.class.getName());

    private final Routes routes;
    private final ObjectMapper mapper;
    private final int maxRequestBytes;

    /** What the content of the current request goes to. */
    private HttpExchange exchange;
    private Endpoint endpoint;
    private CompositeByteBuf body;
    private StreamingEndpoint.BodyListener listener;
    private boolean discarding;

    RequestDispatcher(Routes routes, ObjectMapper mapper, int maxRequestBytes) {
        this.routes = routes;
        this.mapper = mapper;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                begin(ctx, request);
            }
            if (msg instanceof HttpContent content) {
                content(content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest request) {
        reset();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            exchange = new HttpExchange(ctx.channel(), request.method(), "", request.headers(), false, mapper);
            exchange.sendError(new KsqlErrorMessage.GenericError(ErrorCodes.BAD_REQUEST,
                    "Malformed HTTP request: " + request.decoderResult().cause()));
            discarding = true;
            return;
        }
        String path;
        try {
            path = new QueryStringDecoder(request.uri()).path();
        } catch (IllegalArgumentException e) { // a bad percent-encoding
            exchange = new HttpExchange(ctx.channel(), request.method(), "", request.headers(), false, mapper);
            exchange.sendError(new KsqlErrorMessage.GenericError(ErrorCodes.BAD_REQUEST,
                    "Malformed request path: " + e.getMessage()));
            discarding = true;
            return;
        }
        exchange = new HttpExchange(ctx.channel(), request.method(), path, request.headers(), keepAlive, mapper);
        Routes.Match match = routes.match(request.method(), path);
        if (match.handler() instanceof Endpoint e) {
            endpoint = e;
            body = ctx.alloc().compositeBuffer();
        } else if (match.handler() instanceof StreamingEndpoint s) {
            listener = s.open(exchange);
        } else if (match.methodNotAllowed()) {
            exchange.sendError(new KsqlErrorMessage.GenericError(ErrorCodes.METHOD_NOT_ALLOWED,
                    "Method " + request.method() + " is not allowed on " + path));
            discarding = true;
        } else {
            exchange.sendError(new KsqlErrorMessage.GenericError(ErrorCodes.NOT_FOUND,
                    "Not found: " + request.method() + " " + path));
            discarding = true;
        }
    }

    private void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (listener != null) {
            StreamingEndpoint.BodyListener current = listener;
            current.onContent(content.content());
            if (last) {
                listener = null;
                current.onEnd();
            }
        } else if (body != null) {
            ByteBuf piece = content.content();
            if (body.readableBytes() + piece.readableBytes() > maxRequestBytes) {
                exchange.sendError(new KsqlErrorMessage.GenericError(41300,
                        "Request body is larger than " + maxRequestBytes + " bytes"));
                releaseBody();
                discarding = true;
            } else if (piece.isReadable()) {
                body.addComponent(true, piece.retain());
            }
            if (last && body != null) {
                byte[] bytes = new byte[body.readableBytes()];
                body.readBytes(bytes);
                releaseBody();
                Endpoint current = endpoint;
                endpoint = null;
                dispatch(current, bytes);
            }
        }
        if (last) {
            discarding = false;
        }
    }

    private void dispatch(Endpoint current, byte[] bytes) {
        try {
            current.handle(exchange, bytes);
        } catch (RuntimeException e) {
            exchange.sendError(Errors.toMessage(e));
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (exchange != null) {
            exchange.writabilityChanged();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (exchange != null) {
            exchange.writabilityChanged();
        }
        if (listener != null) {
            StreamingEndpoint.BodyListener current = listener;
            listener = null;
            current.onAbort();
        }
        releaseBody();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "closing connection after error", cause);
        ctx.close();
    }

    private void reset() {
        releaseBody();
        endpoint = null;
        listener = null;
        discarding = false;
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
    }
}
