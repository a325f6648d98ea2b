package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.ChangelogWriter;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.WindowStore;
import io.runnel.state.WindowStoreIterator;
import io.runnel.state.Windowed;
import io.runnel.state.internal.segmented.SegmentedWindowStore;
import io.runnel.state.internal.segmented.WindowKeySchema;
import java.util.List;

/**
 * Logs every window-store write to the changelog with the key laid out as
 * {@link WindowKeySchema} (key, window start, sequence number), so that restore rebuilds the
 * same entries. Reads pass through.
 */
public final class ChangeLoggingWindowBytesStore extends WrappedStateStore<WindowStore<Bytes, byte[]>>
        implements WindowStore<Bytes, byte[]> {
    private ChangelogWriter changelog;
    private StateStoreContext context;
    private SegmentedWindowStore inner;

    public ChangeLoggingWindowBytesStore(WindowStore<Bytes, byte[]> wrapped) {
        super(wrapped);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        this.changelog = context.changelogWriter(name());
        this.inner = find(wrapped(), SegmentedWindowStore.class);
        super.init(context, root);
    }

    @Override
    public void put(Bytes key, byte[] value, long windowStartTime) {
        put(key, value, windowStartTime, context.recordTimestamp());
    }

    /** A put logged with the given record timestamp (flushed cache entries keep their own). */
    void put(Bytes key, byte[] value, long windowStartTime, long timestamp) {
        wrapped().put(key, value, windowStartTime);
        boolean duplicates = inner != null && inner.retainDuplicates();
        if (duplicates && value == null) {
            return;
        }
        int seq = inner == null ? 0 : inner.lastSequence();
        changelog.log(WindowKeySchema.toStoreKey(key, windowStartTime, seq), value, timestamp);
    }

    /**
     * Writes flushed cache entries (keys laid out by {@link WindowKeySchema} with sequence number
     * 0, each with its record timestamp) in write batches when the inner store is a segmented one
     * without duplicates, else one by one; then logs them in order.
     */
    void putAllFlushed(List<KeyValue<Bytes, byte[]>> storeKeyed, long[] timestamps) {
        if (inner != null && !inner.retainDuplicates() && wrapped() == inner) {
            inner.putAll(storeKeyed);
        } else {
            for (KeyValue<Bytes, byte[]> e : storeKeyed) {
                byte[] k = e.key().get();
                wrapped().put(WindowKeySchema.key(k), e.value(), WindowKeySchema.timestamp(k));
            }
        }
        for (int i = 0; i < storeKeyed.size(); i++) {
            changelog.log(storeKeyed.get(i).key(), storeKeyed.get(i).value(), timestamps[i]);
        }
    }

    @Override
    public byte[] fetch(Bytes key, long windowStartTime) {
        return wrapped().fetch(key, windowStartTime);
    }

    @Override
    public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
        return wrapped().fetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        return wrapped().fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        return wrapped().all();
    }

    @Override
    public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
        return wrapped().backwardFetch(key, timeFrom, timeTo);
    }
}
