package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.internal.ops.ValueGetterSupplier;

/** Makes table objects for the public builder (KTableImpl stays package-private). */
public final class Tables {

    private Tables() {
    }

    public static <K, V> KTable<K, V> table(DslBuilder b, String node, Serde<K> ks, Serde<V> vs,
                                            ValueGetterSupplier<K, V> getter, String store) {
        return new KTableImpl<>(b, node, ks, vs, getter, store, -1);
    }
}
