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
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs every QTT file of a directory (not its subdirectories) through a {@link CaseExecutor},
 * one case at a time, each with a time limit, and collects a {@link ConformanceReport}. REST QTT
 * files (tests with {@code responses}) are told apart ({@link #isRestFile}) and run by
 * {@link #runRest} with a {@link RestCaseExecutor}, which a server provides.
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
        return jsonFiles(dir, false);
    }

    /** The REST QTT files directly in {@code dir}, sorted by name. */
    public static List<Path> restFiles(Path dir) throws IOException {
        return jsonFiles(dir, true);
    }

    private static List<Path> jsonFiles(Path dir, boolean rest) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                if (isRestFile(p) == rest) {
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

    /** Runs the cases of QTT files with this runner's executors. */
    public ConformanceReport run(List<Path> files) throws IOException {
        List<QttCase> cases = new ArrayList<>();
        for (Path file : files) {
            cases.addAll(QttLoader.load(file, file.getFileName().toString()));
        }
        return runCases(cases, QttCase::id, QttCase::skipReason, executors,
                (executor, c) -> executor.run(c), caseTimeout);
    }

    /** Runs the cases of REST QTT files, each with a time limit, with executors from {@code executors}. */
    public static ConformanceReport runRest(List<Path> files, Supplier<RestCaseExecutor> executors,
                                            Duration caseTimeout) throws IOException {
        List<RestCase> cases = new ArrayList<>();
        for (Path file : files) {
            cases.addAll(RestCaseLoader.load(file, file.getFileName().toString()));
        }
        return runCases(cases, RestCase::id, RestCase::skipReason, executors,
                (executor, c) -> executor.run(c), caseTimeout);
    }

    /**
     * Runs cases one at a time on a worker thread; a case that outlives {@code caseTimeout} fails
     * and its executor (which may still be busy with it) is replaced.
     */
    private static <C, E> ConformanceReport runCases(List<C> cases, Function<C, String> id,
                                                     Function<C, String> skipReason, Supplier<E> executors,
                                                     BiFunction<E, C, CaseResult> run, Duration caseTimeout)
            throws IOException {
        ConformanceReport report = new ConformanceReport();
        ExecutorService thread = newCaseThread();
        E executor = executors.get();
        try {
            for (C c : cases) {
                if (skipReason.apply(c) != null) {
                    report.add(CaseResult.skipped(id.apply(c), skipReason.apply(c)));
                    continue;
                }
                long start = System.nanoTime();
                E current = executor;
                Future<CaseResult> f = thread.submit(() -> run.apply(current, c));
                try {
                    report.add(f.get(caseTimeout.toMillis(), TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    f.cancel(true);
                    report.add(CaseResult.failed(id.apply(c), "timed out after " + caseTimeout.toMillis() + " ms",
                            (System.nanoTime() - start) / 1_000_000));
                    thread.shutdownNow();
                    thread = newCaseThread();
                    executor = executors.get();
                } catch (ExecutionException e) {
                    report.add(CaseResult.failed(id.apply(c), "executor threw " + e.getCause(),
                            (System.nanoTime() - start) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        } finally {
            thread.shutdownNow();
        }
        return report;
    }

    private static ExecutorService newCaseThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance-case");
            t.setDaemon(true);
            return t;
        });
    }
}
