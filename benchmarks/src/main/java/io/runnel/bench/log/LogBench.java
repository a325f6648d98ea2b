package io.runnel.bench.log;

import io.runnel.bench.Options;
import io.runnel.log.FlushPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Shared bits of the log workloads: the data directory and the flush option. */
final class LogBench {
    private LogBench() {
    }

    /** {@code --flush always|none|interval|interval:<ms>} (interval = 1000 ms). */
    static FlushPolicy flush(Options options, String defaultValue) {
        String f = options.string("flush", defaultValue);
        return f.equals("interval") ? FlushPolicy.interval(1000) : FlushPolicy.parse(f);
    }

    /** A fresh directory under {@code --dir} (default: the system temp directory). */
    static Path dataDir(Options options, String name) {
        try {
            String base = options.string("dir", System.getProperty("java.io.tmpdir"));
            Files.createDirectories(Path.of(base));
            return Files.createTempDirectory(Path.of(base), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
