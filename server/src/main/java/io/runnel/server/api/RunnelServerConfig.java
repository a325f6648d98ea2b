package io.runnel.server.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link RunnelServer} listens.
 *
 * @param bindAddress      the address to bind; {@code 127.0.0.1} by default (local only)
 * @param port             the TCP port; 0 picks a free one (tests)
 * @param dataDir          where the engine keeps its data; informational for the server
 * @param serviceId        shown by {@code /info} as ksqlServiceId
 * @param ioThreads        Netty event-loop threads
 * @param maxRequestBytes  largest request body accepted (except {@code /inserts-stream}, which
 *                         is read as a stream of lines)
 */
public record RunnelServerConfig(String bindAddress, int port, Path dataDir, String serviceId, int ioThreads,
        int maxRequestBytes) {

    /** ksqlDB's default port. */
    public static final int DEFAULT_PORT = 8088;

    public RunnelServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(serviceId, "serviceId");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads < 1: " + ioThreads);
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes < 1024: " + maxRequestBytes);
        }
    }

    /** 127.0.0.1:8088, service id {@code default_}, 2 I/O threads, 16 MiB requests. */
    public static RunnelServerConfig defaults() {
        return new RunnelServerConfig("127.0.0.1", DEFAULT_PORT, null, "default_", 2, 16 << 20);
    }

    public RunnelServerConfig withPort(int newPort) {
        return new RunnelServerConfig(bindAddress, newPort, dataDir, serviceId, ioThreads, maxRequestBytes);
    }

    public RunnelServerConfig withBindAddress(String address) {
        return new RunnelServerConfig(address, port, dataDir, serviceId, ioThreads, maxRequestBytes);
    }

    public RunnelServerConfig withDataDir(Path dir) {
        return new RunnelServerConfig(bindAddress, port, dir, serviceId, ioThreads, maxRequestBytes);
    }

    public RunnelServerConfig withServiceId(String id) {
        return new RunnelServerConfig(bindAddress, port, dataDir, id, ioThreads, maxRequestBytes);
    }
}
