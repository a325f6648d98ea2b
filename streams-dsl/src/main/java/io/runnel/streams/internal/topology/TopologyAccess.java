package io.runnel.streams.internal.topology;

import io.runnel.streams.Topology;
import java.util.function.Function;

/**
 * Gives the runtime and the test driver the builder behind a public {@link Topology} without
 * making it public API. {@link Topology} registers the accessor in its static initializer.
 */
public final class TopologyAccess {
    private static volatile Function<Topology, InternalTopologyBuilder> accessor;

    private TopologyAccess() {
    }

    public static void register(Function<Topology, InternalTopologyBuilder> f) {
        accessor = f;
    }

    public static InternalTopologyBuilder builder(Topology topology) {
        if (accessor == null) {
            try {
                Class.forName(Topology.class.getName(), true, Topology.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return accessor.apply(topology);
    }
}
