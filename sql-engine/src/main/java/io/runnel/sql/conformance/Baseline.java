package io.runnel.sql.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The committed list of passing case ids, one per line ({@code #} comments allowed). It only
 * grows: a case in it that no longer passes is a regression and fails the build.
 */
public final class Baseline {
    private final Set<String> caseIds;

    private Baseline(Set<String> caseIds) {
        this.caseIds = caseIds;
    }

    public static Baseline read(Path file) throws IOException {
        Set<String> ids = new TreeSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    ids.add(t);
                }
            }
        }
        return new Baseline(ids);
    }

    public Set<String> caseIds() {
        return java.util.Collections.unmodifiableSet(caseIds);
    }

    /** Baseline cases that did not pass in this report (missing from it counts as not passing). */
    public List<String> regressions(ConformanceReport report) {
        Set<String> passed = passedIds(report);
        List<String> out = new ArrayList<>();
        for (String id : caseIds) {
            if (!passed.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Cases that pass now and are not yet in the baseline. */
    public List<String> newlyPassing(ConformanceReport report) {
        List<String> out = new ArrayList<>(passedIds(report));
        out.removeAll(caseIds);
        return out;
    }

    /**
     * What the conformance suites do with a run: print its summary line and per-file counts,
     * rewrite the baseline {@code file} first when the system property
     * {@code runnel.conformance.updateBaseline} is true, say how many cases pass that the baseline
     * lacks, and return the baseline's cases that no longer pass (the suite fails on any).
     */
    public static List<String> check(Path file, ConformanceReport report, PrintStream out) throws IOException {
        out.println(report.summaryLine());
        report.perFile().forEach((f, c) -> out.println("  " + f + ": " + c[0] + "/" + c[1]));
        Baseline baseline = read(file);
        if (Boolean.getBoolean("runnel.conformance.updateBaseline")) {
            write(file, report);
        }
        List<String> newlyPassing = baseline.newlyPassing(report);
        if (!newlyPassing.isEmpty()) {
            out.println(newlyPassing.size() + " cases pass that are not in the baseline yet; add them with "
                    + "-Drunnel.conformance.updateBaseline=true");
        }
        return baseline.regressions(report);
    }

    /** Writes the given report's passing cases as a new baseline. */
    public static void write(Path file, ConformanceReport report) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Conformance cases that pass. This list only grows: the build fails when one stops passing.");
        lines.add("# Regenerate with: mvn -B verify -Drunnel.conformance.updateBaseline=true (or -pl <module> -am)");
        lines.addAll(passedIds(report));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static Set<String> passedIds(ConformanceReport report) {
        Set<String> ids = new TreeSet<>();
        for (CaseResult r : report.results()) {
            if (r.status() == CaseResult.Status.PASSED) {
                ids.add(r.caseId());
            }
        }
        return ids;
    }
}
