package io.runnel.state.internal.wrap;

import io.runnel.common.Serializer;
import io.runnel.state.Bytes;
import io.runnel.state.ChangelogWriter;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import java.util.List;

/**
 * Sends every write of the inner byte store to the store's changelog (after the write succeeded),
 * stamped with the current record timestamp; a delete is logged as a tombstone. Reads pass through.
 * Threading: the stream thread writes.
 */
public final class ChangeLoggingKeyValueBytesStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
        implements KeyValueStore<Bytes, byte[]> {
    private ChangelogWriter changelog;
    private StateStoreContext context;

    public ChangeLoggingKeyValueBytesStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        this.changelog = context.changelogWriter(name());
        super.init(context, root);
    }

    @Override
    public void put(Bytes key, byte[] value) {
        wrapped().put(key, value);
        changelog.log(key, value, context.recordTimestamp());
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] previous = wrapped().putIfAbsent(key, value);
        if (previous == null) {
            changelog.log(key, value, context.recordTimestamp());
        }
        return previous;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        wrapped().putAll(entries);
        long ts = context.recordTimestamp();
        for (KeyValue<Bytes, byte[]> e : entries) {
            changelog.log(e.key(), e.value(), ts);
        }
    }

    /** Writes flushed cache entries, each logged with its own timestamp. */
    void putAllWithTimestamps(List<KeyValue<Bytes, byte[]>> entries, long[] timestamps) {
        wrapped().putAll(entries);
        for (int i = 0; i < entries.size(); i++) {
            changelog.log(entries.get(i).key(), entries.get(i).value(), timestamps[i]);
        }
    }

    @Override
    public byte[] delete(Bytes key) {
        byte[] old = wrapped().delete(key);
        changelog.log(key, null, context.recordTimestamp());
        return old;
    }

    @Override
    public byte[] get(Bytes key) {
        return wrapped().get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return wrapped().reverseAll();
    }

    @Override
    public <P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, Serializer<P> prefixKeySerializer) {
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }
}
