package io.runnel.examples.orders;

import static io.runnel.examples.orders.OrdersSql.customer;
import static io.runnel.examples.orders.OrdersSql.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.examples.ExampleServer;
import io.runnel.server.client.InsertAck;
import io.runnel.server.client.RunnelClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The orders script on a real server on 127.0.0.1, checked with pull queries over HTTP. */
@Timeout(120)
class OrdersSqlTest {
    private static final Path SCRIPT = Path.of("sql", "orders", "orders.sql");

    @TempDir
    Path data;

    @Test
    void shouldEnrichOrdersWithTheirCustomersAndTotalThemPerHour() throws Exception {
        long h0 = Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
        try (ExampleServer server = ExampleServer.start(data)) {
            RunnelClient client = server.client();
            OrdersSql.createAll(client, SCRIPT);
            assertThat(client.insert("CUSTOMERS", List.of(customer("c1", "Ada", "UK"),
                    customer("c2", "Linus", "FI")))).allMatch(InsertAck::isOk);
            // Customers come first in event time, so every order finds its customer.
            List<InsertAck> acks = client.insert("ORDERS", List.of(
                    order("o1", "c1", 20.0, h0 + 60_000),
                    order("o2", "c2", 5.5, h0 + 120_000),
                    order("o3", "c1", 12.5, h0 + 30 * 60_000),
                    order("o4", "c1", 7.0, h0 + 61 * 60_000),
                    order("o5", "nobody", 1.0, h0 + 62 * 60_000)));
            assertThat(acks).hasSize(5).allMatch(InsertAck::isOk);

            assertThat(client.executeQuery("SELECT customer_id, order_id, amount, name, country FROM enriched_orders;",
                    ExampleServer.SCAN).rows()).containsExactlyInAnyOrder(
                    List.of("c1", "o1", 20.0, "Ada", "UK"),
                    List.of("c2", "o2", 5.5, "Linus", "FI"),
                    List.of("c1", "o3", 12.5, "Ada", "UK"),
                    List.of("c1", "o4", 7.0, "Ada", "UK"));

            assertThat(client.executeQuery("SELECT * FROM hourly_totals;", ExampleServer.SCAN).rows())
                    .containsExactlyInAnyOrder(
                    List.of("c1", h0, h0 + 3_600_000, 2, 32.5),
                    List.of("c2", h0, h0 + 3_600_000, 1, 5.5),
                    List.of("c1", h0 + 3_600_000, h0 + 7_200_000, 1, 7.0));
        }
    }
}
