package io.runnel.state;

/**
 * Read access to a session store. Sessions of one key are returned in ascending end-time order.
 * Iterators must be closed.
 */
public interface ReadOnlySessionStore<K, AGG> {

    /** Every session of the key. */
    KeyValueIterator<Windowed<K>, AGG> fetch(K key);

    /** Every session of keys in {@code [keyFrom, keyTo]} (null = unbounded). */
    KeyValueIterator<Windowed<K>, AGG> fetch(K keyFrom, K keyTo);

    /**
     * Sessions of the key that end at or after {@code earliestSessionEndTime} and start at or
     * before {@code latestSessionStartTime}: the sessions a new record may merge with.
     */
    KeyValueIterator<Windowed<K>, AGG> findSessions(K key, long earliestSessionEndTime, long latestSessionStartTime);

    KeyValueIterator<Windowed<K>, AGG> findSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                    long latestSessionStartTime);

    /** The aggregate of exactly that session, or null. */
    AGG fetchSession(K key, long sessionStartTime, long sessionEndTime);
}
