package io.runnel.streams;

import io.runnel.common.Deserializer;
import io.runnel.common.Serializer;
import io.runnel.state.StoreBuilder;
import io.runnel.streams.internal.topology.InternalTopologyBuilder;
import io.runnel.streams.internal.topology.NodeDef;
import io.runnel.streams.internal.topology.TopologyAccess;
import io.runnel.streams.internal.topology.TopologyDescriber;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.TimestampExtractor;
import io.runnel.streams.processor.TopicNameExtractor;
import java.util.List;
import java.util.Objects;

/**
 * A graph of sources, processors and sinks, with the state stores its processors use; built by
 * hand with the {@code add*} methods (the Processor API) or by {@link StreamsBuilder#build()}.
 * Run it with the runtime or with {@link io.runnel.streams.testing.TestDriver}. Not
 * thread-safe while being built.
 */
public final class Topology {

    static {
        TopologyAccess.register(t -> t.builder);
    }

    private final InternalTopologyBuilder builder;

    public Topology() {
        this(new InternalTopologyBuilder());
    }

    Topology(InternalTopologyBuilder builder) {
        this.builder = builder;
    }

    /** Adds a source reading the topics with the record's own timestamp. */
    public Topology addSource(String name, Deserializer<?> keyDeserializer, Deserializer<?> valueDeserializer,
                              String... topics) {
        return addSource(name, TimestampExtractor.RECORD_TIMESTAMP, keyDeserializer, valueDeserializer, topics);
    }

    /** Adds a source reading the topics, taking event time from the extractor. */
    public Topology addSource(String name, TimestampExtractor timestampExtractor, Deserializer<?> keyDeserializer,
                              Deserializer<?> valueDeserializer, String... topics) {
        Objects.requireNonNull(keyDeserializer, "keyDeserializer");
        Objects.requireNonNull(valueDeserializer, "valueDeserializer");
        builder.addSource(new NodeDef.Source(name, List.of(topics), keyDeserializer, valueDeserializer,
                timestampExtractor));
        return this;
    }

    /** Adds a processor made per task by the supplier, child of the named parents. */
    public <KIn, VIn, KOut, VOut> Topology addProcessor(String name, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier,
                                                       String... parentNames) {
        Objects.requireNonNull(supplier, "supplier");
        InternalTopologyBuilder.checkSupplier(supplier);
        builder.addProcessor(new NodeDef.Proc(name, supplier, List.of(parentNames)));
        return this;
    }

    /** Adds a store and connects it to the named processors. */
    public Topology addStateStore(StoreBuilder<?> storeBuilder, String... processorNames) {
        builder.addStateStore(storeBuilder, processorNames);
        return this;
    }

    /** Connects already-added stores to a processor. */
    public Topology connectProcessorAndStateStores(String processorName, String... storeNames) {
        for (String s : storeNames) {
            builder.connect(processorName, s);
        }
        return this;
    }

    /** Adds a sink writing to a fixed topic. */
    public Topology addSink(String name, String topic, Serializer<?> keySerializer, Serializer<?> valueSerializer,
                            String... parentNames) {
        Objects.requireNonNull(topic, "topic");
        builder.addSink(new NodeDef.Sink(name, topic, null, Objects.requireNonNull(keySerializer, "keySerializer"),
                Objects.requireNonNull(valueSerializer, "valueSerializer"), null, List.of(parentNames)));
        return this;
    }

    /** Adds a sink writing each record to the topic the extractor chooses. */
    public Topology addSink(String name, TopicNameExtractor<?, ?> topicExtractor, Serializer<?> keySerializer,
                            Serializer<?> valueSerializer, String... parentNames) {
        Objects.requireNonNull(topicExtractor, "topicExtractor");
        builder.addSink(new NodeDef.Sink(name, null, topicExtractor, Objects.requireNonNull(keySerializer, "keySerializer"),
                Objects.requireNonNull(valueSerializer, "valueSerializer"), null, List.of(parentNames)));
        return this;
    }

    /**
     * Adds a global store: every instance keeps a full copy, loaded from {@code topic} by the
     * processor (which should put each record into the store).
     */
    public <K, V> Topology addGlobalStore(StoreBuilder<?> storeBuilder, String sourceName, Deserializer<K> keyDeserializer,
                                   Deserializer<V> valueDeserializer, String topic, String processorName,
                                   ProcessorSupplier<K, V, Void, Void> stateUpdateSupplier) {
        NodeDef.Source source = new NodeDef.Source(sourceName, List.of(topic), keyDeserializer, valueDeserializer,
                TimestampExtractor.RECORD_TIMESTAMP);
        builder.addGlobalStore(storeBuilder, source, new NodeDef.Proc(processorName, stateUpdateSupplier, List.of(sourceName)));
        return this;
    }

    /** Sub-topologies, sources, processors, stores and sinks, printable as Kafka Streams prints them. */
    public TopologyDescription describe() {
        return TopologyDescriber.describe(builder);
    }

    @Override
    public String toString() {
        return describe().toString();
    }
}
