package io.runnel.streams.testing;

import io.runnel.common.Deserializer;
import io.runnel.state.KeyValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Reads what the topology wrote to one topic of a {@link TestDriver}, in write order. Each read
 * consumes the record.
 */
public final class TestOutputTopic<K, V> {
    private final TestDriver driver;
    private final String topic;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;

    TestOutputTopic(TestDriver driver, String topic, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        this.driver = driver;
        this.topic = topic;
        this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "keyDeserializer");
        this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
    }

    public V readValue() {
        return readRecord().value();
    }

    public KeyValue<K, V> readKeyValue() {
        TestRecord<K, V> r = readRecord();
        return new KeyValue<>(r.key(), r.value());
    }

    public TestRecord<K, V> readRecord() {
        TestDriver.OutputRecord raw = driver.poll(topic);
        if (raw == null) {
            throw new NoSuchElementException("topic " + topic + " is empty");
        }
        return new TestRecord<>(keyDeserializer.deserialize(topic, raw.key()),
                valueDeserializer.deserialize(topic, raw.value()), raw.timestamp(), raw.headers());
    }

    public List<TestRecord<K, V>> readRecordsToList() {
        List<TestRecord<K, V>> out = new ArrayList<>();
        while (!isEmpty()) {
            out.add(readRecord());
        }
        return out;
    }

    public List<KeyValue<K, V>> readKeyValuesToList() {
        List<KeyValue<K, V>> out = new ArrayList<>();
        while (!isEmpty()) {
            out.add(readKeyValue());
        }
        return out;
    }

    public List<V> readValuesToList() {
        List<V> out = new ArrayList<>();
        while (!isEmpty()) {
            out.add(readValue());
        }
        return out;
    }

    /** The last value per key (a table view of the topic); a null value removes the key. */
    public Map<K, V> readKeyValuesToMap() {
        Map<K, V> out = new LinkedHashMap<>();
        while (!isEmpty()) {
            KeyValue<K, V> kv = readKeyValue();
            if (kv.value() == null) {
                out.remove(kv.key());
            } else {
                out.put(kv.key(), kv.value());
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return driver.queueSize(topic) == 0;
    }

    public long getQueueSize() {
        return driver.queueSize(topic);
    }

    public String topic() {
        return topic;
    }
}
