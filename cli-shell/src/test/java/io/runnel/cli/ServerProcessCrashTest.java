package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.server.client.InsertAck;
import io.runnel.server.client.QueryResult;
import io.runnel.server.client.RunnelClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code runnel server} with SIGKILL ({@link Process#destroyForcibly()}) in a child JVM and
 * restarts it on the same data directory.
 *
 * <p>What at-least-once processing guarantees, and what is asserted:
 * <ul>
 *   <li>every row acknowledged by {@code /inserts-stream} is in the log (acknowledged after
 *       fsync), so after the restart it is counted at least once: count ≥ exact;</li>
 *   <li>rows that a pull query has seen before the kill were committed by the CTAS (a pull query
 *       waits until the query has committed past them), so they are never processed again;</li>
 *   <li>only rows acknowledged after that pull query may be processed twice (the query's commit
 *       may be lost with the kill, and its input replayed from the last committed offset), so
 *       count ≤ exact + rows inserted after the last pre-kill pull query.</li>
 * </ul>
 * The figures are printed. A second test stops the server with SIGTERM ({@link Process#destroy()})
 * and checks that it closed everything: every log partition has its clean-shutdown marker.
 */
class ServerProcessCrashTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final List<String> USERS = List.of("alice", "bob", "carol", "dave");

    @TempDir
    Path root;

    @Test
    void shouldCountEveryAcknowledgedRowAtLeastOnceAndCommittedRowsExactlyOnceAcrossSigkill() throws Exception {
        Path data = root.resolve("data");
        TreeMap<String, Long> exact = new TreeMap<>();
        int unsettled;
        Process first = start(data, 0);
        try {
            RunnelClient client = RunnelClient.create(listening(first, 0));
            client.execute("CREATE STREAM clicks (user VARCHAR KEY, page VARCHAR) "
                    + "WITH (kafka_topic='clicks', value_format='JSON', partitions=2);");
            client.execute("CREATE TABLE clicks_per_user AS SELECT user, COUNT(*) AS n FROM clicks GROUP BY user;");
            insert(client, 0, 200, exact);
            assertThat(counts(client)).as("counts before the kill").isEqualTo(exact);
            insert(client, 200, 100, exact);
            unsettled = 100;
        } finally {
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Process second = start(data, 1);
        try {
            RunnelClient client = RunnelClient.create(listening(second, 1));
            insert(client, 300, 100, exact);
            Map<String, Long> counted = counts(client);
            long exactTotal = exact.values().stream().mapToLong(Long::longValue).sum();
            long countedTotal = counted.values().stream().mapToLong(Long::longValue).sum();
            System.out.println("ServerProcessCrashTest acknowledged=" + exactTotal + " counted=" + countedTotal
                    + " exact=" + exact + " counted=" + counted + " unsettled-before-kill=" + unsettled);
            assertThat(counted.keySet()).isEqualTo(exact.keySet());
            for (String user : exact.keySet()) {
                assertThat(counted.get(user)).as("count of %s", user).isGreaterThanOrEqualTo(exact.get(user));
            }
            assertThat(countedTotal).isBetween(exactTotal, exactTotal + unsettled);
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(Path data, int run) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), RunnelMain.class.getName(),
                "server", "--data-dir", data.toString(), "--port", "0", "--bind", "127.0.0.1")
                .redirectOutput(root.resolve("server-" + run + ".out").toFile())
                .redirectError(root.resolve("server-" + run + ".err").toFile())
                .start();
    }

    /** Waits for the server's "listening on URI" line. */
    private URI listening(Process server, int run) throws Exception {
        Path out = root.resolve("server-" + run + ".out");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(out));
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (!server.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server did not start; stderr: " + Files.readString(root.resolve("server-" + run + ".err")));
    }

    @Test
    void shouldCloseEverythingCleanlyOnSigterm() throws Exception {
        Path data = root.resolve("data-term");
        Process server = start(data, 9);
        TreeMap<String, Long> exact = new TreeMap<>();
        try {
            RunnelClient client = RunnelClient.create(listening(server, 9));
            client.execute("CREATE STREAM clicks (user VARCHAR KEY, page VARCHAR) "
                    + "WITH (kafka_topic='clicks', value_format='JSON', partitions=2);");
            client.execute("CREATE TABLE clicks_per_user AS SELECT user, COUNT(*) AS n FROM clicks GROUP BY user;");
            insert(client, 0, 40, exact);
            assertThat(counts(client)).isEqualTo(exact);
        } finally {
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("server exits on SIGTERM").isTrue();
        }

        assertThat(Files.readString(root.resolve("server-9.out"))).contains("Runnel server stopped");
        List<Path> partitions;
        try (var files = Files.walk(data)) {
            partitions = files.filter(p -> p.getFileName().toString().endsWith(".log")
                    && p.getFileName().toString().matches("\\d{20}\\.log")).map(Path::getParent).distinct().toList();
        }
        assertThat(partitions).as("partition directories").isNotEmpty();
        assertThat(partitions).as("every partition closed with its clean-shutdown marker")
                .allMatch(dir -> Files.exists(dir.resolve(".clean-shutdown")));
    }

    private static void insert(RunnelClient client, int from, int count, Map<String, Long> exact) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(Map.of("USER", USERS.get(i % USERS.size()), "PAGE", "/page/" + i));
        }
        List<InsertAck> acks = client.insert("CLICKS", rows);
        assertThat(acks).hasSize(count).allMatch(InsertAck::isOk);
        for (Map<String, Object> row : rows) {
            exact.merge((String) row.get("USER"), 1L, Long::sum);
        }
    }

    private static TreeMap<String, Long> counts(RunnelClient client) {
        QueryResult result = client.executeQuery("SELECT user, n FROM clicks_per_user;",
                Map.of("ksql.query.pull.table.scan.enabled", true));
        TreeMap<String, Long> out = new TreeMap<>();
        for (List<Object> row : result.rows()) {
            out.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        return out;
    }
}
