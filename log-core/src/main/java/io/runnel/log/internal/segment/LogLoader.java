package io.runnel.log.internal.segment;

import io.runnel.log.internal.record.RecordBatchView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * Opens a partition directory and brings it to a consistent state, as Kafka's LogLoader.
 *
 * <ol>
 *   <li><b>Leftovers of interrupted file operations.</b> {@code *.tmp} (an atomic rewrite that
 *       did not reach its rename) and {@code *.cleaned} (compaction that did not reach its swap)
 *       are deleted. Every {@code B.log.swap} is a finished compacted segment whose swap did not
 *       complete: the segment files with a final name and a base offset in
 *       {@code [B, max(N, B + 1))} (N = the swap's next offset) are its sources and are deleted,
 *       then the swap files are renamed to their final names (an index already renamed is
 *       dropped and rebuilt). A source left behind above N held only records compaction
 *       dropped; keeping it is harmless. {@code *.deleted} files (retention, compaction or
 *       truncation that did not finish deleting) are deleted. Index files without a
 *       {@code .log} are deleted.</li>
 *   <li><b>Segments</b> are opened in offset order; indexes that are missing, not a whole number
 *       of entries or inconsistent are rebuilt from batch headers.</li>
 *   <li><b>Unclean stop</b> (no {@code .clean-shutdown} marker, or no checkpoint): every batch at
 *       or above the checkpoint's recovery point is validated (length, magic, CRC32C, offsets
 *       increasing); the log is truncated at the first invalid byte (torn write, garbage tail,
 *       flipped bit) and every later segment deleted. Batches below the recovery point were
 *       fsynced and are trusted; corruption there is caught by the CRC check on read.</li>
 *   <li>Segments entirely below the checkpoint's log start offset (retention that crashed after
 *       its checkpoint) are deleted.</li>
 *   <li><b>Producer state</b> is loaded from its snapshot and the batches after the snapshot
 *       replayed; without a usable snapshot it is rebuilt from all batch headers.</li>
 * </ol>
 * The caller then fsyncs what recovery kept, deletes the marker and writes a new checkpoint.
 * Runs once, single-threaded, before the log is visible to anyone.
 */
final class LogLoader {
    private static final System.Logger LOG = System.getLogger(LogLoader.class.getName());

    /** What loading found: the segments and offsets to start from. */
    record Loaded(ConcurrentSkipListMap<Long, LogSegment> segments, long logStartOffset, long recoveryPoint,
                  boolean cleanShutdown, long truncatedBytes) {
    }

    private LogLoader() {
    }

