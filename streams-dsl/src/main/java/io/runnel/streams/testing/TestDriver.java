package io.runnel.streams.testing;

import io.runnel.common.Deserializer;
import io.runnel.common.Header;
import io.runnel.common.ManualTime;
import io.runnel.common.Serializer;
import io.runnel.state.KeyValueStore;
import io.runnel.state.SessionStore;
import io.runnel.state.StateStore;
import io.runnel.state.TimestampedKeyValueStore;
import io.runnel.state.TimestampedWindowStore;
import io.runnel.state.WindowStore;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.Topology;
import io.runnel.streams.internal.runtime.GlobalTask;
import io.runnel.streams.internal.runtime.RecordCollector;
import io.runnel.streams.internal.runtime.StoreOpener;
import io.runnel.streams.internal.runtime.StreamTask;
import io.runnel.streams.internal.runtime.TimestampedStoreFacades;
import io.runnel.streams.internal.topology.InternalTopologyBuilder;
import io.runnel.streams.internal.topology.TopologyAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Runs a {@link Topology} synchronously in the calling thread, like Kafka Streams'
 * TopologyTestDriver: one task per sub-topology (partition 0), every store in memory unless the
 * topology says otherwise, record caching off (every update is emitted), wall-clock time moved
 * only by {@link #advanceWallClockTime}. Each piped record is processed through the whole
 * topology, including records written to topics the topology itself reads (repartition topics),
 * before the pipe call returns. Deterministic; not thread-safe.
 *
 * <p>Configuration: {@code application.id} (default {@code test-driver}); other keys are kept for
 * processors that read them.
 */
public final class TestDriver implements AutoCloseable {
    private final String applicationId;
    private final ManualTime time;
    private final InternalTopologyBuilder builder;
    private final List<StreamTask> tasks = new ArrayList<>();
    private final Map<String, StreamTask> taskByTopic = new HashMap<>();
    private final Map<String, GlobalTask> globalByTopic = new HashMap<>();
    private final Map<String, StateStore> globalStores = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<OutputRecord>> outputs = new HashMap<>();
    private final Map<String, Long> nextOffset = new HashMap<>();
    private final ArrayDeque<PendingRecord> pending = new ArrayDeque<>();
    private final StoreOpener storeOpener;
    private boolean draining;
    private boolean closed;

    /** A record as written by a sink: serialized key and value. */
    record OutputRecord(byte[] key, byte[] value, long timestamp, List<Header> headers) {
    }

    private record PendingRecord(String topic, byte[] key, byte[] value, long timestamp, List<Header> headers) {
    }

    public TestDriver(Topology topology) {
        this(topology, Map.of(), Instant.EPOCH);
    }

    public TestDriver(Topology topology, Properties config) {
        this(topology, toMap(config), Instant.EPOCH);
    }

    public TestDriver(Topology topology, Properties config, Instant initialWallClockTime) {
        this(topology, toMap(config), initialWallClockTime);
    }

    public TestDriver(Topology topology, Map<String, ?> config, Instant initialWallClockTime) {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(config, "config");
        Object appId = config.get(StreamsConfig.APPLICATION_ID_CONFIG);
        this.applicationId = appId == null ? "test-driver" : appId.toString();
        this.time = new ManualTime(initialWallClockTime.toEpochMilli());
        this.builder = TopologyAccess.builder(topology);
        this.storeOpener = StoreOpener.inMemoryForTests(applicationId, time);
        RecordCollector collector = new Collector();
        for (InternalTopologyBuilder.GlobalStoreDef g : builder.globalStores().values()) {
            GlobalTask gt = new GlobalTask(g, applicationId, time, storeOpener, globalStores);
            for (String t : g.source().topics()) {
                globalByTopic.put(t, gt);
            }
        }
        for (InternalTopologyBuilder.Subtopology sub : builder.subtopologies()) {
            StreamTask task = new StreamTask(builder, sub, 0, applicationId, time, collector,
                    storeOpener::open, globalStores);
            tasks.add(task);
            for (String t : task.topics()) {
                taskByTopic.put(t, task);
            }
        }
    }

    private static Map<String, ?> toMap(Properties p) {
        Map<String, Object> m = new HashMap<>();
        if (p != null) {
            for (String name : p.stringPropertyNames()) {
                m.put(name, p.getProperty(name));
            }
            p.forEach((k, v) -> m.put(String.valueOf(k), v));
        }
        return m;
    }

    public <K, V> TestInputTopic<K, V> createInputTopic(String topic, Serializer<K> keySerializer,
                                                       Serializer<V> valueSerializer) {
        return new TestInputTopic<>(this, topic, keySerializer, valueSerializer, time.milliseconds(), 0L);
    }

    public <K, V> TestInputTopic<K, V> createInputTopic(String topic, Serializer<K> keySerializer,
                                                       Serializer<V> valueSerializer, Instant startTime,
                                                       Duration autoAdvance) {
        return new TestInputTopic<>(this, topic, keySerializer, valueSerializer, startTime.toEpochMilli(),
                autoAdvance.toMillis());
    }

    public <K, V> TestOutputTopic<K, V> createOutputTopic(String topic, Deserializer<K> keyDeserializer,
                                                         Deserializer<V> valueDeserializer) {
        return new TestOutputTopic<>(this, topic, keyDeserializer, valueDeserializer);
    }

    /** Moves the wall clock and fires due wall-clock punctuations. */
    public void advanceWallClockTime(Duration advance) {
        checkOpen();
        time.advance(advance.toMillis());
        for (StreamTask t : tasks) {
            t.punctuateWallClock();
            drain();
        }
    }

    /** The current wall-clock time of the driver. */
    public long wallClockTimeMs() {
        return time.milliseconds();
    }

    void pipeRaw(String topic, byte[] key, byte[] value, long timestamp, List<Header> headers) {
        checkOpen();
        if (!taskByTopic.containsKey(topic) && !globalByTopic.containsKey(topic)) {
            throw new IllegalArgumentException("unknown topic " + topic + ": no source reads it");
        }
        process(topic, key, value, timestamp, headers);
        drain();
    }

    private void process(String topic, byte[] key, byte[] value, long timestamp, List<Header> headers) {
        long offset = nextOffset.merge("in:" + topic, 1L, Long::sum) - 1;
        GlobalTask g = globalByTopic.get(topic);
        if (g != null) {
            g.process(topic, 0, offset, timestamp, key, value, headers);
            return;
        }
        taskByTopic.get(topic).process(topic, 0, offset, timestamp, key, value, headers);
    }

    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            PendingRecord r;
            while ((r = pending.poll()) != null) {
                process(r.topic, r.key, r.value, r.timestamp, r.headers);
            }
        } finally {
            draining = false;
        }
    }

    private final class Collector implements RecordCollector {
        @Override
        public void send(String topic, Integer partition, byte[] key, byte[] value, long timestamp, List<Header> headers) {
            outputs.computeIfAbsent(topic, t -> new ArrayDeque<>()).add(new OutputRecord(key, value, timestamp, headers));
            if (taskByTopic.containsKey(topic) || globalByTopic.containsKey(topic)) {
                pending.add(new PendingRecord(topic, key, value, timestamp, headers));
            }
        }

        @Override
        public int partitionCount(String topic) {
            return 1;
        }
    }

    OutputRecord poll(String topic) {
        ArrayDeque<OutputRecord> q = outputs.get(topic);
        return q == null ? null : q.poll();
    }

    int queueSize(String topic) {
        ArrayDeque<OutputRecord> q = outputs.get(topic);
        return q == null ? 0 : q.size();
    }

    /** Names of all topics written so far (including internal ones, with their full names). */
    public java.util.Set<String> producedTopicNames() {
        return java.util.Set.copyOf(outputs.keySet());
    }

    /** A store of any kind by name (task or global), or null. */
    public StateStore getStateStore(String name) {
        for (StreamTask t : tasks) {
            StateStore s = t.stores().get(name);
            if (s != null) {
                return s;
            }
        }
        return globalStores.get(name);
    }

    /**
     * A key-value store by name; a timestamped store is returned as a plain key-value view of its
     * values (as Kafka's driver does). Null if there is no such store.
     */
    @SuppressWarnings("unchecked")
    public <K, V> KeyValueStore<K, V> getKeyValueStore(String name) {
        StateStore s = getStateStore(name);
        if (s instanceof TimestampedKeyValueStore<?, ?> ts) {
            return TimestampedStoreFacades.keyValue((TimestampedKeyValueStore<K, V>) ts);
        }
        return s instanceof KeyValueStore<?, ?> kv ? (KeyValueStore<K, V>) kv : null;
    }

    @SuppressWarnings("unchecked")
    public <K, V> TimestampedKeyValueStore<K, V> getTimestampedKeyValueStore(String name) {
        StateStore s = getStateStore(name);
        return s instanceof TimestampedKeyValueStore<?, ?> ts ? (TimestampedKeyValueStore<K, V>) ts : null;
    }

    /** A window store by name; a timestamped one is returned as a view of its values. */
    @SuppressWarnings("unchecked")
    public <K, V> WindowStore<K, V> getWindowStore(String name) {
        StateStore s = getStateStore(name);
        if (s instanceof TimestampedWindowStore<?, ?> ts) {
            return TimestampedStoreFacades.window((TimestampedWindowStore<K, V>) ts);
        }
        return s instanceof WindowStore<?, ?> w ? (WindowStore<K, V>) w : null;
    }

    @SuppressWarnings("unchecked")
    public <K, V> SessionStore<K, V> getSessionStore(String name) {
        StateStore s = getStateStore(name);
        return s instanceof SessionStore<?, ?> ss ? (SessionStore<K, V>) ss : null;
    }

    /**
     * Metrics of all tasks: {@code dropped-records-total} and {@code processed-records-total},
     * plus {@code dropped-records-total.<processor>} per processor that dropped records.
     */
    public Map<String, Long> metrics() {
        Map<String, Long> m = new LinkedHashMap<>();
        long dropped = 0;
        long processed = 0;
        for (StreamTask t : tasks) {
            dropped += t.context().metrics().droppedRecords();
            processed += t.context().metrics().processedRecords();
            t.context().metrics().droppedByNode().forEach((node, n) -> m.merge("dropped-records-total." + node, n, Long::sum));
        }
        m.put("dropped-records-total", dropped);
        m.put("processed-records-total", processed);
        return m;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the test driver is closed");
        }
    }

    /** Closes processors and stores and deletes any on-disk state. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (StreamTask t : tasks) {
            t.close();
        }
        for (GlobalTask g : new java.util.LinkedHashSet<>(globalByTopic.values())) {
            g.close();
        }
        storeOpener.close();
    }
}
