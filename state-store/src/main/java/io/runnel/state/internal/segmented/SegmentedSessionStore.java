package io.runnel.state.internal.segmented;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.SessionStore;
import io.runnel.state.Windowed;
import io.runnel.state.internal.EmptyIterator;

/**
 * A session byte store over time {@link Segments} of session end times, keys laid out by
 * {@link SessionKeySchema}. Sessions ending before the retention horizon are dropped.
 * Threading: the stream thread writes; readers may iterate concurrently.
 */
public final class SegmentedSessionStore extends SegmentedBytesStore implements SessionStore<Bytes, byte[]> {
    private static final long MAX = Long.MAX_VALUE;

    public SegmentedSessionStore(String name, Segments segments) {
        super(name, segments);
    }

    @Override
    long segmentTime(byte[] storeKey) {
        return SessionKeySchema.end(storeKey);
    }

    @Override
    public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
        state.check();
        KeyValueStore<Bytes, byte[]> segment = segments.segmentForWrite(sessionKey.window().end());
        if (segment != null) {
            segment.put(SessionKeySchema.toStoreKey(sessionKey), aggregate);
        }
    }

    @Override
    public void remove(Windowed<Bytes> sessionKey) {
        put(sessionKey, null);
    }

    @Override
    public byte[] fetchSession(Bytes key, long sessionStartTime, long sessionEndTime) {
        state.check();
        if (sessionEndTime < segments.minLiveTimestamp()) {
            return null;
        }
        KeyValueStore<Bytes, byte[]> segment = segments.segment(sessionEndTime);
        return segment == null ? null : segment.get(SessionKeySchema.toStoreKey(key.get(), sessionEndTime, sessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
        return findSessions(key, 0, MAX);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
        return findSessions(keyFrom, keyTo, 0, MAX);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        state.check();
        long earliestEnd = Math.max(earliestSessionEndTime, segments.minLiveTimestamp());
        byte[] k = key.get();
        Bytes lower = SessionKeySchema.toStoreKey(k, Math.max(0, earliestEnd), 0);
        Bytes upper = SessionKeySchema.toStoreKey(k, MAX, MAX);
        return iterators.add(new SegmentIterator<>(segments.segments(earliestEnd, MAX, true),
                s -> s.range(lower, upper),
                b -> SessionKeySchema.keyEquals(b.get(), k)
                        && SessionKeySchema.end(b.get()) >= earliestEnd
                        && SessionKeySchema.start(b.get()) <= latestSessionStartTime,
                kv -> new KeyValue<>(SessionKeySchema.windowed(kv.key().get()), kv.value()), iterators));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo, long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        state.check();
        if (keyFrom != null && keyTo != null && keyFrom.compareTo(keyTo) > 0) {
            return EmptyIterator.instance();
        }
        long earliestEnd = Math.max(earliestSessionEndTime, segments.minLiveTimestamp());
        Bytes lower = keyFrom == null ? null : SessionKeySchema.toStoreKey(keyFrom.get(), Math.max(0, earliestEnd), 0);
        Bytes upper = keyTo == null ? null : SessionKeySchema.toStoreKey(keyTo.get(), MAX, MAX);
        return iterators.add(new SegmentIterator<>(segments.segments(earliestEnd, MAX, true),
                s -> s.range(lower, upper),
                b -> {
                    byte[] sk = b.get();
                    if (SessionKeySchema.end(sk) < earliestEnd || SessionKeySchema.start(sk) > latestSessionStartTime) {
                        return false;
                    }
                    Bytes k = SessionKeySchema.windowed(sk).key();
                    return (keyFrom == null || k.compareTo(keyFrom) >= 0) && (keyTo == null || k.compareTo(keyTo) <= 0);
                },
                kv -> new KeyValue<>(SessionKeySchema.windowed(kv.key().get()), kv.value()), iterators));
    }
}
