package io.runnel.streams.internal.topology;

import io.runnel.streams.TopologyDescription;
import java.util.ArrayList;
import java.util.List;

/** Turns an {@link InternalTopologyBuilder} into a {@link TopologyDescription}. */
public final class TopologyDescriber {

    private TopologyDescriber() {
    }

    public static TopologyDescription describe(InternalTopologyBuilder b) {
        List<TopologyDescription.Subtopology> subs = new ArrayList<>();
        List<InternalTopologyBuilder.Subtopology> computed = b.subtopologies();
        for (InternalTopologyBuilder.Subtopology s : computed) {
            List<TopologyDescription.Node> nodes = new ArrayList<>();
            for (String name : s.nodeNames()) {
                nodes.add(node(b, b.nodes().get(name), b.children(name), b.storesOf(name)));
            }
            subs.add(new TopologyDescription.Subtopology(s.id(), nodes));
        }
        List<TopologyDescription.GlobalStore> globals = new ArrayList<>();
        int id = computed.size();
        for (InternalTopologyBuilder.GlobalStoreDef g : b.globalStores().values()) {
            globals.add(new TopologyDescription.GlobalStore(id++, g.builder().name(),
                    node(b, g.source(), List.of(g.processor().name()), List.of()),
                    node(b, g.processor(), List.of(), List.of(g.builder().name()))));
        }
        return new TopologyDescription(subs, globals);
    }

    private static TopologyDescription.Node node(InternalTopologyBuilder b, NodeDef def, List<String> children,
                                                 List<String> stores) {
        if (def instanceof NodeDef.Source s) {
            return new TopologyDescription.Node(TopologyDescription.Kind.SOURCE, s.name(), s.topics(), List.of(),
                    children, List.of());
        } else if (def instanceof NodeDef.Proc p) {
            return new TopologyDescription.Node(TopologyDescription.Kind.PROCESSOR, p.name(), List.of(), stores,
                    children, p.parents());
        } else {
            NodeDef.Sink k = (NodeDef.Sink) def;
            return new TopologyDescription.Node(TopologyDescription.Kind.SINK, k.name(),
                    k.topic() == null ? List.of() : List.of(k.topic()), List.of(), List.of(), k.parents());
        }
    }
}
