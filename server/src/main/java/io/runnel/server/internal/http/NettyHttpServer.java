package io.runnel.server.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.api.ServerInfo;
import io.runnel.server.api.StatementExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Binds the HTTP port and wires the endpoints. Threads: one acceptor thread, {@code ioThreads}
 * event-loop threads (never blocked), and a cached pool of worker threads that call the
 * {@link StatementExecutor}.
 *
 * <p>Shutdown ({@link #close()}): stop accepting; close the queries still streaming (their
 * responses end properly); close the connections; stop the event loops (no quiet period,
 * at most 5 s); stop the workers.
 */
public final class NettyHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NettyHttpServer.class.getName());

    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final ExecutorService workers;
    private final ChannelGroup channels;
    private final Channel serverChannel;
    private final ActiveQueries active;

    private NettyHttpServer(EventLoopGroup acceptor, EventLoopGroup io, ExecutorService workers,
            ChannelGroup channels, Channel serverChannel, ActiveQueries active) {
        this.acceptor = acceptor;
        this.io = io;
        this.workers = workers;
        this.channels = channels;
        this.serverChannel = serverChannel;
        this.active = active;
    }

    /** Binds and starts; returns once bound. */
    public static NettyHttpServer start(RunnelServerConfig config, StatementExecutor executor, String version)
            throws InterruptedException {
        ObjectMapper mapper = Json.newMapper();
        ExecutorService workers = Executors.newCachedThreadPool(new DefaultThreadFactory("runnel-http-worker", true));
        ActiveQueries active = new ActiveQueries();
        Routes routes = routes(config, executor, version, workers, active);
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("runnel-http-accept", true));
        EventLoopGroup io = new NioEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("runnel-http-io", true));
        ChannelGroup channels = new DefaultChannelGroup("runnel-http", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ch.pipeline()
                                .addLast("http", new HttpServerCodec())
                                .addLast("continue", new HttpServerExpectContinueHandler())
                                .addLast("dispatch", new RequestDispatcher(routes, mapper, config.maxRequestBytes()));
                    }
                });
        try {
            Channel serverChannel = bootstrap.bind(config.bindAddress(), config.port()).sync().channel();
            return new NettyHttpServer(acceptor, io, workers, channels, serverChannel, active);
        } catch (InterruptedException | RuntimeException e) {
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownNow();
            throw e;
        }
    }

    private static Routes routes(RunnelServerConfig config, StatementExecutor executor, String version,
            ExecutorService workers, ActiveQueries active) {
        return new Routes()
                .add(HttpMethod.POST, "/ksql", new KsqlEndpoint(executor, workers))
                .add(HttpMethod.POST, "/query-stream", QueryEndpoint.queryStream(executor, workers, active))
                .add(HttpMethod.POST, "/query", QueryEndpoint.legacyQuery(executor, workers, active))
                .add(HttpMethod.POST, "/close-query", new CloseQueryEndpoint(active, workers))
                .add(HttpMethod.POST, "/inserts-stream",
                        new InsertsStreamEndpoint(executor, workers, config.maxRequestBytes()))
                .add(HttpMethod.GET, "/info", InfoEndpoints.info(
                        () -> new ServerInfo(version, executor.clusterId(), config.serviceId(), "RUNNING")))
                .add(HttpMethod.GET, "/healthcheck", InfoEndpoints.healthcheck(executor, workers))
                .addPrefix(HttpMethod.GET, "/status/", InfoEndpoints.status(executor, workers));
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        try {
            serverChannel.close().syncUninterruptibly();
            active.closeAll();
            channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        } finally {
            acceptor.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(6, TimeUnit.SECONDS);
            io.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(6, TimeUnit.SECONDS);
            workers.shutdown();
            try {
                if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "worker threads still busy after 5 s; interrupting them");
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                workers.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
