package io.runnel.state;

/**
 * A store of session aggregates keyed by key and session window {@code [start, end]}, kept for a
 * retention period measured on session end times (segmented by end time as window stores are).
 */
public interface SessionStore<K, AGG> extends StateStore, ReadOnlySessionStore<K, AGG> {

    /** Puts the aggregate of a session; a null aggregate removes it. */
    void put(Windowed<K> sessionKey, AGG aggregate);

    void remove(Windowed<K> sessionKey);
}
