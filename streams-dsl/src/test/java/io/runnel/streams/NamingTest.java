package io.runnel.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serdes;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Named;
import org.junit.jupiter.api.Test;

class NamingTest {
    private static final Consumed<String, String> STRINGS = Consumed.with(Serdes.string(), Serdes.string());

    @Test
    void shouldKeepStoreAndRepartitionNamesWhenAnOperatorOfAnotherKindIsAdded() {
        StreamsBuilder before = new StreamsBuilder();
        before.stream("in", STRINGS).selectKey((k, v) -> v).groupByKey(Grouped.with(Serdes.string(), Serdes.string())).count();
        StreamsBuilder after = new StreamsBuilder();
        after.stream("in", STRINGS).filter((k, v) -> true).peek((k, v) -> { })
                .selectKey((k, v) -> v).groupByKey(Grouped.with(Serdes.string(), Serdes.string())).count();
        for (StreamsBuilder b : new StreamsBuilder[] {before, after}) {
            String text = b.build().describe().toString();
            assertThat(text).contains("Processor: count-1 (stores: [count-1-store])", "(topic: count-1-repartition)",
                    "Source: count-1-repartition-source (topics: [count-1-repartition])");
        }
    }

    @Test
    void shouldNameStoresAndTopicsAfterUserGivenNames() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS.withName("orders-source")).filter((k, v) -> true, Named.as("valid-orders"))
                .groupBy((k, v) -> v, Grouped.with(Serdes.string(), Serdes.string()).withName("by-customer"))
                .count(Materialized.as("orders-per-customer"));
        String text = b.build().describe().toString();
        assertThat(text).contains("Source: orders-source", "Processor: valid-orders",
                "Sink: by-customer-repartition-sink (topic: by-customer-repartition)",
                "Processor: orders-per-customer (stores: [orders-per-customer])");
    }

    @Test
    void shouldRejectInvalidAndDuplicateNames() {
        assertThatThrownBy(() -> Named.as("has space")).isInstanceOf(IllegalArgumentException.class);
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, String> s = b.stream("in", STRINGS);
        s.filter((k, v) -> true, Named.as("x"));
        assertThatThrownBy(() -> s.filter((k, v) -> true, Named.as("x"))).isInstanceOf(TopologyException.class)
                .hasMessageContaining("already added");
    }

    @Test
    void shouldDescribeGlobalStoresSeparately() {
        StreamsBuilder b = new StreamsBuilder();
        b.globalTable("products", STRINGS, Materialized.as("products"));
        b.stream("in", STRINGS).to("out");
        String text = b.build().describe().toString();
        assertThat(text).contains("Sub-topology: 1 for global store (will not generate tasks)",
                "Source: global-source-1 (topics: [products])", "Processor: products (stores: [products])");
    }
}
