package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.SessionStore;
import io.runnel.state.Window;
import io.runnel.state.Windowed;
import io.runnel.state.internal.segmented.SessionKeySchema;

/**
 * The caching layer of session stores (see {@link CachingWindowedStore}): cache keys are
 * {@link SessionKeySchema} keys, segments follow the session end.
 */
public final class CachingSessionStore extends CachingWindowedStore<SessionStore<Bytes, byte[]>>
        implements SessionStore<Bytes, byte[]> {

    public CachingSessionStore(SessionStore<Bytes, byte[]> inner, long segmentInterval) {
        super(inner, segmentInterval);
    }

    @Override
    protected Bytes cacheKey(Windowed<Bytes> session) {
        return SessionKeySchema.toStoreKey(session);
    }

    @Override
    protected Windowed<Bytes> windowedKey(byte[] cacheKey) {
        return SessionKeySchema.windowed(cacheKey);
    }

    @Override
    protected long segmentTime(byte[] cacheKey) {
        return SessionKeySchema.end(cacheKey);
    }

    @Override
    protected byte[] stored(Windowed<Bytes> session) {
        return wrapped().fetchSession(session.key(), session.window().start(), session.window().end());
    }

    @Override
    protected void writeThrough(Windowed<Bytes> session, byte[] aggregate) {
        wrapped().put(session, aggregate);
    }

    @Override
    protected void writeFlushed(Windowed<Bytes> session, byte[] aggregate, long timestamp) {
        if (wrapped() instanceof ChangeLoggingSessionBytesStore logging) {
            logging.put(session, aggregate, timestamp);
        } else {
            wrapped().put(session, aggregate);
        }
    }

    @Override
    public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
        write(sessionKey, aggregate);
    }

    @Override
    public void remove(Windowed<Bytes> sessionKey) {
        put(sessionKey, null);
    }

    @Override
    public byte[] fetchSession(Bytes key, long sessionStartTime, long sessionEndTime) {
        return read(new Windowed<>(key, new Window(sessionStartTime, sessionEndTime)));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
        return findSessions(key, 0, Long.MAX_VALUE);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
        return findSessions(keyFrom, keyTo, 0, Long.MAX_VALUE);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        return merged(wrapped().findSessions(key, earliestSessionEndTime, latestSessionStartTime), lower(key), upper(key),
                w -> w.key().equals(key) && w.window().end() >= earliestSessionEndTime
                        && w.window().start() <= latestSessionStartTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo, long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        return merged(wrapped().findSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime),
                lower(keyFrom), upper(keyTo),
                w -> (keyFrom == null || w.key().compareTo(keyFrom) >= 0) && (keyTo == null || w.key().compareTo(keyTo) <= 0)
                        && w.window().end() >= earliestSessionEndTime && w.window().start() <= latestSessionStartTime);
    }

    /** The inner store's lowest key of {@code key}'s sessions (then the exact filter); null = unbounded. */
    private static Bytes lower(Bytes key) {
        return key == null ? null : SessionKeySchema.toStoreKey(new Windowed<>(key, new Window(0, 0)));
    }

    private static Bytes upper(Bytes key) {
        return key == null ? null : SessionKeySchema.toStoreKey(new Windowed<>(key, new Window(Long.MAX_VALUE, Long.MAX_VALUE)));
    }
}
