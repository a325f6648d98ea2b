package io.runnel.bench.sql;

import io.runnel.bench.e2e.OutputTracker;
import io.runnel.common.Serde;
import io.runnel.common.Serdes;
import io.runnel.state.KeyValueStore;
import io.runnel.state.WindowStore;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.StoreType;
import io.runnel.streams.dsl.TimeWindows;
import io.runnel.streams.serde.JsonSerde;
import io.runnel.streams.serde.WindowedSerdes;
import java.time.Duration;

/**
 * One query of issue 5, written twice over the page views ({@link PageViews}): as SQL for the
 * engine and as the topology a Kafka Streams user writes by hand for the same result: values
 * read into Java records and written back as JSON with Jackson ({@link JsonSerde}), the same
 * filter and projection, counts in change-logged stores (RocksDB unless the workload says
 * otherwise), ksqlDB's default window grace (24 hours).
 */
enum SqlVsDslQuery {
    /** {@code WHERE DURATION >= 500} and a projection dropping REGION: one output per kept input. */
    FILTER("filter") {
        @Override
        String sql(String source, String sink, String sinkTopic) {
            return "CREATE STREAM " + sink + " WITH (KAFKA_TOPIC='" + sinkTopic + "') AS SELECT USERID, PAGE, DURATION FROM "
                    + source + " WHERE DURATION >= " + PageViews.LONG_VIEW_MS + " EMIT CHANGES;";
        }

        @Override
        Topology dsl(String inputTopic, String outputTopic, StoreType storeType) {
            StreamsBuilder b = new StreamsBuilder();
            pageViews(b, inputTopic)
                    .filter((user, view) -> view != null && view.duration() >= PageViews.LONG_VIEW_MS)
                    .mapValues(view -> new PageViews.PageDuration(view.page(), view.duration()))
                    .to(outputTopic, Produced.with(Serdes.string(), JsonSerde.of(PageViews.PageDuration.class)));
            return b.build();
        }

        @Override
        OutputTracker tracker(long records, long kept) {
            return OutputTracker.count(kept);
        }
    },

    /** {@code COUNT(*) ... GROUP BY PAGE}: re-keyed by page through a repartition topic, counted per page. */
    GROUPBY("groupby") {
        @Override
        String sql(String source, String sink, String sinkTopic) {
            return "CREATE TABLE " + sink + " WITH (KAFKA_TOPIC='" + sinkTopic + "') AS SELECT PAGE, COUNT(*) AS VIEWS FROM "
                    + source + " GROUP BY PAGE EMIT CHANGES;";
        }

        @Override
        Topology dsl(String inputTopic, String outputTopic, StoreType storeType) {
            StreamsBuilder b = new StreamsBuilder();
            pageViews(b, inputTopic)
                    .groupBy((user, view) -> view.page(), Grouped.with(Serdes.string(), VIEW_SERDE).withName("by-page"))
                    .count(Materialized.<String, Long, KeyValueStore<String, Long>>as("page-counts")
                            .withStoreType(storeType))
                    .toStream()
                    .mapValues(count -> new PageViews.Views(count))
                    .to(outputTopic, Produced.with(Serdes.string(), JsonSerde.of(PageViews.Views.class)));
            return b.build();
        }

        @Override
        OutputTracker tracker(long records, long kept) {
            return OutputTracker.latestSum(records, JsonCounts::views);
        }
    },

    /** {@code COUNT(*) ... WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY USERID}: grouped by the key, no repartition needed. */
    WINDOW("window") {
        @Override
        String sql(String source, String sink, String sinkTopic) {
            return "CREATE TABLE " + sink + " WITH (KAFKA_TOPIC='" + sinkTopic + "') AS SELECT USERID, COUNT(*) AS VIEWS FROM "
                    + source + " WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY USERID EMIT CHANGES;";
        }

        @Override
        Topology dsl(String inputTopic, String outputTopic, StoreType storeType) {
            StreamsBuilder b = new StreamsBuilder();
            TimeWindows windows = TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofHours(24));
            pageViews(b, inputTopic)
                    .groupByKey(Grouped.with(Serdes.string(), VIEW_SERDE))
                    .windowedBy(windows)
                    .count(Materialized.<String, Long, WindowStore<String, Long>>as("user-windows")
                            .withStoreType(storeType))
                    .toStream()
                    .mapValues(count -> new PageViews.Views(count))
                    .to(outputTopic, Produced.with(WindowedSerdes.timeWindowedSerde(Serdes.string(), windows.sizeMs()),
                            JsonSerde.of(PageViews.Views.class)));
            return b.build();
        }

        @Override
        OutputTracker tracker(long records, long kept) {
            return OutputTracker.latestSum(records, JsonCounts::views);
        }
    };

    private static final Serde<PageViews.PageView> VIEW_SERDE = JsonSerde.of(PageViews.PageView.class);

    private final String option;

    SqlVsDslQuery(String option) {
        this.option = option;
    }

    /** The name in {@code sql-vs-dsl-NAME}. */
    String option() {
        return option;
    }

    /** The CREATE ... AS SELECT statement reading stream {@code source} into {@code sink}. */
    abstract String sql(String source, String sink, String sinkTopic);

    /** The hand-written topology, its counts in stores of {@code storeType}. */
    abstract Topology dsl(String inputTopic, String outputTopic, StoreType storeType);

    /** Tells when the last output of a run over {@code records} inputs ({@code kept} of them long views) arrived. */
    abstract OutputTracker tracker(long records, long kept);

    /** The stream both systems read: user ids as keys, page views as JSON values. */
    static String createSource(String source, String topic) {
        return "CREATE STREAM " + source + " (USERID STRING KEY, PAGE STRING, DURATION BIGINT, REGION STRING) WITH (KAFKA_TOPIC='"
                + topic + "', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON');";
    }

    private static KStream<String, PageViews.PageView> pageViews(StreamsBuilder b, String topic) {
        return b.stream(topic, Consumed.with(Serdes.string(), VIEW_SERDE));
    }
}
