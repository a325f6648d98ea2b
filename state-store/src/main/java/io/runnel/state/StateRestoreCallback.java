package io.runnel.state;

import java.util.List;

/**
 * Writes changelog records back into a store's byte layer during restore, a batch at a time.
 * Keys and values are exactly the bytes the store logged; a null value is a delete. A store may
 * buffer batches between {@link #onRestoreStart()} and {@link #onRestoreEnd()} (RocksDB stores
 * bulk-load them as sorted table files); everything restored is in the store once
 * {@code onRestoreEnd} returns.
 */
public interface StateRestoreCallback {

    void restoreBatch(List<KeyValue<byte[], byte[]>> records);

    /** Called before the first batch of a restore (a RocksDB store starts to buffer and bulk-load). */
    default void onRestoreStart() {
    }

    /**
     * Called after the last batch of a restore, also when it failed: a buffering store applies
     * what it still holds (a prefix of the changelog, so a failed restore leaves the store as
     * correct as an interrupted one) and goes back to normal writing.
     */
    default void onRestoreEnd() {
    }
}
