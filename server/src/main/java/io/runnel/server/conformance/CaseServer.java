package io.runnel.server.conformance;

import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.log.NewTopic;
import io.runnel.log.Producer;
import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.internal.engine.EngineExecutor;
import io.runnel.sql.conformance.QttRecord;
import io.runnel.sql.conformance.RestCase;
import io.runnel.sql.conformance.SourceRecords;
import io.runnel.sql.engine.EngineProperties;
import io.runnel.sql.engine.SqlEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What one REST case runs against: a fresh embedded log in a temporary directory (its topics
 * created as {@link CaseTopics} says), a SQL engine over it, and a Runnel server on 127.0.0.1
 * on a free port. The runner reaches the server over HTTP only; the log is used directly just to
 * produce the case's inputs and to read its output topics. Closing it stops everything and
 * deletes the directory.
 */
final class CaseServer implements AutoCloseable {
    /**
     * Persistent queries commit often, so that the runner sees them catch up quickly, and emit
     * every update (no record cache), as the cases expect: ksqlDB runs them with a cache of 0.
     */
    private static final Map<String, Object> ENGINE_PROPERTIES = Map.of("commit.interval.ms", 50,
            EngineProperties.CACHE_MAX_BYTES_BUFFERING, 0);

    private final Path dir;
    private final EmbeddedLog log;
    private final SqlEngine engine;
    private final RunnelServer server;
    private final SourceRecords records;

    private CaseServer(Path dir, EmbeddedLog log, SqlEngine engine, RunnelServer server) {
        this.dir = dir;
        this.log = log;
        this.engine = engine;
        this.server = server;
        this.records = SourceRecords.of(engine);
    }

    static CaseServer start(RestCase c) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("runnel-rqtt-");
        EmbeddedLog log = null;
        SqlEngine engine = null;
        try {
            log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")).withFlushPolicy(FlushPolicy.NONE));
            Admin admin = log.admin();
            for (Map.Entry<String, Integer> t : CaseTopics.of(c).entrySet()) {
                admin.createTopic(new NewTopic(t.getKey(), t.getValue()));
            }
            engine = SqlEngine.open(log, dir.resolve("state"), ENGINE_PROPERTIES);
            RunnelServer server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0).withDataDir(dir),
                    new EngineExecutor(engine));
            return new CaseServer(dir, log, engine, server);
        } catch (InterruptedException | RuntimeException e) {
            closeAll(engine, log);
            deleteRecursively(dir);
            throw e;
        }
    }

    URI uri() {
        return server.uri();
    }

    /** Produces the inputs in order, each encoded for the source on its topic, and waits for the acknowledgements. */
    void produce(List<QttRecord> inputs) throws Exception {
        if (inputs.isEmpty()) {
            return;
        }
        try (Producer<byte[], byte[]> producer = log.producer(Map.of(), Serdes.byteArray().serializer(),
                Serdes.byteArray().serializer())) {
            for (QttRecord input : inputs) {
                producer.send(records.encode(input)).get();
            }
        }
    }

    /** Every record of {@code topic}, partition by partition, decoded for the source on it. */
    List<QttRecord> read(String topic) {
        List<QttRecord> out = new ArrayList<>();
        Admin admin = log.admin();
        int partitions = admin.describeTopic(topic).partitions();
        try (Consumer<byte[], byte[]> consumer = log.consumer(Map.of(), Serdes.byteArray().deserializer(),
                Serdes.byteArray().deserializer())) {
            for (int p = 0; p < partitions; p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                long end = admin.latestOffsets(List.of(tp)).get(tp);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                while (consumer.position(tp) < end) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        out.add(records.decode(r));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Waits until at least {@code queries} consumer groups (each persistent query is one) have
     * members, and every group has committed the end of every partition it reads, twice in a row
     * (a query that just wrote puts the next one behind).
     */
    void awaitQueriesCaughtUp(int queries, Duration timeout) throws InterruptedException, TimeoutException {
        Admin admin = log.admin();
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietChecks = 0;
        while (quietChecks < 2) {
            boolean behind = false;
            int running = 0;
            for (String group : admin.listConsumerGroups()) {
                if (!admin.describeConsumerGroup(group).members().isEmpty()) {
                    running++;
                }
                behind |= admin.consumerGroupLag(group).values().stream().anyMatch(lag -> lag > 0);
            }
            quietChecks = behind || running < queries ? 0 : quietChecks + 1;
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("persistent queries did not catch up within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(25);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            closeAll(engine, log);
            deleteRecursively(dir);
        }
    }

    private static void closeAll(SqlEngine engine, EmbeddedLog log) {
        try {
            if (engine != null) {
                engine.close();
            }
        } finally {
            if (log != null) {
                log.close();
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
