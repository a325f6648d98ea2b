package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.ChangelogWriter;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.SessionStore;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.Windowed;
import io.runnel.state.internal.segmented.SessionKeySchema;

/** Logs every session-store write to the changelog, keys laid out as {@link SessionKeySchema}. */
public final class ChangeLoggingSessionBytesStore extends WrappedStateStore<SessionStore<Bytes, byte[]>>
        implements SessionStore<Bytes, byte[]> {
    private ChangelogWriter changelog;
    private StateStoreContext context;

    public ChangeLoggingSessionBytesStore(SessionStore<Bytes, byte[]> wrapped) {
        super(wrapped);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        this.changelog = context.changelogWriter(name());
        super.init(context, root);
    }

    @Override
    public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
        put(sessionKey, aggregate, context.recordTimestamp());
    }

    /** A put logged with the given record timestamp (flushed cache entries keep their own). */
    void put(Windowed<Bytes> sessionKey, byte[] aggregate, long timestamp) {
        wrapped().put(sessionKey, aggregate);
        changelog.log(SessionKeySchema.toStoreKey(sessionKey), aggregate, timestamp);
    }

    @Override
    public void remove(Windowed<Bytes> sessionKey) {
        wrapped().remove(sessionKey);
        changelog.log(SessionKeySchema.toStoreKey(sessionKey), null, context.recordTimestamp());
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
        return wrapped().fetch(key);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
        return wrapped().fetch(keyFrom, keyTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        return wrapped().findSessions(key, earliestSessionEndTime, latestSessionStartTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo, long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        return wrapped().findSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime);
    }

    @Override
    public byte[] fetchSession(Bytes key, long sessionStartTime, long sessionEndTime) {
        return wrapped().fetchSession(key, sessionStartTime, sessionEndTime);
    }
}
