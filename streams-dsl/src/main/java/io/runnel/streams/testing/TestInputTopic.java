package io.runnel.streams.testing;

import io.runnel.common.Serializer;
import io.runnel.state.KeyValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Pipes records into one topic of a {@link TestDriver}. Records without an explicit timestamp get
 * the topic's current time, which then moves forward by the auto-advance step (0 by default).
 * Each pipe call processes the record through the whole topology before it returns.
 */
public final class TestInputTopic<K, V> {
    private final TestDriver driver;
    private final String topic;
    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private long currentTime;
    private final long autoAdvanceMs;

    TestInputTopic(TestDriver driver, String topic, Serializer<K> keySerializer, Serializer<V> valueSerializer,
                   long startTime, long autoAdvanceMs) {
        this.driver = driver;
        this.topic = topic;
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
        this.currentTime = startTime;
        this.autoAdvanceMs = autoAdvanceMs;
    }

    public void pipeInput(V value) {
        pipeInput(null, value);
    }

    public void pipeInput(K key, V value) {
        long ts = currentTime;
        currentTime += autoAdvanceMs;
        pipeInput(key, value, ts);
    }

    public void pipeInput(K key, V value, long timestampMs) {
        driver.pipeRaw(topic, keySerializer.serialize(topic, key), valueSerializer.serialize(topic, value),
                timestampMs, List.of());
    }

    public void pipeInput(K key, V value, Instant timestamp) {
        pipeInput(key, value, timestamp.toEpochMilli());
    }

    public void pipeInput(TestRecord<K, V> record) {
        driver.pipeRaw(topic, keySerializer.serialize(topic, record.key()),
                valueSerializer.serialize(topic, record.value()), record.timestamp(), record.headers());
    }

    public void pipeRecordList(List<TestRecord<K, V>> records) {
        for (TestRecord<K, V> r : records) {
            pipeInput(r);
        }
    }

    public void pipeKeyValueList(List<KeyValue<K, V>> keyValues) {
        for (KeyValue<K, V> kv : keyValues) {
            pipeInput(kv.key(), kv.value());
        }
    }

    public void pipeValueList(List<V> values) {
        for (V v : values) {
            pipeInput(v);
        }
    }

    /** Moves this topic's current time forward. */
    public void advanceTime(Duration advance) {
        if (advance.isNegative()) {
            throw new IllegalArgumentException("cannot move time backwards: " + advance);
        }
        currentTime += advance.toMillis();
    }

    public String topic() {
        return topic;
    }
}
