package io.runnel.examples.clickstream;

import io.runnel.server.client.RunnelClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code examples/sql/clickstream/clickstream.sql} against a Runnel (or ksqlDB) server,
 * inserts a few page views and prints the three tables with pull queries.
 *
 * <pre>
 * ./runnel server &amp;
 * java -cp ... io.runnel.examples.clickstream.ClickstreamSql http://127.0.0.1:8088 examples/sql/clickstream/clickstream.sql
 * </pre>
 */
public final class ClickstreamSql {
    /** The tables the script creates. */
    public static final List<String> TABLES = List.of("PAGEVIEWS_PER_USER", "PAGEVIEWS_PER_MINUTE", "SESSIONS");

    private ClickstreamSql() {
    }

    /** Sends the script's statements to the server. */
    public static void createAll(RunnelClient client, Path script) throws IOException {
        client.execute(Files.readString(script, StandardCharsets.UTF_8));
    }

    /** One page view at {@code time} (epoch milliseconds, the row's ROWTIME). */
    public static Map<String, Object> click(String user, String page, long time) {
        return Map.of("USER_ID", user, "PAGE", page, "ROWTIME", time);
    }

    public static void main(String[] args) throws IOException {
        RunnelClient client = RunnelClient.create(URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8088"));
        createAll(client, Path.of(args.length > 1 ? args[1] : "examples/sql/clickstream/clickstream.sql"));
        long t0 = System.currentTimeMillis() / 60_000 * 60_000;
        client.insert("CLICKSTREAM", List.of(click("alice", "/home", t0), click("alice", "/cart", t0 + 10_000),
                click("bob", "/home", t0 + 5_000), click("alice", "/pay", t0 + 70_000)));
        for (String table : TABLES) {
            System.out.println(table + ": " + client.executeQuery("SELECT * FROM " + table + ";",
                    Map.of("ksql.query.pull.table.scan.enabled", true)).rows());
        }
    }
}
