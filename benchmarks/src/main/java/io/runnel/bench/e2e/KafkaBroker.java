package io.runnel.bench.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * An Apache Kafka 3.9 broker started in this JVM from the {@code kafka_2.13} jar, in KRaft mode:
 * one node that is broker and controller at once, listening on 127.0.0.1 only (a free port for
 * clients, another for the controller), its log directory in a temporary directory deleted on
 * {@link #close()}. Storage is formatted as {@code kafka-storage.sh format} does. Broker settings
 * are Kafka's defaults (no fsync per message) except those a single node needs (replication
 * factor 1 for the internal topics) and no initial rebalance delay. For benchmarks only.
 */
final class KafkaBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final kafka.server.KafkaRaftServer server;

    private KafkaBroker(Path dir, int port, kafka.server.KafkaRaftServer server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /** Formats a temporary log directory and starts the broker; returns once it accepts clients. */
    static KafkaBroker start() throws IOException {
        Path dir = Files.createTempDirectory("runnel-bench-kafka-");
        int port = freePort();
        int controllerPort = freePort();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        Path configFile = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            p.store(out, "runnel benchmark broker");
        }
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int rc = kafka.tools.StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString()}, quiet);
        if (rc != 0) {
            throw new IllegalStateException("kafka-storage format failed with exit code " + rc);
        }
        kafka.server.KafkaConfig config = new kafka.server.KafkaConfig(p, false);
        kafka.server.KafkaRaftServer server = new kafka.server.KafkaRaftServer(config,
                org.apache.kafka.common.utils.Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(dir, port, server);
        broker.awaitReady();
        return broker;
    }

    /** {@code bootstrap.servers} for clients. */
    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private void awaitReady() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        long deadline = System.nanoTime() + 60_000_000_000L;
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the Kafka broker did not come up in 60 s", e);
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        deleteRecursively(dir);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
