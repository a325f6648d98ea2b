package io.runnel.state;

import java.util.List;

/**
 * Writes changelog records back into a store's byte layer during restore, a batch at a time
 * (stores apply a batch with one write batch). Keys and values are exactly the bytes the
 * store logged; a null value is a delete.
 */
public interface StateRestoreCallback {

    void restoreBatch(List<KeyValue<byte[], byte[]>> records);

    /** Called before the first batch of a restore (a RocksDB store switches to bulk loading). */
    default void onRestoreStart() {
    }

    /** Called after the last batch of a restore, also when it failed (back to normal writing). */
    default void onRestoreEnd() {
    }
}
