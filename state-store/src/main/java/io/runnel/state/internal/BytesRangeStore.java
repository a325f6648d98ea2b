package io.runnel.state.internal;

import io.runnel.common.Serializer;
import io.runnel.state.Bytes;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;

/**
 * A key-value byte store whose every range read is one ordered iteration, {@link #iterate}: ranges,
 * full scans and prefix scans, forward and backward, are the bounds they pass to it.
 */
public interface BytesRangeStore extends KeyValueStore<Bytes, byte[]> {

    /**
     * Entries in {@code [from, to]} ({@code toInclusive}) or {@code [from, to)}, in key order or
     * reversed; null bounds are open; an empty iterator when {@code from > to}.
     */
    KeyValueIterator<Bytes, byte[]> iterate(Bytes from, Bytes to, boolean toInclusive, boolean forward);

    @Override
    default KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return iterate(from, to, true, true);
    }

    @Override
    default KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return iterate(from, to, true, false);
    }

    @Override
    default KeyValueIterator<Bytes, byte[]> all() {
        return iterate(null, null, true, true);
    }

    @Override
    default KeyValueIterator<Bytes, byte[]> reverseAll() {
        return iterate(null, null, true, false);
    }

    @Override
    default <P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, Serializer<P> prefixKeySerializer) {
        Bytes from = Bytes.wrap(prefixKeySerializer.serialize(null, prefix));
        return iterate(from, from.prefixUpperBound(), false, true);
    }
}
