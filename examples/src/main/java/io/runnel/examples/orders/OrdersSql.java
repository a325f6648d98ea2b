package io.runnel.examples.orders;

import io.runnel.server.client.RunnelClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code examples/sql/orders/orders.sql} against a Runnel (or ksqlDB) server, inserts a few
 * customers and orders, and prints the enriched orders and the hourly totals with pull queries.
 *
 * <pre>
 * ./runnel server &amp;
 * java -cp ... io.runnel.examples.orders.OrdersSql http://127.0.0.1:8088 examples/sql/orders/orders.sql
 * </pre>
 */
public final class OrdersSql {

    private OrdersSql() {
    }

    /** Sends the script's statements to the server. */
    public static void createAll(RunnelClient client, Path script) throws IOException {
        client.execute(Files.readString(script, StandardCharsets.UTF_8));
    }

    /** A customer row. */
    public static Map<String, Object> customer(String id, String name, String country) {
        return Map.of("CUSTOMER_ID", id, "NAME", name, "COUNTRY", country);
    }

    /** One order at {@code time} (epoch milliseconds, the row's ROWTIME). */
    public static Map<String, Object> order(String id, String customer, double amount, long time) {
        return Map.of("ORDER_ID", id, "CUSTOMER_ID", customer, "AMOUNT", amount, "ROWTIME", time);
    }

    public static void main(String[] args) throws IOException {
        RunnelClient client = RunnelClient.create(URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8088"));
        createAll(client, Path.of(args.length > 1 ? args[1] : "examples/sql/orders/orders.sql"));
        long hour = System.currentTimeMillis() / 3_600_000 * 3_600_000;
        client.insert("CUSTOMERS", List.of(customer("c1", "Ada", "UK"), customer("c2", "Linus", "FI")));
        client.insert("ORDERS", List.of(order("o1", "c1", 20.0, hour + 1_000), order("o2", "c2", 5.5, hour + 2_000),
                order("o3", "c1", 12.5, hour + 3_000)));
        Map<String, Object> scan = Map.of("ksql.query.pull.table.scan.enabled", true);
        System.out.println("ENRICHED_ORDERS: " + client.executeQuery("SELECT * FROM enriched_orders;", scan).rows());
        System.out.println("HOURLY_TOTALS: " + client.executeQuery("SELECT * FROM hourly_totals;", scan).rows());
    }
}
