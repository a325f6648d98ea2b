package io.runnel.server.internal.http;

import io.netty.buffer.ByteBuf;

/**
 * Handles requests whose body is consumed as it arrives ({@code /inserts-stream}). Called on the
 * connection's event loop: implementations must not block.
 */
interface StreamingEndpoint {

    /** Begins a request; the returned listener receives its body. */
    BodyListener open(HttpExchange exchange);

    /** Receives one request body. */
    interface BodyListener {

        /** A piece of the body; the buffer is released by the caller after this returns. */
        void onContent(ByteBuf content);

        /** The body ended. */
        void onEnd();

        /** The connection closed before the body ended. */
        void onAbort();
    }
}
