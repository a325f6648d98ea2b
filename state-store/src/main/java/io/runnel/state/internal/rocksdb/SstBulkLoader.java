package io.runnel.state.internal.rocksdb;

import io.runnel.state.ProcessorStateException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rocksdb.EnvOptions;
import org.rocksdb.IngestExternalFileOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileWriter;

/**
 * Loads a {@link RestoreChunk} into a RocksDB instance as one table file: the chunk's records in
 * key order, the last of each key (a tombstone as a deletion entry), written with an
 * {@link SstFileWriter} and added with {@code ingestExternalFile}. Ingestion gives the file a
 * sequence number above everything already in the instance, so a later chunk's record of a key
 * wins over an earlier chunk's, exactly as the changelog's later write wins; the memtable is
 * flushed first when it overlaps the file. No memtable insert, no write-ahead log, no flush.
 *
 * <p>Files: {@code <storeDir>/bulk-load/chunk-<n>.sst}, {@code n} counting the chunks of this
 * loader. The store directory's own files are RocksDB's; it ignores the subdirectory. Crash
 * protocol (the checkpoint of the store is only written after the whole restore and a flush, so a
 * crash at any step restores again from the previous checkpoint, which converges because replaying
 * the changelog in order rewrites every key to its latest value):
 * <ol>
 * <li>write {@code chunk-<n>.sst} and sync it. Crash: a partial or complete file in
 *     {@code bulk-load}, never part of the instance; {@link #deleteLeftovers} (at open) removes
 *     it.</li>
 * <li>ingest: RocksDB moves (hard-links) the file into the instance and records it in its
 *     manifest atomically. Crash before the manifest write: as in step 1; after: the records are
 *     in the instance (and replayed again, harmlessly).</li>
 * <li>delete {@code chunk-<n>.sst} if it is still there (the ingested copy is RocksDB's own
 *     link). Crash: as in step 1.</li>
 * </ol>
 * Threading: the stream thread that restores; the caller holds the store's shared lock.
 */
final class SstBulkLoader implements AutoCloseable {
    static final String DIRECTORY = "bulk-load";

    private final Path directory;
    private final Options options;
    private final EnvOptions envOptions = new EnvOptions();
    private final IngestExternalFileOptions ingestOptions = new IngestExternalFileOptions()
            .setMoveFiles(true)
            .setAllowGlobalSeqNo(true)
            .setAllowBlockingFlush(true);
    private long chunks;

    /** A loader writing into {@code storeDir/bulk-load} with the instance's options. */
    SstBulkLoader(Path storeDir, Options options) {
        this.directory = storeDir.resolve(DIRECTORY);
        this.options = options;
    }

    /** Removes what a crash during a bulk load left behind (step 1 or 3 above). */
    static void deleteLeftovers(Path storeDir) {
        RocksDBStore.deleteRecursively(storeDir.resolve(DIRECTORY));
    }

    /** Writes the chunk as a table file and ingests it into {@code db}; an empty chunk is a no-op. */
    void load(RestoreChunk chunk, RocksDB db) throws RocksDBException {
        if (chunk.isEmpty()) {
            return;
        }
        int[] order = chunk.keyOrder();
        Path file = directory.resolve("chunk-" + chunks++ + ".sst");
        try {
            Files.createDirectories(directory);
            write(chunk, order, file);
            db.ingestExternalFile(List.of(file.toString()), ingestOptions);
        } catch (IOException e) {
            throw new ProcessorStateException("cannot write bulk-load file " + file, e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover chunk file is removed when the store opens next
            }
        }
    }

    private void write(RestoreChunk chunk, int[] order, Path file) throws RocksDBException {
        ByteBuffer key = chunk.arena().duplicate();
        ByteBuffer value = chunk.arena().duplicate();
        try (SstFileWriter writer = new SstFileWriter(envOptions, options)) {
            writer.open(file.toString());
            for (int record : order) {
                if (chunk.isTombstone(record)) {
                    writer.delete(chunk.key(record));
                } else {
                    window(key, chunk.keyOffset(record), chunk.keyLength(record));
                    window(value, chunk.valueOffset(record), chunk.valueLength(record));
                    writer.put(key, value);
                }
            }
            writer.finish();
        }
    }

    private static void window(ByteBuffer view, int offset, int length) {
        view.clear();
        view.position(offset).limit(offset + length);
    }

    @Override
    public void close() {
        ingestOptions.close();
        envOptions.close();
    }
}
