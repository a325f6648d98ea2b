package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.state.StoreBuilder;
import io.runnel.streams.internal.topology.InternalTopologyBuilder;
import io.runnel.streams.internal.topology.NodeDef;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.TimestampExtractor;
import java.util.Collection;
import java.util.List;

/**
 * What every DSL object shares: the topology under construction and the name generator. DSL calls
 * add nodes at once (no deferred graph), so errors surface at the call that causes them. Not
 * thread-safe.
 */
public final class DslBuilder {
    final InternalTopologyBuilder topology;
    final Names names = new Names();

    public DslBuilder(InternalTopologyBuilder topology) {
        this.topology = topology;
    }

    public InternalTopologyBuilder topology() {
        return topology;
    }

    public Names names() {
        return names;
    }

    String processor(String name, ProcessorSupplier<?, ?, ?, ?> supplier, String... parents) {
        topology.addProcessor(new NodeDef.Proc(name, supplier, List.of(parents)));
        return name;
    }

    void store(StoreBuilder<?> builder, String... processors) {
        topology.addStateStore(builder, processors);
    }

    void connect(String processor, Collection<String> stores) {
        for (String s : stores) {
            topology.connect(processor, s);
        }
    }

    String source(String name, List<String> topics, Serde<?> keySerde, Serde<?> valueSerde, TimestampExtractor ts) {
        topology.addSource(new NodeDef.Source(name, topics, StoreFactory.require(keySerde, "key", name).deserializer(),
                StoreFactory.require(valueSerde, "value", name).deserializer(), ts));
        return name;
    }

    /**
     * Writes {@code parent}'s records through the internal topic {@code <operator>-repartition}
     * and returns the name of the source reading it back.
     */
    String repartition(String operator, String parent, Serde<?> keySerde, Serde<?> valueSerde) {
        String topic = Names.repartitionTopic(operator);
        topology.addInternalTopic(topic);
        String sink = Names.suffixed(operator, "repartition-sink");
        topology.addSink(new NodeDef.Sink(sink, topic, null, StoreFactory.require(keySerde, "key", operator).serializer(),
                StoreFactory.require(valueSerde, "value", operator).serializer(), null, List.of(parent)));
        return source(Names.suffixed(operator, "repartition-source"), List.of(topic), keySerde, valueSerde,
                TimestampExtractor.RECORD_TIMESTAMP);
    }
}
