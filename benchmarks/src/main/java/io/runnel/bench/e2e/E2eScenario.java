package io.runnel.bench.e2e;

import java.util.List;
import java.util.Map;

/**
 * One end-to-end scenario, written once for both systems: the input (as bytes, so that both load
 * exactly the same records), the topology on each system, the output topic and how to tell the
 * last output record. Topic names carry a prefix so that several runs share a log or broker.
 */
interface E2eScenario {

    /** Writes one input record to the system being loaded. */
    @FunctionalInterface
    interface InputSink {
        void send(String topic, byte[] key, byte[] value, long timestamp);
    }

    /** Input topics, one partition each, in the order {@link #load} fills them. */
    List<String> inputTopics(String prefix);

    String outputTopic(String prefix);

    /** Writes the whole input of a run of {@code records} records. */
    void load(String prefix, long records, InputSink sink);

    /** Whether the topology keeps state (then both systems commit every 100 ms). */
    boolean stateful();

    io.runnel.streams.Topology runnel(String prefix);

    org.apache.kafka.streams.Topology kafka(String prefix);

    OutputTracker tracker(long records);

    /** The input records a run of {@code records} counts as processed (records_per_s is this over the time). */
    default long inputRecords(long records) {
        return records;
    }

    /** Extra figures for the result line (e.g. words per second). */
    default Map<String, Object> figures(long records, double seconds) {
        return Map.of();
    }
}
