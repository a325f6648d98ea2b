package io.runnel.state.internal.rocksdb;

import io.runnel.state.RocksDBResources;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.WriteOptions;

/**
 * The native option objects of one RocksDB instance, all closed together with the instance.
 *
 * <p>Choices (those of Kafka Streams' RocksDB stores): the process-wide block cache and write
 * buffer manager of {@link RocksDBResources} (so memory is bounded however many stores are open),
 * index and filter blocks in that cache with high priority and top-level index/filter pinned,
 * 4 KiB blocks with a Bloom filter (10 bits/key), 16 MiB memtables (at most 3), universal
 * compaction, no compression, write-ahead log disabled (the changelog is the durable copy; a store
 * flushes its memtables on every commit), all table files kept open ({@code max_open_files=-1},
 * which also validates every table when the store opens), info log at WARN level.
 */
public final class RocksDBStoreOptions implements AutoCloseable {
    static final long WRITE_BUFFER_SIZE = 16L * 1024 * 1024;
    static final int MAX_WRITE_BUFFERS = 3;
    static final long BLOCK_SIZE = 4096;

    final Options options;
    final WriteOptions writeOptions;
    final ReadOptions readOptions;
    final FlushOptions flushOptions;
    final FlushOptions asyncFlushOptions;
    private final BloomFilter filter;
    private final BlockBasedTableConfig tableConfig;

    public RocksDBStoreOptions(RocksDBResources resources) {
        filter = new BloomFilter(10, false);
        tableConfig = new BlockBasedTableConfig()
                .setBlockCache(resources.blockCache())
                .setBlockSize(BLOCK_SIZE)
                .setFilterPolicy(filter)
                .setCacheIndexAndFilterBlocks(true)
                .setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinTopLevelIndexAndFilter(true);
        options = new Options()
                .setCreateIfMissing(true)
                .setErrorIfExists(false)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(2)
                .setStatsDumpPeriodSec(0)
                .setWriteBufferManager(resources.writeBufferManager())
                .setTableFormatConfig(tableConfig)
                .setWriteBufferSize(WRITE_BUFFER_SIZE)
                .setMaxWriteBufferNumber(MAX_WRITE_BUFFERS)
                .setCompactionStyle(CompactionStyle.UNIVERSAL)
                .setCompressionType(CompressionType.NO_COMPRESSION)
                .setMaxBackgroundJobs(2)
                .setMaxOpenFiles(-1);
        writeOptions = new WriteOptions().setDisableWAL(true);
        readOptions = new ReadOptions();
        flushOptions = new FlushOptions().setWaitForFlush(true);
        asyncFlushOptions = new FlushOptions().setWaitForFlush(false);
    }

    @Override
    public void close() {
        flushOptions.close();
        asyncFlushOptions.close();
        readOptions.close();
        writeOptions.close();
        options.close();
        filter.close();
    }
}
