package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.common.SerializationException;
import io.runnel.streams.internal.ops.Change;
import java.nio.ByteBuffer;

/**
 * Serializes a table update for a repartition topic ({@code KTable.groupBy}):
 * <pre>
 * | version int8 = 1 | flags int8 (bit 0: new present, bit 1: old present) |
 * | new length int32 | new bytes | old bytes (rest) |
 * </pre>
 */
final class ChangeSerde {

    private ChangeSerde() {
    }

    static <V> Serde<Change<V>> of(Serde<V> inner) {
        return Serde.of((topic, change) -> {
            if (change == null) {
                return null;
            }
            byte[] n = change.newValue() == null ? null : inner.serializer().serialize(topic, change.newValue());
            byte[] o = change.oldValue() == null ? null : inner.serializer().serialize(topic, change.oldValue());
            int flags = (n != null ? 1 : 0) | (o != null ? 2 : 0);
            ByteBuffer b = ByteBuffer.allocate(6 + (n == null ? 0 : n.length) + (o == null ? 0 : o.length));
            b.put((byte) 1).put((byte) flags).putInt(n == null ? 0 : n.length);
            if (n != null) {
                b.put(n);
            }
            if (o != null) {
                b.put(o);
            }
            return b.array();
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (b.get() != 1) {
                throw new SerializationException("unknown table update version " + bytes[0]);
            }
            int flags = b.get();
            int nLen = b.getInt();
            V n = null;
            if ((flags & 1) != 0) {
                byte[] nb = new byte[nLen];
                b.get(nb);
                n = inner.deserializer().deserialize(topic, nb);
            }
            V o = null;
            if ((flags & 2) != 0) {
                byte[] ob = new byte[b.remaining()];
                b.get(ob);
                o = inner.deserializer().deserialize(topic, ob);
            }
            return new Change<>(n, o);
        });
    }
}
