package io.runnel.streams;

import java.util.List;
import java.util.Objects;

/**
 * What a topology contains. {@link #toString()} prints it in Kafka Streams' layout:
 * <pre>
 * Topologies:
 *    Sub-topology: 0
 *     Source: source-1 (topics: [input])
 *       --&gt; filter-1
 *     Processor: filter-1 (stores: [])
 *       --&gt; sink-1
 *       &lt;-- source-1
 *     Sink: sink-1 (topic: output)
 *       &lt;-- filter-1
 * </pre>
 */
public record TopologyDescription(List<Subtopology> subtopologies, List<GlobalStore> globalStores) {

    public TopologyDescription {
        subtopologies = List.copyOf(subtopologies);
        globalStores = List.copyOf(globalStores);
    }

    /** A kind of node. */
    public enum Kind { SOURCE, PROCESSOR, SINK }

    /**
     * A node: its kind and name; {@code topics} for a source (or the sink's topic, empty if
     * chosen per record); {@code stores} for a processor; names of successors and predecessors.
     */
    public record Node(Kind kind, String name, List<String> topics, List<String> stores, List<String> successors,
                       List<String> predecessors) {
        public Node {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            topics = List.copyOf(topics);
            stores = List.copyOf(stores);
            successors = List.copyOf(successors);
            predecessors = List.copyOf(predecessors);
        }
    }

    /** A sub-topology: nodes connected by edges or stores; one task per input partition. */
    public record Subtopology(int id, List<Node> nodes) {
        public Subtopology {
            nodes = List.copyOf(nodes);
        }
    }

    /** A global store with its source and processor. */
    public record GlobalStore(int id, String store, Node source, Node processor) {
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Topologies:\n");
        for (Subtopology s : subtopologies) {
            sb.append("   Sub-topology: ").append(s.id()).append('\n');
            for (Node n : s.nodes()) {
                appendNode(sb, n);
            }
        }
        for (GlobalStore g : globalStores) {
            sb.append("  Sub-topology: ").append(g.id()).append(" for global store (will not generate tasks)\n");
            appendNode(sb, g.source());
            appendNode(sb, g.processor());
        }
        return sb.toString();
    }

    private static void appendNode(StringBuilder sb, Node n) {
        switch (n.kind()) {
            case SOURCE -> sb.append("    Source: ").append(n.name()).append(" (topics: ").append(n.topics()).append(")\n");
            case PROCESSOR -> sb.append("    Processor: ").append(n.name()).append(" (stores: ").append(n.stores()).append(")\n");
            case SINK -> sb.append("    Sink: ").append(n.name()).append(" (topic: ")
                    .append(n.topics().isEmpty() ? "<chosen per record>" : n.topics().get(0)).append(")\n");
            default -> throw new IllegalStateException();
        }
        if (n.kind() != Kind.SINK) {
            sb.append("      --> ").append(n.successors().isEmpty() ? "none" : String.join(", ", n.successors())).append('\n');
        }
        if (n.kind() != Kind.SOURCE) {
            sb.append("      <-- ").append(n.predecessors().isEmpty() ? "none" : String.join(", ", n.predecessors())).append('\n');
        }
    }
}
