package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.ThreadCache;
import java.util.List;
import java.util.Map;

/**
 * Reads a key range of a cache namespace lazily, {@value #CHUNK} entries at a time, each chunk
 * continuing after the last key read: a range read copies only what its reader consumes. Weakly
 * consistent, as the stores' own iterators: entries written behind the cursor are not seen.
 */
final class CacheCursor {
    static final int CHUNK = 128;

    private final ThreadCache cache;
    private final String namespace;
    private final Bytes from;
    private final Bytes to;
    private final boolean forward;
    private List<Map.Entry<Bytes, ThreadCache.Entry>> chunk = List.of();
    private int i;
    private Bytes last;
    private boolean exhausted;

    CacheCursor(ThreadCache cache, String namespace, Bytes from, Bytes to, boolean forward) {
        this.cache = cache;
        this.namespace = namespace;
        this.from = from;
        this.to = to;
        this.forward = forward;
    }

    /** The next entry without consuming it, or null at the end. */
    Map.Entry<Bytes, ThreadCache.Entry> peek() {
        if (i < chunk.size()) {
            return chunk.get(i);
        }
        if (exhausted) {
            return null;
        }
        if (forward) {
            chunk = last == null
                    ? cache.range(namespace, from, true, to, true, true, CHUNK)
                    : cache.range(namespace, last, false, to, true, true, CHUNK);
        } else {
            chunk = last == null
                    ? cache.range(namespace, from, true, to, true, false, CHUNK)
                    : cache.range(namespace, from, true, last, false, false, CHUNK);
        }
        i = 0;
        if (chunk.size() < CHUNK) {
            exhausted = true;
        }
        return chunk.isEmpty() ? null : chunk.get(0);
    }

    /** Consumes the entry {@link #peek()} returned. */
    void advance() {
        last = chunk.get(i++).getKey();
    }
}