    static Loaded load(Path dir, ProducerStateManager producers, int indexIntervalBytes, long nowMs) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create partition directory " + dir, e);
        }
        boolean marker = Files.exists(dir.resolve(LogFiles.CLEAN_SHUTDOWN));
        var checkpoint = PartitionCheckpoint.read(dir);
        boolean clean = marker && checkpoint.isPresent();

        deleteMatching(dir, name -> name.endsWith(".tmp") || name.endsWith(LogFiles.CLEANED_SUFFIX));
        completeSwaps(dir, indexIntervalBytes, nowMs);
        deleteMatching(dir, name -> name.endsWith(LogFiles.DELETED_SUFFIX));
        deleteOrphanIndexes(dir);

        ConcurrentSkipListMap<Long, LogSegment> segments = new ConcurrentSkipListMap<>();
        for (long base : segmentBases(dir, LogFiles.LOG_SUFFIX)) {
            segments.put(base, LogSegment.open(dir, base, indexIntervalBytes, nowMs, ""));
        }

        long logStartOffset = checkpoint.map(PartitionCheckpoint::logStartOffset)
                .orElse(segments.isEmpty() ? 0L : segments.firstKey());
        long recoveryPoint = clean ? checkpoint.get().recoveryPoint() : checkpoint.map(PartitionCheckpoint::recoveryPoint).orElse(0L);
        long truncated = 0;
        if (!clean) {
            truncated = recover(dir, segments, recoveryPoint);
        }
        // Retention that crashed after moving the log start offset but before deleting.
        while (segments.size() > 1 && segments.firstEntry().getValue().nextOffset() <= logStartOffset
                && segments.higherKey(segments.firstKey()) <= logStartOffset) {
            LogSegment s = segments.pollFirstEntry().getValue();
            s.closeAndDelete();
        }
        if (segments.isEmpty()) {
            segments.put(logStartOffset, LogSegment.create(dir, logStartOffset, indexIntervalBytes, nowMs));
        }
        long logEnd = segments.lastEntry().getValue().nextOffset();
        if (logStartOffset > logEnd) {
            // Truncation took back data the checkpoint says was the start: start at the end.
            logStartOffset = logEnd;
        }
        if (logStartOffset < segments.firstKey()) {
            logStartOffset = segments.firstKey();
        }
        loadProducerState(dir, segments, producers, logStartOffset, logEnd);
        return new Loaded(segments, logStartOffset, Math.min(recoveryPoint, logEnd), clean, truncated);
    }

    private static long recover(Path dir, ConcurrentSkipListMap<Long, LogSegment> segments, long recoveryPoint) {
        long truncated = 0;
        long previousNext = 0;
        boolean cut = false;
        List<Long> toDelete = new ArrayList<>();
        for (Map.Entry<Long, LogSegment> e : segments.entrySet()) {
            LogSegment s = e.getValue();
            if (cut) {
                truncated += s.sizeInBytes();
                toDelete.add(e.getKey());
                continue;
            }
            if (s.nextOffset() > recoveryPoint || s.baseOffset() >= recoveryPoint || s.isEmpty()) {
                int t = s.recover(previousNext);
                if (t > 0) {
                    LOG.log(System.Logger.Level.WARNING, "truncated {0} invalid bytes at the end of {1}", t, s.logFile());
                    truncated += t;
                    cut = true;
                }
            }
            previousNext = s.nextOffset();
        }
        for (long base : toDelete) {
            LOG.log(System.Logger.Level.WARNING, "deleting segment {0} of {1}: it follows a truncation", base, dir);
            segments.remove(base).closeAndDelete();
        }
        return truncated;
    }

    private static void loadProducerState(Path dir, ConcurrentSkipListMap<Long, LogSegment> segments,
                                          ProducerStateManager producers, long logStartOffset, long logEnd) {
        long snapshotOffset = ProducerStateSnapshot.read(dir, producers);
        long from;
        if (snapshotOffset < 0 || snapshotOffset > logEnd) {
            producers.clear();
            deleteIfExists(dir.resolve(LogFiles.PRODUCER_SNAPSHOT));
            from = logStartOffset;
        } else {
            from = Math.max(snapshotOffset, logStartOffset);
        }
        Long firstBase = segments.floorKey(from);
        for (LogSegment s : (firstBase == null ? segments : segments.tailMap(firstBase, true)).values()) {
            s.forEachBatch(from, false, h -> replay(producers, h, from));
        }
    }

    private static void replay(ProducerStateManager producers, RecordBatchView h, long from) {
        if (h.hasProducerId() && h.baseOffset() >= from) {
            producers.update(h.producerId(), h.producerEpoch(), h.baseSequence(), h.lastSequence(), h.baseOffset(),
                    h.lastOffset(), h.maxTimestamp());
        }
    }

    private static void completeSwaps(Path dir, int indexIntervalBytes, long nowMs) {
        for (long base : segmentBases(dir, LogFiles.LOG_SUFFIX + LogFiles.SWAP_SUFFIX)) {
            LogSegment swap = LogSegment.open(dir, base, indexIntervalBytes, nowMs, LogFiles.SWAP_SUFFIX);
            long end = Math.max(swap.nextOffset(), base + 1);
            swap.close();
            for (long source : segmentBases(dir, LogFiles.LOG_SUFFIX)) {
                if (source >= base && source < end) {
                    deleteIfExists(LogFiles.logFile(dir, source));
                }
            }
            for (String suffix : List.of(LogFiles.INDEX_SUFFIX, LogFiles.TIME_INDEX_SUFFIX)) {
                for (long source : segmentBases(dir, suffix)) {
                    if (source >= base && source < end) {
                        deleteIfExists(dir.resolve(LogFiles.baseName(source) + suffix));
                    }
                }
            }
            for (String suffix : List.of(LogFiles.INDEX_SUFFIX, LogFiles.TIME_INDEX_SUFFIX, LogFiles.LOG_SUFFIX)) {
                Path swapFile = dir.resolve(LogFiles.baseName(base) + suffix + LogFiles.SWAP_SUFFIX);
                if (Files.exists(swapFile)) {
                    move(swapFile, dir.resolve(LogFiles.baseName(base) + suffix));
                }
            }
            LOG.log(System.Logger.Level.INFO, "completed interrupted compaction swap of segment {0} in {1}", base, dir);
        }
        // Index swap files whose log never became a swap file belong to an unfinished swap step 2.
        deleteMatching(dir, name -> name.endsWith(LogFiles.SWAP_SUFFIX));
        LogFiles.fsyncDirectory(dir);
    }

    private static void deleteOrphanIndexes(Path dir) {
        TreeSet<Long> logs = segmentBases(dir, LogFiles.LOG_SUFFIX);
        for (String suffix : List.of(LogFiles.INDEX_SUFFIX, LogFiles.TIME_INDEX_SUFFIX)) {
            for (long base : segmentBases(dir, suffix)) {
                if (!logs.contains(base)) {
                    deleteIfExists(dir.resolve(LogFiles.baseName(base) + suffix));
                }
            }
        }
    }

    /** Base offsets of files named {@code <20 digits><suffix>} exactly. */
    static TreeSet<Long> segmentBases(Path dir, String suffix) {
        TreeSet<Long> bases = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.length() == 20 + suffix.length() && name.endsWith(suffix)) {
                    OptionalLong base = LogFiles.parseBaseOffset(name);
                    base.ifPresent(bases::add);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return bases;
    }

    private static void deleteMatching(Path dir, java.util.function.Predicate<String> names) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (names.test(p.getFileName().toString())) {
                    deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void deleteIfExists(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + from + " to " + to, e);
        }
    }
}
