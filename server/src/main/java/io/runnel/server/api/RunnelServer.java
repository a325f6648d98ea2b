package io.runnel.server.api;

import io.runnel.server.internal.http.NettyHttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;

/**
 * The Runnel REST server: ksqlDB's REST API ({@code /ksql}, {@code /query-stream},
 * {@code /query}, {@code /close-query}, {@code /inserts-stream}, {@code /info},
 * {@code /healthcheck}, {@code /status}) over a {@link StatementExecutor}.
 *
 * <pre>{@code
 * try (RunnelServer server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0), executor)) {
 *     URI uri = server.uri();   // http://127.0.0.1:<port>
 *     ...
 * }
 * }</pre>
 *
 * <p>The server does not own the executor: {@link #close()} stops the HTTP side (closing every
 * push query started through it) and leaves the executor open for its owner to close.
 */
public final class RunnelServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunnelServer.class.getName());

    private final NettyHttpServer http;

    private RunnelServer(NettyHttpServer http) {
        this.http = http;
    }

    /** Binds and starts serving; returns once the port is bound. Logs the address. */
    public static RunnelServer start(RunnelServerConfig config, StatementExecutor executor) throws InterruptedException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(executor, "executor");
        NettyHttpServer http = NettyHttpServer.start(config, executor, version());
        RunnelServer server = new RunnelServer(http);
        LOG.log(System.Logger.Level.INFO, "Runnel server listening on {0}", server.uri());
        return server;
    }

    /** The bound address (with the actual port when the config asked for port 0). */
    public InetSocketAddress address() {
        return http.address();
    }

    /** {@code http://host:port}. */
    public URI uri() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort());
    }

    /**
     * Stops accepting connections, closes every query started through this server, finishes the
     * responses in flight as far as a short grace period allows, and releases the threads.
     */
    @Override
    public void close() {
        http.close();
        LOG.log(System.Logger.Level.INFO, "Runnel server on {0} stopped", uri());
    }

    /** The version reported by {@code /info}. */
    public static String version() {
        String v = RunnelServer.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
