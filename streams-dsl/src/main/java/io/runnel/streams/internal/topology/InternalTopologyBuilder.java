package io.runnel.streams.internal.topology;

import io.runnel.common.Deserializer;
import io.runnel.state.StoreBuilder;
import io.runnel.streams.TopologyException;
import io.runnel.streams.processor.ProcessorSupplier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The mutable definition of a topology: nodes in the order they were added, stores and the
 * processors connected to them, global stores, and internal (repartition) topics. Computes
 * sub-topologies: nodes connected by an edge or by a shared store belong to the same one;
 * sub-topologies are numbered by their first-added node. Not thread-safe: built by one thread,
 * then read.
 *
 * <p>Internal topic names are registered undecorated (for example {@code count-1-repartition});
 * the runtime and the test driver prefix them with {@code <application.id>-}, as Kafka Streams
 * does, see {@link #decorate}.
 */
public final class InternalTopologyBuilder {
    private final Map<String, NodeDef> nodes = new LinkedHashMap<>();
    private final Map<String, StoreDef> stores = new LinkedHashMap<>();
    private final Map<String, GlobalStoreDef> globalStores = new LinkedHashMap<>();
    private final Set<String> internalTopics = new LinkedHashSet<>();
    private final Set<String> sourceTopics = new LinkedHashSet<>();

    /** A store and the processors that may read and write it. */
    public record StoreDef(StoreBuilder<?> builder, Set<String> processors) {
        public StoreDef {
            Objects.requireNonNull(builder, "builder");
        }
    }

    /** A store kept in every instance, loaded from one topic by one processor (no tasks). */
    public record GlobalStoreDef(StoreBuilder<?> builder, NodeDef.Source source, NodeDef.Proc processor) {
    }

    /** One sub-topology: its id and node names in the order they were added. */
    public record Subtopology(int id, List<String> nodeNames, Set<String> sourceTopics, Set<String> storeNames) {
        public Subtopology {
            nodeNames = List.copyOf(nodeNames);
            sourceTopics = Set.copyOf(sourceTopics);
            storeNames = Set.copyOf(storeNames);
        }
    }

    public void addSource(NodeDef.Source source) {
        checkNewName(source.name());
        for (String topic : source.topics()) {
            if (!sourceTopics.add(topic)) {
                throw new TopologyException("topic " + topic + " is already read by another source");
            }
        }
        nodes.put(source.name(), source);
    }

    public void addProcessor(NodeDef.Proc proc) {
        checkNewName(proc.name());
        checkParents(proc.name(), proc.parents());
        nodes.put(proc.name(), proc);
        for (StoreBuilder<?> sb : proc.supplier().stores()) {
            if (!stores.containsKey(sb.name())) {
                addStateStore(sb);
            }
            connect(proc.name(), sb.name());
        }
    }

    public void addSink(NodeDef.Sink sink) {
        checkNewName(sink.name());
        checkParents(sink.name(), sink.parents());
        nodes.put(sink.name(), sink);
    }

    public void addStateStore(StoreBuilder<?> builder, String... processorNames) {
        Objects.requireNonNull(builder, "storeBuilder");
        if (stores.containsKey(builder.name()) || globalStores.containsKey(builder.name())) {
            throw new TopologyException("store " + builder.name() + " is already added");
        }
        stores.put(builder.name(), new StoreDef(builder, new LinkedHashSet<>()));
        for (String p : processorNames) {
            connect(p, builder.name());
        }
    }

    public void connect(String processorName, String storeName) {
        NodeDef node = nodes.get(processorName);
        if (!(node instanceof NodeDef.Proc)) {
            throw new TopologyException("no processor named " + processorName);
        }
        StoreDef store = stores.get(storeName);
        if (store == null) {
            if (globalStores.containsKey(storeName)) {
                return; // global stores are readable from every processor
            }
            throw new TopologyException("no store named " + storeName);
        }
        store.processors().add(processorName);
    }

    public void addGlobalStore(StoreBuilder<?> builder, NodeDef.Source source, NodeDef.Proc processor) {
        if (stores.containsKey(builder.name()) || globalStores.containsKey(builder.name())) {
            throw new TopologyException("store " + builder.name() + " is already added");
        }
        checkNewName(source.name());
        checkNewName(processor.name());
        for (String topic : source.topics()) {
            if (!sourceTopics.add(topic)) {
                throw new TopologyException("topic " + topic + " is already read by another source");
            }
        }
        globalStores.put(builder.name(), new GlobalStoreDef(builder, source, processor));
    }

    /** Marks a topic as internal: created by the runtime and named {@code <application.id>-<topic>}. */
    public void addInternalTopic(String topic) {
        internalTopics.add(topic);
    }

    public boolean isInternalTopic(String topic) {
        return internalTopics.contains(topic);
    }

    public Set<String> internalTopics() {
        return Set.copyOf(internalTopics);
    }

    /** The full name of a topic: internal topics get the application id prefix. */
    public String decorate(String applicationId, String topic) {
        return internalTopics.contains(topic) ? applicationId + "-" + topic : topic;
    }

    public Map<String, NodeDef> nodes() {
        return java.util.Collections.unmodifiableMap(nodes);
    }

    public Map<String, StoreDef> stores() {
        return java.util.Collections.unmodifiableMap(stores);
    }

    public Map<String, GlobalStoreDef> globalStores() {
        return java.util.Collections.unmodifiableMap(globalStores);
    }

    /** The names of the children of a node, in the order they were added. */
    public List<String> children(String name) {
        List<String> out = new ArrayList<>();
        for (NodeDef n : nodes.values()) {
            if (n.parents().contains(name)) {
                out.add(n.name());
            }
        }
        return out;
    }

    /** The stores connected to a processor, in the order they were added. */
    public List<String> storesOf(String processorName) {
        List<String> out = new ArrayList<>();
        stores.forEach((name, def) -> {
            if (def.processors().contains(processorName)) {
                out.add(name);
            }
        });
        return out;
    }

    /** Groups nodes into sub-topologies (connected by edges or shared stores). */
    public List<Subtopology> subtopologies() {
        Map<String, String> parent = new HashMap<>();
        for (String n : nodes.keySet()) {
            parent.put(n, n);
        }
        for (NodeDef n : nodes.values()) {
            for (String p : n.parents()) {
                union(parent, n.name(), p);
            }
        }
        for (StoreDef s : stores.values()) {
            String first = null;
            for (String p : s.processors()) {
                if (first == null) {
                    first = p;
                } else {
                    union(parent, first, p);
                }
            }
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String n : nodes.keySet()) {
            groups.computeIfAbsent(find(parent, n), k -> new ArrayList<>()).add(n);
        }
        List<Subtopology> out = new ArrayList<>();
        int id = 0;
        for (List<String> members : groups.values()) {
            Set<String> topics = new LinkedHashSet<>();
            Set<String> storeNames = new LinkedHashSet<>();
            for (String m : members) {
                if (nodes.get(m) instanceof NodeDef.Source s) {
                    topics.addAll(s.topics());
                }
                storeNames.addAll(storesOf(m));
            }
            out.add(new Subtopology(id++, members, topics, storeNames));
        }
        return out;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }

    private static String find(Map<String, String> parent, String x) {
        String r = x;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    private void checkNewName(String name) {
        Objects.requireNonNull(name, "name");
        if (nodes.containsKey(name) || isGlobalNode(name)) {
            throw new TopologyException("a node named " + name + " is already added");
        }
    }

    private boolean isGlobalNode(String name) {
        for (GlobalStoreDef g : globalStores.values()) {
            if (g.source().name().equals(name) || g.processor().name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void checkParents(String name, Collection<String> parents) {
        if (parents.isEmpty()) {
            throw new TopologyException("node " + name + " needs at least one parent");
        }
        for (String p : parents) {
            NodeDef parentDef = nodes.get(p);
            if (parentDef == null) {
                throw new TopologyException("parent " + p + " of " + name + " is not added");
            }
            if (parentDef instanceof NodeDef.Sink) {
                throw new TopologyException("sink " + p + " cannot be the parent of " + name);
            }
            if (p.equals(name)) {
                throw new TopologyException("node " + name + " cannot be its own parent");
            }
        }
    }

    /** Checks the supplier makes a new processor per call, as tasks need their own. */
    public static void checkSupplier(ProcessorSupplier<?, ?, ?, ?> supplier) {
        Object a = supplier.get();
        Object b = supplier.get();
        if (a == b) {
            throw new TopologyException("the processor supplier returned the same instance twice; it must return a new one per call");
        }
    }

    /** Convenience for sources built by the DSL. */
    public static NodeDef.Source source(String name, List<String> topics, Deserializer<?> k, Deserializer<?> v,
                                        io.runnel.streams.processor.TimestampExtractor extractor) {
        return new NodeDef.Source(name, topics, k, v, extractor);
    }
}
