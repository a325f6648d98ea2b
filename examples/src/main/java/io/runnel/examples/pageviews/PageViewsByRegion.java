package io.runnel.examples.pageviews;

import io.runnel.common.Serdes;
import io.runnel.state.KeyValue;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.Joined;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.serde.JsonSerde;
import io.runnel.streams.testing.TestDriver;
import java.util.Map;

/**
 * Enriches page views with the region of their user (stream-table join) and counts views per
 * region. Inputs: {@code pageviews} (key user id, JSON {@link PageView}) and {@code user-regions}
 * (key user id, region as String; a changelog). Output: {@code views-per-region} (region → Long).
 * Views of users without a known region are not counted (inner join).
 */
public final class PageViewsByRegion {
    public static final String PAGEVIEWS = "pageviews";
    public static final String USER_REGIONS = "user-regions";
    public static final String OUTPUT = "views-per-region";

    /** A page view event. */
    public record PageView(String user, String page) {
    }

    /** A page view with the region of its user. */
    public record RegionalView(String region, String page) {
    }

    private PageViewsByRegion() {
    }

    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> regions = builder.table(USER_REGIONS, Consumed.with(Serdes.string(), Serdes.string()),
                Materialized.as("user-regions"));
        builder.stream(PAGEVIEWS, Consumed.with(Serdes.string(), JsonSerde.of(PageView.class)))
                .join(regions, (view, region) -> new RegionalView(region, view.page()),
                        Joined.<String, PageView, String>as("enrich"))
                .groupBy((user, view) -> view.region(), Grouped.with(Serdes.string(), JsonSerde.of(RegionalView.class)))
                .count(Materialized.as("views-per-region"))
                .toStream()
                .to(OUTPUT, Produced.with(Serdes.string(), Serdes.longSerde()));
        return builder.build();
    }

    public static void main(String[] args) {
        try (TestDriver driver = new TestDriver(topology())) {
            var regions = driver.createInputTopic(USER_REGIONS, Serdes.string().serializer(), Serdes.string().serializer());
            var views = driver.createInputTopic(PAGEVIEWS, Serdes.string().serializer(), JsonSerde.of(PageView.class).serializer());
            regions.pipeInput("alice", "europe");
            regions.pipeInput("bob", "americas");
            views.pipeInput("alice", new PageView("alice", "/home"));
            views.pipeInput("bob", new PageView("bob", "/cart"));
            views.pipeInput("alice", new PageView("alice", "/checkout"));
            views.pipeInput("carol", new PageView("carol", "/home"));
            Map<String, Long> counts = driver.createOutputTopic(OUTPUT, Serdes.string().deserializer(),
                    Serdes.longSerde().deserializer()).readKeyValuesToMap();
            counts.forEach((region, count) -> System.out.println(KeyValue.pair(region, count)));
        }
    }
}
