package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.CachedStateStore;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.SessionStore;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.ThreadCache;
import io.runnel.state.Windowed;
import io.runnel.state.internal.StoreState;
import io.runnel.state.internal.segmented.SessionKeySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The caching layer of session stores, as {@link CachingWindowStore}: writes are absorbed in the
 * thread cache under their {@link SessionKeySchema} store key and forwarded with the latest
 * aggregate on flush or eviction; reads merge the cache with the inner store in its order
 * (segment of the session end, then store key). Threading: the stream thread writes.
 */
public final class CachingSessionStore extends WrappedStateStore<SessionStore<Bytes, byte[]>>
        implements SessionStore<Bytes, byte[]>, CachedStateStore<Windowed<Bytes>, byte[]> {
    private final long segmentInterval;
    private final StoreState state;
    private ThreadCache cache;
    private String namespace;
    private StateStoreContext context;
    private CacheFlushListener<Windowed<Bytes>, byte[]> listener;
    private boolean sendOldValues;

    public CachingSessionStore(SessionStore<Bytes, byte[]> inner, long segmentInterval) {
        super(inner);
        this.segmentInterval = segmentInterval;
        this.state = new StoreState(inner.name());
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        this.namespace = context.taskId() + "." + name();
        ThreadCache c = context.cache();
        this.cache = c != null && c.maxBytes() > 0 ? c : null;
        if (cache != null) {
            cache.addDirtyEntryFlushListener(namespace, this::flushEntries);
        }
        super.init(context, root);
        state.opened();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Windowed<Bytes>, byte[]> listener, boolean sendOldValues) {
        this.listener = listener;
        this.sendOldValues = sendOldValues;
        return true;
    }

    private void flushEntries(List<ThreadCache.DirtyEntry> entries) {
        for (ThreadCache.DirtyEntry e : entries) {
            Windowed<Bytes> session = SessionKeySchema.windowed(e.key().get());
            byte[] old = e.value() == null || (sendOldValues && listener != null)
                    ? wrapped().fetchSession(session.key(), session.window().start(), session.window().end()) : null;
            if (e.value() == null && old == null) {
                continue;
            }
            if (!sendOldValues) {
                old = null;
            }
            if (wrapped() instanceof ChangeLoggingSessionBytesStore logging) {
                logging.put(session, e.value(), e.timestamp());
            } else {
                wrapped().put(session, e.value());
            }
            if (listener != null) {
                listener.apply(session, e.value(), old, e.timestamp());
            }
        }
    }

    @Override
    public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
        state.check();
        if (cache == null) {
            Windowed<Bytes> s = sessionKey;
            byte[] old = listener != null && sendOldValues
                    ? wrapped().fetchSession(s.key(), s.window().start(), s.window().end()) : null;
            wrapped().put(sessionKey, aggregate);
            if (listener != null) {
                listener.apply(sessionKey, aggregate, old, context.recordTimestamp());
            }
        } else {
            cache.put(namespace, SessionKeySchema.toStoreKey(sessionKey),
                    new ThreadCache.Entry(aggregate, true, context.recordTimestamp()));
        }
    }

    @Override
    public void remove(Windowed<Bytes> sessionKey) {
        put(sessionKey, null);
    }

    @Override
    public byte[] fetchSession(Bytes key, long sessionStartTime, long sessionEndTime) {
        state.check();
        if (cache != null) {
            ThreadCache.Entry e = cache.get(namespace,
                    SessionKeySchema.toStoreKey(new Windowed<>(key, new io.runnel.state.Window(sessionStartTime, sessionEndTime))));
            if (e != null) {
                return e.value();
            }
        }
        return wrapped().fetchSession(key, sessionStartTime, sessionEndTime);
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
        return merged(wrapped().findSessions(key, earliestSessionEndTime, latestSessionStartTime), key, key,
                w -> w.key().equals(key) && w.window().end() >= earliestSessionEndTime
                        && w.window().start() <= latestSessionStartTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo, long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        return merged(wrapped().findSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime), keyFrom, keyTo,
                w -> (keyFrom == null || w.key().compareTo(keyFrom) >= 0) && (keyTo == null || w.key().compareTo(keyTo) <= 0)
                        && w.window().end() >= earliestSessionEndTime && w.window().start() <= latestSessionStartTime);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> merged(KeyValueIterator<Windowed<Bytes>, byte[]> stored,
                                                             Bytes keyFrom, Bytes keyTo, Predicate<Windowed<Bytes>> wanted) {
        state.check();
        if (cache == null) {
            return stored;
        }
        List<KeyValue<Bytes, byte[]>> cached = new ArrayList<>();
        // the inner store's key bounds (then the exact filter); the whole namespace when unbounded
        Bytes lower = keyFrom == null ? null
                : SessionKeySchema.toStoreKey(new Windowed<>(keyFrom, new io.runnel.state.Window(0, 0)));
        Bytes upper = keyTo == null ? null : SessionKeySchema.toStoreKey(
                new Windowed<>(keyTo, new io.runnel.state.Window(Long.MAX_VALUE, Long.MAX_VALUE)));
        for (Map.Entry<Bytes, ThreadCache.Entry> e : cache.range(namespace, lower, upper, true)) {
            if (wanted.test(SessionKeySchema.windowed(e.getKey().get()))) {
                cached.add(new KeyValue<>(e.getKey(), e.getValue().value()));
            }
        }
        cached.sort((a, b) -> {
            int c = Long.compare(SessionKeySchema.end(a.key().get()) / segmentInterval,
                    SessionKeySchema.end(b.key().get()) / segmentInterval);
            return c != 0 ? c : a.key().compareTo(b.key());
        });
        return new MergedCacheIterator<>(cached, stored, true, kv -> SessionKeySchema.toStoreKey(kv.key()),
                kv -> new KeyValue<>(SessionKeySchema.windowed(kv.key().get()), kv.value()), segmentInterval,
                SessionKeySchema::end);
    }

    @Override
    public void flush() {
        state.check();
        if (cache != null) {
            cache.flush(namespace);
        }
        wrapped().flush();
    }

    @Override
    public void close() {
        if (!state.isOpen()) {
            return;
        }
        try {
            if (cache != null) {
                cache.flush(namespace);
            }
        } finally {
            state.closed();
            if (cache != null) {
                cache.close(namespace);
            }
            wrapped().close();
        }
    }

    @Override
    public boolean isOpen() {
        return state.isOpen();
    }
}
