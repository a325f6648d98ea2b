package io.runnel.sql.internal.runtime;

import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.exec.AggregateMaterialization;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.WindowedKey;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.ReadOnlyKeyValueStore;
import io.runnel.state.ReadOnlyWindowStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.state.Window;
import io.runnel.state.Windowed;
import io.runnel.state.WindowStoreIterator;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table's current rows read from the store of the aggregation that writes it (see
 * {@link AggregateMaterialization}): each group's states become the table's row, which is handed
 * on as the record bytes the query writes to the table's topic, so that it is decoded and
 * filtered as any other row of the table. With lookups, each key is one get, or for a windowed
 * table one fetch of the key's windows with starts within the lookup's bounds (from 0); without,
 * the store is scanned (task after task). A group that HAVING rejects has no row. Rows have no
 * partition or offset (handed as partition 0, offset -1), as in {@link StoreRows}.
 */
final class AggregateStoreRows implements PullRows {
    private final AggregateMaterialization materialization;
    private final ReadOnlyKeyValueStore<Row, ValueAndTimestamp<Row>> groups;
    private final ReadOnlyWindowStore<Row, ValueAndTimestamp<Row>> windows;
    private final DataSource source;
    private final SourceCodec codec;
    private final PullQueryStats stats;

    private AggregateStoreRows(AggregateMaterialization materialization,
                               ReadOnlyKeyValueStore<Row, ValueAndTimestamp<Row>> groups,
                               ReadOnlyWindowStore<Row, ValueAndTimestamp<Row>> windows, DataSource source,
                               PullQueryStats stats) {
        this.materialization = materialization;
        this.groups = groups;
        this.windows = windows;
        this.source = source;
        this.codec = SourceCodec.of(source);
        this.stats = stats;
    }

    /** Rows of an aggregation without windows, read from its key-value store {@code groups}. */
    static AggregateStoreRows ofGroups(AggregateMaterialization materialization,
                                       ReadOnlyKeyValueStore<Row, ValueAndTimestamp<Row>> groups, DataSource source,
                                       PullQueryStats stats) {
        return new AggregateStoreRows(materialization, groups, null, source, stats);
    }

    /** Rows of a windowed aggregation, read from its window store {@code windows}. */
    static AggregateStoreRows ofWindows(AggregateMaterialization materialization,
                                        ReadOnlyWindowStore<Row, ValueAndTimestamp<Row>> windows, DataSource source,
                                        PullQueryStats stats) {
        return new AggregateStoreRows(materialization, null, windows, source, stats);
    }

    @Override
    public void read(Optional<List<KeyConstraints.Lookup>> lookups, Visitor visitor) {
        if (lookups.isEmpty()) {
            stats.storeScan();
            scan(visitor);
            return;
        }
        stats.storeLookup();
        Set<ByteBuffer> seen = new HashSet<>();
        for (KeyConstraints.Lookup lookup : lookups.get()) {
            if (windows == null) {
                ValueAndTimestamp<Row> states = groups.get(lookup.key());
                if (states != null && !visit(lookup.key(), null, states, seen, visitor)) {
                    return;
                }
                continue;
            }
            try (WindowStoreIterator<ValueAndTimestamp<Row>> it = windows.fetch(lookup.key(),
                    Math.max(0, lookup.startFrom()), lookup.startTo())) {
                while (it.hasNext()) {
                    KeyValue<Long, ValueAndTimestamp<Row>> kv = it.next();
                    if (!visit(lookup.key(), window(kv.key()), kv.value(), seen, visitor)) {
                        return;
                    }
                }
            }
        }
    }

    private void scan(Visitor visitor) {
        if (windows == null) {
            try (KeyValueIterator<Row, ValueAndTimestamp<Row>> it = groups.all()) {
                while (it.hasNext()) {
                    KeyValue<Row, ValueAndTimestamp<Row>> kv = it.next();
                    if (!visit(kv.key(), null, kv.value(), null, visitor)) {
                        return;
                    }
                }
            }
            return;
        }
        try (KeyValueIterator<Windowed<Row>, ValueAndTimestamp<Row>> it = windows.all()) {
            while (it.hasNext()) {
                KeyValue<Windowed<Row>, ValueAndTimestamp<Row>> kv = it.next();
                if (!visit(kv.key().key(), window(kv.key().window().start()), kv.value(), null, visitor)) {
                    return;
                }
            }
        }
    }

    private Window window(long start) {
        return new Window(start, start + materialization.windowSizeMs());
    }

    /** Hands on the group's row unless HAVING rejects it or {@code seen} has its key; false to stop. */
    private boolean visit(Row groupKey, Window window, ValueAndTimestamp<Row> states, Set<ByteBuffer> seen,
                          Visitor visitor) {
        if (states == null || states.value() == null) {
            return true;
        }
        Optional<AggregateMaterialization.TableRow> row = materialization.row(groupKey, window, states.value());
        if (row.isEmpty()) {
            return true;
        }
        byte[] key;
        byte[] value;
        try {
            key = window == null ? codec.keyBytes(source.topic(), row.get().key())
                    : codec.windowedKeyBytes(source.topic(), new WindowedKey(row.get().key(), window.start(), window.end()));
            value = codec.valueBytes(source.topic(), row.get().value());
        } catch (RuntimeException e) {
            return true; // a row the query cannot write either (its sink reports it)
        }
        if (key == null || (seen != null && !seen.add(ByteBuffer.wrap(key)))) {
            return true;
        }
        return visitor.visit(key, value, states.timestamp(), 0, -1);
    }
}
