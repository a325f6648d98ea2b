package io.runnel.sql.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code ./runnel conformance DIR [--report FILE]}: runs the QTT files of a directory (ksqlDB's,
 * or a user's own in the same format) on the engine, prints one line per failing case and per
 * file, and ends with {@code conformance: N passed, M failed, K skipped}. Writes the report to
 * {@code target/conformance/report.json} unless told otherwise. Exit code 0 when nothing failed,
 * 1 when a case failed, 2 for bad arguments. REST QTT files (tests with {@code responses}) are
 * told apart and run against a server when the caller (the {@code ./runnel} entry point, which
 * has the server) provides a {@link RestCaseExecutor}.
 */
public final class ConformanceMain {

    private ConformanceMain() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the QTT files of a directory; REST QTT files found there are reported as not run. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        return run(args, out, err, null);
    }

    /**
     * Runs the QTT files of a directory and, when {@code restExecutors} is given, its REST QTT
     * files too, into one report and one summary line.
     *
     * @param restExecutors makes executors of REST cases against a server, or null when no
     *                      server is available (REST files are then counted and not run)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Supplier<RestCaseExecutor> restExecutors)
            throws IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            err.println("usage: runnel conformance DIR [--report FILE]");
            return 2;
        }
        Path dir = Path.of(args[0]);
        Path report = Path.of("target/conformance/report.json");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--report") && i + 1 < args.length) {
                report = Path.of(args[++i]);
            } else {
                err.println("unknown option '" + args[i] + "'; usage: runnel conformance DIR [--report FILE]");
                return 2;
            }
        }
        if (!Files.isDirectory(dir)) {
            err.println("not a directory: " + dir);
            return 2;
        }
        List<Path> files = ConformanceRunner.qttFiles(dir);
        List<Path> restFiles = ConformanceRunner.restFiles(dir);
        ConformanceReport result = new ConformanceRunner(EngineCaseExecutor::new, Duration.ofSeconds(30)).run(files);
        if (restExecutors != null && !restFiles.isEmpty()) {
            ConformanceRunner.runRest(restFiles, restExecutors, Duration.ofSeconds(60)).results().forEach(result::add);
        }
        for (CaseResult r : result.results()) {
            if (r.status() == CaseResult.Status.FAILED) {
                out.println("FAILED " + r.caseId() + ": " + firstLine(r.detail()));
            }
        }
        result.perFile().forEach((file, c) -> out.println(file + ": " + c[0] + "/" + c[1] + " passed"));
        if (restExecutors == null && !restFiles.isEmpty()) {
            out.println(restFiles.size() + " REST test file(s) found: they need a server to run against, not run here");
        }
        result.write(report);
        out.println("report: " + report.toAbsolutePath());
        out.println("expected errors: " + result.expectedErrorsPassed() + " failed as expected, "
                + result.messagesMatched() + " with ksqlDB's message");
        out.println(result.summaryLine());
        return result.count(CaseResult.Status.FAILED) == 0 ? 0 : 1;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
