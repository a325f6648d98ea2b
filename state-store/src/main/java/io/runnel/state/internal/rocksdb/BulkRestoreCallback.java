package io.runnel.state.internal.rocksdb;

import io.runnel.state.KeyValue;
import io.runnel.state.StateRestoreCallback;
import java.util.List;

/**
 * The restore callback of a {@link RocksDBStore}: between {@link #onRestoreStart()} and
 * {@link #onRestoreEnd()} it buffers the changelog records in a {@link RestoreChunk} and, each
 * time the chunk is full and once at the end, loads it as one table file with an
 * {@link SstBulkLoader} (sorted, one record per key, the last one). A record larger than a whole
 * chunk is written directly after the chunk before it is loaded, which keeps the changelog's
 * order. Batches that arrive outside a restore (no start call) are written directly with a write
 * batch. Threading: the restoring stream thread.
 */
final class BulkRestoreCallback implements StateRestoreCallback {
    /** The first arena allocation of a restore; it doubles up to the chunk's maximum. */
    static final int INITIAL_CHUNK_BYTES = 1 << 20;

    private final RocksDBStore store;
    private final RocksDBStore.RestoreChunking chunking;
    private RestoreChunk chunk;
    private SstBulkLoader loader;

    BulkRestoreCallback(RocksDBStore store, RocksDBStore.RestoreChunking chunking) {
        this.store = store;
        this.chunking = chunking;
    }

    @Override
    public void onRestoreStart() {
        store.bulkLoading(true);
        chunk = new RestoreChunk(Math.min(INITIAL_CHUNK_BYTES, chunking.maxBytes()), chunking.maxBytes(),
                chunking.maxRecords());
        loader = store.bulkLoader();
    }

    @Override
    public void restoreBatch(List<KeyValue<byte[], byte[]>> records) {
        if (chunk == null) {
            store.write(records);
            return;
        }
        for (KeyValue<byte[], byte[]> r : records) {
            if (!chunk.add(r.key(), r.value())) {
                loadChunk();
                if (!chunk.add(r.key(), r.value())) {
                    store.write(List.of(r));
                }
            }
        }
    }

    private void loadChunk() {
        store.ingest(chunk, loader);
        chunk.clear();
    }

    @Override
    public void onRestoreEnd() {
        if (chunk == null) {
            return;
        }
        try {
            if (store.isOpen()) {
                loadChunk();
            }
        } finally {
            loader.close();
            loader = null;
            chunk = null;
            store.bulkLoading(false);
        }
    }
}
