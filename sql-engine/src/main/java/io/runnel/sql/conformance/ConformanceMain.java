package io.runnel.sql.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./runnel conformance DIR [--report FILE]}: runs the QTT files of a directory (ksqlDB's,
 * or a user's own in the same format) on the engine, prints one line per failing case and per
 * file, and ends with {@code conformance: N passed, M failed, K skipped}. Writes the report to
 * {@code target/conformance/report.json} unless told otherwise. Exit code 0 when nothing failed,
 * 1 when a case failed, 2 for bad arguments. REST QTT files are recognised and not run here yet.
 */
public final class ConformanceMain {

    private ConformanceMain() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
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
        long restFiles;
        try (var s = Files.list(dir)) {
            restFiles = s.filter(p -> p.toString().endsWith(".json")).count() - files.size();
        }
        ConformanceReport result = new ConformanceRunner(EngineCaseExecutor::new, Duration.ofSeconds(30)).run(files);
        for (CaseResult r : result.results()) {
            if (r.status() == CaseResult.Status.FAILED) {
                out.println("FAILED " + r.caseId() + ": " + firstLine(r.detail()));
            }
        }
        result.perFile().forEach((file, c) -> out.println(file + ": " + c[0] + "/" + c[1] + " passed"));
        if (restFiles > 0) {
            out.println(restFiles + " REST test file(s) found: they need the server's REST runner, not run here");
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
