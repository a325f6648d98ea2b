package io.runnel.examples.clickstream;

import static io.runnel.examples.clickstream.ClickstreamSql.click;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.examples.ExampleServer;
import io.runnel.server.client.InsertAck;
import io.runnel.server.client.QueryResult;
import io.runnel.server.client.RunnelClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The clickstream script on a real server on 127.0.0.1, checked with pull queries over HTTP. */
@Timeout(120)
class ClickstreamSqlTest {
    private static final Path SCRIPT = Path.of("sql", "clickstream", "clickstream.sql");

    @TempDir
    Path data;

    @Test
    void shouldCountPageViewsPerUserPerMinuteAndPerSession() throws Exception {
        long t0 = Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
        try (ExampleServer server = ExampleServer.start(data)) {
            RunnelClient client = server.client();
            ClickstreamSql.createAll(client, SCRIPT);

            List<InsertAck> acks = client.insert("CLICKSTREAM", List.of(
                    click("alice", "/home", t0),
                    click("bob", "/home", t0 + 5_000),
                    click("alice", "/cart", t0 + 10_000),
                    click("alice", "/pay", t0 + 70_000),
                    click("alice", "/home", t0 + 20 * 60_000)));
            assertThat(acks).hasSize(5).allMatch(InsertAck::isOk);

            assertThat(client.executeQuery("SELECT user_id, views FROM pageviews_per_user;", ExampleServer.SCAN).rows())
                    .containsExactlyInAnyOrder(List.of("alice", 4), List.of("bob", 1));

            QueryResult perMinute = client.executeQuery(
                    "SELECT * FROM pageviews_per_minute WHERE user_id = 'alice';", ExampleServer.SCAN);
            assertThat(perMinute.columnNames()).containsExactly("USER_ID", "WINDOWSTART", "WINDOWEND", "VIEWS");
            assertThat(perMinute.rows()).containsExactlyInAnyOrder(
                    List.of("alice", t0, t0 + 60_000, 2),
                    List.of("alice", t0 + 60_000, t0 + 120_000, 1),
                    List.of("alice", t0 + 20 * 60_000, t0 + 21 * 60_000, 1));

            // A session ends at its last click: alice's first three clicks are one session, the fourth another.
            assertThat(client.executeQuery("SELECT * FROM sessions;", ExampleServer.SCAN).rows()).containsExactlyInAnyOrder(
                    List.of("alice", t0, t0 + 70_000, 3),
                    List.of("bob", t0 + 5_000, t0 + 5_000, 1),
                    List.of("alice", t0 + 20 * 60_000, t0 + 20 * 60_000, 1));
        }
    }
}
