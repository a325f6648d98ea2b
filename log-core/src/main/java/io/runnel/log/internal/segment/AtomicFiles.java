package io.runnel.log.internal.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a small file atomically and durably. Crash protocol of {@link #write}:
 * <ol>
 *   <li>write {@code name.tmp} and fsync it — a crash leaves a stray {@code .tmp} (ignored and
 *       overwritten next time) and the old file intact;</li>
 *   <li>rename {@code name.tmp} over {@code name} (atomic) — a crash leaves either the old or the
 *       new content, never a mix;</li>
 *   <li>fsync the directory — makes the rename durable.</li>
 * </ol>
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static void write(Path file, ByteBuffer content) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = content.duplicate();
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + tmp + " to " + file, e);
        }
        LogFiles.fsyncDirectory(file.getParent());
    }

    /** The file's bytes, or null if it does not exist. */
    static ByteBuffer readIfExists(Path file) {
        try {
            return Files.exists(file) ? ByteBuffer.wrap(Files.readAllBytes(file)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
