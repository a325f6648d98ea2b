package io.runnel.sql.internal.serde;

import io.runnel.sql.internal.row.Row;

/**
 * A key of a windowed source or aggregate: the key columns and the window. For time windows
 * (tumbling, hopping) {@code end = start + size}, exclusive; for sessions both are the first and
 * last record times of the session, inclusive. {@code key} may be null (a null key).
 */
public record WindowedKey(Row key, long start, long end) {

    public WindowedKey {
        if (end < start) throw new IllegalArgumentException("window end " + end + " < start " + start);
    }
}
