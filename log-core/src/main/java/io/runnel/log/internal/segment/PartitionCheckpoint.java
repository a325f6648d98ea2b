package io.runnel.log.internal.segment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A partition's checkpoint file ({@code partition.checkpoint}), written atomically
 * ({@link AtomicFiles}) at roll, retention and clean close:
 *
 * <pre>
 * runnel.partition-checkpoint 1
 * recoveryPoint=1234
 * logStartOffset=100
 * </pre>
 *
 * <ul>
 *   <li>{@code recoveryPoint}: every batch below this offset is fsynced; recovery after an unclean
 *       stop validates only the batches at or above it.</li>
 *   <li>{@code logStartOffset}: the first readable offset (retention may move it inside a
 *       segment's range only by deleting whole segments).</li>
 * </ul>
 * A missing or unreadable file means "recover everything, start at the first segment".
 * Version 1 is read forever.
 *
 * @param recoveryPoint   first offset not known to be fsynced
 * @param logStartOffset  first readable offset
 */
record PartitionCheckpoint(long recoveryPoint, long logStartOffset) {
    static final String TYPE = "runnel.partition-checkpoint";
    static final int VERSION = 1;

    PartitionCheckpoint {
        if (recoveryPoint < 0 || logStartOffset < 0) {
            throw new IllegalArgumentException("negative checkpoint offsets: " + recoveryPoint + ", " + logStartOffset);
        }
    }

    void write(Path dir) {
        String text = TYPE + " " + VERSION + "\nrecoveryPoint=" + recoveryPoint + "\nlogStartOffset=" + logStartOffset + "\n";
        AtomicFiles.write(dir.resolve(LogFiles.CHECKPOINT), ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The checkpoint in {@code dir}, empty if absent or not parseable. */
    static Optional<PartitionCheckpoint> read(Path dir) {
        ByteBuffer bytes = AtomicFiles.readIfExists(dir.resolve(LogFiles.CHECKPOINT));
        if (bytes == null) {
            return Optional.empty();
        }
        String[] lines = StandardCharsets.UTF_8.decode(bytes).toString().split("\n");
        if (lines.length < 3 || !lines[0].equals(TYPE + " " + VERSION)) {
            return Optional.empty();
        }
        Map<String, Long> values = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                try {
                    values.put(lines[i].substring(0, eq), Long.parseLong(lines[i].substring(eq + 1).trim()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        Long rp = values.get("recoveryPoint");
        Long lso = values.get("logStartOffset");
        if (rp == null || lso == null || rp < 0 || lso < 0) {
            return Optional.empty();
        }
        return Optional.of(new PartitionCheckpoint(rp, lso));
    }
}
