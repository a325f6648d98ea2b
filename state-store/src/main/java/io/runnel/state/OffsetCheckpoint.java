package io.runnel.state;

import io.runnel.common.TopicPartition;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The checkpoint file of a task's persistent stores: for each changelog partition, the offset
 * from which a restore must continue (the offset after the last changelog record the stores are
 * known to hold on disk). Text, UTF-8, one field per line:
 * <pre>
 * runnel-offset-checkpoint          type
 * 1                                 format version
 * N                                 number of entries
 * topic partition offset            N lines, single spaces (topic names have no spaces)
 * crc32c XXXXXXXX                   CRC32C (hex) of every byte before this line
 * </pre>
 * Reading a missing file yields no offsets; a file of another type or version, with a wrong count
 * or CRC, or unparsable, throws {@link ProcessorStateException} (the caller then restores from the
 * start).
 *
 * <p>Writing is crash-safe: (1) write {@code <file>.tmp} and fsync it — a crash leaves the old
 * checkpoint in place and a stray tmp that the next write replaces; (2) atomically rename over the
 * checkpoint — after a crash either the old or the new file is there, both valid; (3) fsync the
 * directory so that the rename survives power loss. Not thread-safe: one task writes its checkpoint.
 */
public final class OffsetCheckpoint {
    static final String TYPE = "runnel-offset-checkpoint";
    static final int VERSION = 1;

    private final Path file;

    public OffsetCheckpoint(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    public void write(Map<TopicPartition, Long> offsets) {
        StringBuilder sb = new StringBuilder();
        sb.append(TYPE).append('\n').append(VERSION).append('\n').append(offsets.size()).append('\n');
        new TreeMap<>(offsets).forEach((tp, offset) -> {
            if (offset < 0) {
                throw new IllegalArgumentException("negative offset for " + tp + ": " + offset);
            }
            sb.append(tp.topic()).append(' ').append(tp.partition()).append(' ').append(offset).append('\n');
        });
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] trailer = ("crc32c " + HexFormat.of().toHexDigits((int) crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(body));
                ch.write(java.nio.ByteBuffer.wrap(trailer));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException ignored) {
                // some file systems cannot fsync a directory; the rename is still atomic
            }
        } catch (IOException e) {
            throw new ProcessorStateException("cannot write checkpoint " + file, e);
        }
    }

    /** The offsets in the file; empty when there is no file. */
    public Map<TopicPartition, Long> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new ProcessorStateException("cannot read checkpoint " + file, e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        try {
            if (lines.length < 4 || !lines[0].equals(TYPE)) {
                throw corrupt("not a " + TYPE + " file");
            }
            int version = Integer.parseInt(lines[1]);
            if (version != VERSION) {
                throw corrupt("unknown version " + version);
            }
            int n = Integer.parseInt(lines[2]);
            if (n < 0 || lines.length != n + 5 || !lines[n + 4].isEmpty()) {
                throw corrupt("expected " + n + " entries");
            }
            String trailer = lines[n + 3];
            int bodyLength = text.length() - trailer.length() - 1;
            byte[] body = text.substring(0, bodyLength).getBytes(StandardCharsets.UTF_8);
            CRC32C crc = new CRC32C();
            crc.update(body);
            String expected = "crc32c " + HexFormat.of().toHexDigits((int) crc.getValue());
            if (!trailer.equals(expected)) {
                throw corrupt("checksum mismatch");
            }
            Map<TopicPartition, Long> offsets = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                String[] f = lines[3 + i].split(" ");
                if (f.length != 3) {
                    throw corrupt("bad entry line " + (4 + i));
                }
                long offset = Long.parseLong(f[2]);
                if (offset < 0) {
                    throw corrupt("negative offset on line " + (4 + i));
                }
                offsets.put(new TopicPartition(f[0], Integer.parseInt(f[1])), offset);
            }
            return Collections.unmodifiableMap(offsets);
        } catch (NumberFormatException e) {
            throw corrupt("unparsable number: " + e.getMessage());
        }
    }

    /** Deletes the file (when a store is wiped or before exclusive writes); no error when absent. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ProcessorStateException("cannot delete checkpoint " + file, e);
        }
    }

    private ProcessorStateException corrupt(String why) {
        return new ProcessorStateException("corrupt checkpoint " + file + ": " + why);
    }
}
