package io.runnel.streams.internal.runtime;

import io.runnel.common.Header;
import io.runnel.common.Time;
import io.runnel.state.StateStore;
import io.runnel.streams.internal.topology.InternalTopologyBuilder;
import io.runnel.streams.internal.topology.NodeDef;
import io.runnel.streams.processor.TaskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sub-topology instantiated for one partition: its nodes, its stores and its
 * {@link TaskContext}. {@link #process} runs one input record through the whole sub-topology
 * synchronously, then fires due stream-time punctuations. Runs on one thread at a time.
 */
public final class StreamTask {
    private final TaskContext context;
    private final Map<String, SourceNode> sourceByTopic = new HashMap<>();
    private final List<ProcessorNode> nodes = new ArrayList<>();
    private final Map<String, StateStore> stores;

    /** Makes and initializes the stores of a task. */
    @FunctionalInterface
    public interface StoreFactory {
        StateStore create(InternalTopologyBuilder.StoreDef def, TaskContext task);
    }

    public StreamTask(InternalTopologyBuilder builder, InternalTopologyBuilder.Subtopology sub, int partition,
                      String applicationId, Time time, RecordCollector collector, StoreFactory storeFactory,
                      Map<String, StateStore> globalStores) {
        TaskId taskId = new TaskId(sub.id(), partition);
        this.stores = new LinkedHashMap<>();
        this.context = new TaskContext(applicationId, taskId, time, collector, stores, globalStores);
        Map<String, ProcessorNode> byName = new HashMap<>();
        Map<String, NodeContext> contexts = new HashMap<>();
        for (String name : sub.nodeNames()) {
            NodeDef def = builder.nodes().get(name);
            NodeContext nc = new NodeContext(name, context, new HashSet<>(builder.storesOf(name)));
            contexts.put(name, nc);
            ProcessorNode node;
            if (def instanceof NodeDef.Source s) {
                SourceNode sn = new SourceNode(name, s.keyDeserializer(), s.valueDeserializer(), s.timestampExtractor(), nc);
                for (String t : s.topics()) {
                    sourceByTopic.put(builder.decorate(applicationId, t), sn);
                }
                node = sn;
            } else if (def instanceof NodeDef.Proc p) {
                node = new UserProcessorNode(name, p.supplier().get(), nc);
            } else {
                NodeDef.Sink k = (NodeDef.Sink) def;
                node = new SinkNode(name, k.topic(), k.extractor(), k.keySerializer(), k.valueSerializer(),
                        k.partitioner(), t -> builder.decorate(applicationId, t));
            }
            byName.put(name, node);
            nodes.add(node);
        }
        for (String name : sub.nodeNames()) {
            List<ProcessorNode> children = new ArrayList<>();
            for (String c : builder.children(name)) {
                children.add(byName.get(c));
            }
            contexts.get(name).setChildren(children);
        }
        for (Map.Entry<String, InternalTopologyBuilder.StoreDef> e : builder.stores().entrySet()) {
            if (sub.storeNames().contains(e.getKey())) {
                stores.put(e.getKey(), storeFactory.create(e.getValue(), context));
            }
        }
        for (ProcessorNode n : nodes) {
            n.init(context);
        }
    }

    public TaskId id() {
        return context.taskId();
    }

    public TaskContext context() {
        return context;
    }

    public boolean readsTopic(String topic) {
        return sourceByTopic.containsKey(topic);
    }

    public java.util.Set<String> topics() {
        return sourceByTopic.keySet();
    }

    /** Runs one record through the sub-topology, then fires due stream-time punctuations. */
    public void process(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                        List<Header> headers) {
        SourceNode source = sourceByTopic.get(topic);
        if (source == null) {
            throw new IllegalArgumentException("task " + id() + " does not read topic " + topic);
        }
        context.setRecordMetadata(topic, partition, offset);
        if (source.processRaw(topic, key, value, timestamp, headers)) {
            context.metrics().recordProcessed();
        }
        context.punctuateStreamTime();
        context.clearRecordMetadata();
    }

    public boolean punctuateWallClock() {
        return context.punctuateWallClock();
    }

    public Map<String, StateStore> stores() {
        return stores;
    }

    public void flushStores() {
        for (StateStore s : stores.values()) {
            s.flush();
        }
    }

    /** Closes processors, then stores. */
    public void close() {
        RuntimeException first = null;
        for (ProcessorNode n : nodes) {
            try {
                n.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        for (StateStore s : stores.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
