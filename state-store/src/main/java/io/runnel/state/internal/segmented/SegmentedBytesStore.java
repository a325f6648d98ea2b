package io.runnel.state.internal.segmented;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueStore;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.internal.OpenIterators;
import io.runnel.state.internal.StoreState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the window and session byte stores share over their time {@link Segments}: the name, the
 * open/closed state, the open iterators, and the store life cycle (open, restore, flush, close).
 * A store key's time (a window's start, a session's end) picks its segment
 * ({@link #segmentTime}); a restore batch is written one segment at a time, each key also going
 * into its segment's written-keys filter when the segments keep one.
 */
abstract class SegmentedBytesStore implements StateStore {
    protected final String name;
    protected final Segments segments;
    protected final StoreState state;
    protected final OpenIterators iterators = new OpenIterators();

    SegmentedBytesStore(String name, Segments segments) {
        this.name = name;
        this.segments = segments;
        this.state = new StoreState(name);
    }

    /** The time of a store key that picks its segment. */
    abstract long segmentTime(byte[] storeKey);

    /** Called when the store opens, before it registers for restore (resets per-instance state). */
    void onOpen() {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        segments.open(context);
        onOpen();
        state.opened();
        context.register(root, this::restore);
    }

    private void restore(List<KeyValue<byte[], byte[]>> records) {
        Map<KeyValueStore<Bytes, byte[]>, List<KeyValue<Bytes, byte[]>>> bySegment = new LinkedHashMap<>();
        for (KeyValue<byte[], byte[]> r : records) {
            long time = segmentTime(r.key());
            KeyValueStore<Bytes, byte[]> segment = segments.segmentForWrite(time);
            if (segment != null) {
                segments.written(time, r.key());
                bySegment.computeIfAbsent(segment, s -> new ArrayList<>()).add(new KeyValue<>(Bytes.wrap(r.key()), r.value()));
            }
        }
        bySegment.forEach((segment, batch) -> {
            if (segment.isOpen()) {
                segment.putAll(batch);
            }
        });
    }

    @Override
    public void flush() {
        state.check();
        segments.flush();
    }

    @Override
    public void close() {
        if (state.isOpen()) {
            state.closed();
            iterators.closeAll();
            segments.close();
        }
    }

    @Override
    public boolean persistent() {
        return segments.persistent();
    }

    @Override
    public boolean isOpen() {
        return state.isOpen();
    }
}
