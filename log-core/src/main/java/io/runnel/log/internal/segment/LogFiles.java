package io.runnel.log.internal.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The one place that knows the names of a partition directory's files.
 *
 * <table>
 *   <caption>files of a partition directory</caption>
 *   <tr><th>name</th><th>content</th></tr>
 *   <tr><td>{@code 00000000000000000042.log}</td><td>record batches of the segment whose base offset is 42</td></tr>
 *   <tr><td>{@code 00000000000000000042.index}</td><td>its sparse offset index ({@link OffsetIndex})</td></tr>
 *   <tr><td>{@code 00000000000000000042.timeindex}</td><td>its sparse time index ({@link TimeIndex})</td></tr>
 *   <tr><td>{@code *.cleaned}</td><td>a compacted segment being written (compaction step 1)</td></tr>
 *   <tr><td>{@code *.swap}</td><td>a compacted segment ready to replace its sources (step 2)</td></tr>
 *   <tr><td>{@code *.deleted}</td><td>a segment being deleted (retention, compaction, truncation)</td></tr>
 *   <tr><td>{@code partition.checkpoint}</td><td>recovery point and log start offset ({@link PartitionCheckpoint})</td></tr>
 *   <tr><td>{@code producer-state.snapshot}</td><td>idempotent producer state ({@link ProducerStateSnapshot})</td></tr>
 *   <tr><td>{@code .clean-shutdown}</td><td>present only while the partition is closed cleanly</td></tr>
 * </table>
 */
public final class LogFiles {

    public static final String LOG_SUFFIX = ".log";
    public static final String INDEX_SUFFIX = ".index";
    public static final String TIME_INDEX_SUFFIX = ".timeindex";
    public static final String CLEANED_SUFFIX = ".cleaned";
    public static final String SWAP_SUFFIX = ".swap";
    public static final String DELETED_SUFFIX = ".deleted";
    public static final String CHECKPOINT = "partition.checkpoint";
    public static final String PRODUCER_SNAPSHOT = "producer-state.snapshot";
    public static final String CLEAN_SHUTDOWN = ".clean-shutdown";

    private LogFiles() {
    }

    /** The 20-digit, zero-padded base offset, e.g. {@code 00000000000000000042}. */
    public static String baseName(long baseOffset) {
        if (baseOffset < 0) {
            throw new IllegalArgumentException("negative base offset " + baseOffset);
        }
        return String.format(Locale.ROOT, "%020d", baseOffset);
    }

    public static Path logFile(Path dir, long baseOffset) {
        return dir.resolve(baseName(baseOffset) + LOG_SUFFIX);
    }

    public static Path offsetIndexFile(Path dir, long baseOffset) {
        return dir.resolve(baseName(baseOffset) + INDEX_SUFFIX);
    }

    public static Path timeIndexFile(Path dir, long baseOffset) {
        return dir.resolve(baseName(baseOffset) + TIME_INDEX_SUFFIX);
    }

    /** {@code file} with {@code suffix} appended ({@code x.log} → {@code x.log.deleted}). */
    public static Path withSuffix(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /** {@code file} without a trailing {@code suffix}. */
    public static Path withoutSuffix(Path file, String suffix) {
        String name = file.getFileName().toString();
        if (!name.endsWith(suffix)) {
            throw new IllegalArgumentException(file + " does not end with " + suffix);
        }
        return file.resolveSibling(name.substring(0, name.length() - suffix.length()));
    }

    /** The base offset a segment file is named after, or empty if the name is not a segment file's. */
    public static OptionalLong parseBaseOffset(String fileName) {
        int dot = fileName.indexOf('.');
        if (dot != 20) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < 20; i++) {
            if (!Character.isDigit(fileName.charAt(i))) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(fileName.substring(0, 20)));
    }

    /** Makes the directory's entries (creations, renames, deletions) durable. */
    public static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; entries are then as durable as the OS makes them.
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
                throw new UncheckedIOException("cannot fsync directory " + dir, e);
            }
        }
    }
}
