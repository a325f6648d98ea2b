package io.runnel.bench.sql;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The input of the SQL-vs-DSL workloads: page views keyed by user id (KAFKA-format string keys),
 * values JSON objects {@code {"PAGE":"/page/17","DURATION":512,"REGION":"region_3"}}, drawn from a
 * seeded generator, one millisecond of event time apart; and the Java records a DSL user reads and
 * writes them as (Jackson, upper-case field names as ksqlDB writes them).
 */
final class PageViews {
    /** Event time of the first record (a whole minute, so that tumbling windows start with the run). */
    static final long FIRST_TIMESTAMP = 1_700_000_040_000L;
    /** {@code WHERE DURATION >= LONG_VIEW_MS}: about half the views. */
    static final long LONG_VIEW_MS = 500;

    /** One input record. */
    @FunctionalInterface
    interface Sink {
        void send(byte[] key, byte[] value, long timestamp);
    }

    /** A page view as a DSL user maps the input value. */
    record PageView(@JsonProperty("PAGE") String page, @JsonProperty("DURATION") long duration,
                    @JsonProperty("REGION") String region) {
    }

    /** The filter's output value: the projected columns. */
    record PageDuration(@JsonProperty("PAGE") String page, @JsonProperty("DURATION") long duration) {
    }

    /** A count's output value. */
    record Views(@JsonProperty("VIEWS") long views) {
    }

    private final int users;
    private final int pages;

    PageViews(int users, int pages) {
        if (users <= 0 || pages <= 0) {
            throw new IllegalArgumentException("users and pages must be positive: " + users + ", " + pages);
        }
        this.users = users;
        this.pages = pages;
    }

    int users() {
        return users;
    }

    int pages() {
        return pages;
    }

    /**
     * Writes {@code records} page views (the same ones for the same arguments) and returns how
     * many of them the filter keeps ({@code DURATION >= LONG_VIEW_MS}).
     */
    long write(long records, Sink sink) {
        SplittableRandom random = new SplittableRandom(42);
        byte[][] userKeys = new byte[users][];
        for (int i = 0; i < users; i++) {
            userKeys[i] = ("user_" + i).getBytes(StandardCharsets.UTF_8);
        }
        long kept = 0;
        StringBuilder sb = new StringBuilder(64);
        for (long i = 0; i < records; i++) {
            int user = random.nextInt(users);
            int page = random.nextInt(pages);
            int duration = random.nextInt(1000);
            sb.setLength(0);
            sb.append("{\"PAGE\":\"/page/").append(page).append("\",\"DURATION\":").append(duration)
                    .append(",\"REGION\":\"region_").append(user & 7).append("\"}");
            if (duration >= LONG_VIEW_MS) {
                kept++;
            }
            sink.send(userKeys[user], sb.toString().getBytes(StandardCharsets.UTF_8), FIRST_TIMESTAMP + i);
        }
        return kept;
    }
}
