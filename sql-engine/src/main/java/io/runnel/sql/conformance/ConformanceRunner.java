package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs every QTT file of a directory (not its subdirectories) through a {@link CaseExecutor},
 * one case at a time, each with a time limit, and collects a {@link ConformanceReport}. REST QTT
 * files (tests with {@code responses}) are recognised and left to the REST runner.
 */
public final class ConformanceRunner {
    private final Supplier<CaseExecutor> executors;
    private final Duration caseTimeout;

    /**
     * @param executors   makes an executor; a new one is made after a case times out, since the
     *                    old one may still be busy with it
     * @param caseTimeout how long one case may run before it counts as failed
     */
    public ConformanceRunner(Supplier<CaseExecutor> executors, Duration caseTimeout) {
        this.executors = executors;
        this.caseTimeout = caseTimeout;
    }

    /** The QTT files directly in {@code dir}, sorted by name. */
    public static List<Path> qttFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                if (!isRestFile(p)) {
                    files.add(p);
                }
            }
        }
        return files;
    }

    /** True for a REST QTT file: its tests carry {@code responses} rather than {@code outputs}. */
    public static boolean isRestFile(Path file) throws IOException {
        JsonNode root = QttLoader.JSON.readTree(Files.readString(file));
        for (JsonNode test : root.path("tests")) {
            if (test.has("responses") || test.has("expectedError")) {
                return true;
            }
        }
        return false;
    }

    public ConformanceReport run(List<Path> files) throws IOException {
        ConformanceReport report = new ConformanceReport();
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance-case");
            t.setDaemon(true);
            return t;
        });
        CaseExecutor executor = executors.get();
        try {
            for (Path file : files) {
                for (QttCase c : QttLoader.load(file, file.getFileName().toString())) {
                    if (c.skipped()) {
                        report.add(CaseResult.skipped(c.id(), c.skipReason()));
                        continue;
                    }
                    long start = System.nanoTime();
                    CaseExecutor current = executor;
                    Future<CaseResult> f = thread.submit(() -> current.run(c));
                    try {
                        report.add(f.get(caseTimeout.toMillis(), TimeUnit.MILLISECONDS));
                    } catch (TimeoutException e) {
                        f.cancel(true);
                        report.add(CaseResult.failed(c.id(), "timed out after " + caseTimeout.toMillis() + " ms",
                                (System.nanoTime() - start) / 1_000_000));
                        thread.shutdownNow();
                        thread = Executors.newSingleThreadExecutor();
                        executor = executors.get();
                    } catch (ExecutionException e) {
                        report.add(CaseResult.failed(c.id(), "executor threw " + e.getCause(),
                                (System.nanoTime() - start) / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
            }
        } finally {
            thread.shutdownNow();
        }
        return report;
    }
}
