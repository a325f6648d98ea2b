package io.runnel.sql.internal.runtime;

import io.runnel.common.Time;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.serde.WindowedSerdes;
import io.runnel.state.Bytes;
import io.runnel.state.InvalidStateStoreException;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.ReadOnlyKeyValueStore;
import io.runnel.state.ValueAndTimestamp;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table's current rows read from the store of its rows that the query writing it keeps (see
 * {@code SinkMaterializer}: the sink's key bytes to the record time and value bytes). With
 * lookups, each key is one get; for a windowed table, one range read of the key's windows:
 * {@code [key | from, key | to]} over time-windowed keys ({@code key | start}) when the starts
 * are bounded from 0 up, else over every window of the key ({@code key | 0x00…}, {@code key | 0xff…}).
 * A range may also hold longer keys that begin with the same bytes: they are handed on and the
 * caller's WHERE filter drops them. A key read twice (overlapping lookups) is handed once.
 * Without lookups the store is scanned (task after task, in key order within a task).
 *
 * <p>Rows have no partition or offset here (ROWPARTITION and ROWOFFSET are not columns of pull
 * queries): they are handed as partition 0, offset -1.
 */
final class StoreRows implements PullRows {
    private static final System.Logger LOG = System.getLogger(StoreRows.class.getName());
    private static final long RETRY_MS = 10;

    private final ReadOnlyKeyValueStore<Bytes, ValueAndTimestamp<byte[]>> view;
    private final DataSource source;
    private final SourceCodec codec;
    private final PullQueryStats stats;

    StoreRows(ReadOnlyKeyValueStore<Bytes, ValueAndTimestamp<byte[]>> view, DataSource source,
                      PullQueryStats stats) {
        this.view = view;
        this.source = source;
        this.codec = SourceCodec.of(source);
        this.stats = stats;
    }

    /**
     * The rows of the table {@code source} from the running query that writes it and keeps them
     * in its stores ({@link PersistentQuery#storeRows}): among {@code feeding} (the queries feeding
     * the table), the one whose sink it is. Waits (until the time bound) for its stores to be
     * queryable, as after a restart while they restore from their changelogs; empty when no query
     * materializes the table or its store cannot be read (the query failed, or the wait ran out):
     * then the caller reads the topic.
     */
    static Optional<PullRows> of(DataSource source, List<PersistentQuery> feeding, Time time, long waitMs,
                                 PullQueryStats stats) {
        PersistentQuery writer = null;
        for (PersistentQuery q : feeding) {
            if (q.sink().name().equals(source.name()) && q.materializes()) {
                writer = q;
            }
        }
        if (writer == null) {
            return Optional.empty();
        }
        long deadline = time.milliseconds() + waitMs;
        while (true) {
            try {
                return Optional.of(writer.storeRows(source, stats));
            } catch (InvalidStateStoreException e) {
                if (!writer.state().equals("RUNNING") || time.milliseconds() >= deadline) {
                    LOG.log(System.Logger.Level.WARNING, "pull query on " + source.name() + " reads the topic: the store of "
                            + writer.id() + " is not queryable (" + e.getMessage() + ")");
                    return Optional.empty();
                }
            }
            try {
                time.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    @Override
    public void read(Optional<List<KeyConstraints.Lookup>> lookups, Visitor visitor) {
        if (lookups.isEmpty()) {
            stats.storeScan();
            try (KeyValueIterator<Bytes, ValueAndTimestamp<byte[]>> it = view.all()) {
                while (it.hasNext()) {
                    KeyValue<Bytes, ValueAndTimestamp<byte[]>> kv = it.next();
                    if (!visit(kv.key().get(), kv.value(), visitor)) {
                        return;
                    }
                }
            }
            return;
        }
        stats.storeLookup();
        Set<ByteBuffer> seen = new HashSet<>();
        Optional<SourceFormats.KeyWindow> window = source.formats().window();
        for (KeyConstraints.Lookup lookup : lookups.get()) {
            byte[] key = codec.innerKeyBytes(source.topic(), lookup.key());
            if (key == null) {
                continue;
            }
            if (window.isEmpty()) {
                ValueAndTimestamp<byte[]> value = view.get(Bytes.wrap(key));
                if (value != null && seen.add(ByteBuffer.wrap(key)) && !visit(key, value, visitor)) {
                    return;
                }
                continue;
            }
            try (KeyValueIterator<Bytes, ValueAndTimestamp<byte[]>> it = view.range(from(key, window.get(), lookup),
                    to(key, window.get(), lookup))) {
                while (it.hasNext()) {
                    KeyValue<Bytes, ValueAndTimestamp<byte[]>> kv = it.next();
                    if (seen.add(ByteBuffer.wrap(kv.key().get())) && !visit(kv.key().get(), kv.value(), visitor)) {
                        return;
                    }
                }
            }
        }
    }

    private static boolean visit(byte[] key, ValueAndTimestamp<byte[]> value, Visitor visitor) {
        return visitor.visit(key, value.value(), value.timestamp(), 0, -1);
    }

    private static boolean bounded(SourceFormats.KeyWindow window, KeyConstraints.Lookup lookup) {
        return window.kind() != SourceFormats.KeyWindow.Kind.SESSION && lookup.startFrom() >= 0;
    }

    private static Bytes from(byte[] key, SourceFormats.KeyWindow window, KeyConstraints.Lookup lookup) {
        if (bounded(window, lookup)) {
            return Bytes.wrap(WindowedSerdes.timeWindowedBytes(key, lookup.startFrom()));
        }
        return Bytes.wrap(Arrays.copyOf(key, key.length + suffix(window)));
    }

    private static Bytes to(byte[] key, SourceFormats.KeyWindow window, KeyConstraints.Lookup lookup) {
        if (bounded(window, lookup)) {
            return Bytes.wrap(WindowedSerdes.timeWindowedBytes(key, lookup.startTo()));
        }
        byte[] to = Arrays.copyOf(key, key.length + suffix(window));
        Arrays.fill(to, key.length, to.length, (byte) 0xff);
        return Bytes.wrap(to);
    }

    /** Bytes of the window after the key: the start, or the end and start of a session. */
    private static int suffix(SourceFormats.KeyWindow window) {
        return window.kind() == SourceFormats.KeyWindow.Kind.SESSION ? 16 : 8;
    }
}
