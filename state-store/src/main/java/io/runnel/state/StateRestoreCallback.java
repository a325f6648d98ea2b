package io.runnel.state;

import java.util.List;

/**
 * Writes changelog records back into a store's byte layer during restore, a batch at a time
 * (stores apply a batch with one write batch). Keys and values are exactly the bytes the
 * store logged; a null value is a delete.
 */
@FunctionalInterface
public interface StateRestoreCallback {

    void restoreBatch(List<KeyValue<byte[], byte[]>> records);
}
