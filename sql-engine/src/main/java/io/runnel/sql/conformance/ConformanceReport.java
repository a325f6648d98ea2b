package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of a conformance run: counts, per-file figures, and {@code report.json}
 * ({@code {"type":"runnel-conformance-report","version":1,"summary":{...},"cases":[...]}}).
 */
public final class ConformanceReport {
    private final List<CaseResult> results = new ArrayList<>();

    public synchronized void add(CaseResult result) {
        results.add(result);
    }

    public synchronized List<CaseResult> results() {
        return Collections.unmodifiableList(new ArrayList<>(results));
    }

    public long count(CaseResult.Status status) {
        return results().stream().filter(r -> r.status() == status).count();
    }

    /** Cases that expected an error, failed as expected, and whose message also matched. */
    public long messagesMatched() {
        return results().stream().filter(r -> Boolean.TRUE.equals(r.messageMatched())).count();
    }

    public long expectedErrorsPassed() {
        return results().stream().filter(r -> r.messageMatched() != null && r.status() == CaseResult.Status.PASSED).count();
    }

    /** {@code conformance: N passed, M failed, K skipped}. */
    public String summaryLine() {
        return "conformance: " + count(CaseResult.Status.PASSED) + " passed, " + count(CaseResult.Status.FAILED)
                + " failed, " + count(CaseResult.Status.SKIPPED) + " skipped";
    }

    /** Passed / run (not skipped) per file, the file being the part of the case id before " :: ". */
    public Map<String, long[]> perFile() {
        Map<String, long[]> m = new TreeMap<>();
        for (CaseResult r : results()) {
            if (r.status() == CaseResult.Status.SKIPPED) {
                continue;
            }
            String file = r.caseId().substring(0, r.caseId().indexOf(" :: "));
            long[] counts = m.computeIfAbsent(file, f -> new long[2]);
            counts[1]++;
            if (r.status() == CaseResult.Status.PASSED) {
                counts[0]++;
            }
        }
        return m;
    }

    public void write(Path file) throws IOException {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "runnel-conformance-report");
        root.put("version", 1);
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", count(CaseResult.Status.PASSED));
        summary.put("failed", count(CaseResult.Status.FAILED));
        summary.put("skipped", count(CaseResult.Status.SKIPPED));
        summary.put("expectedErrorsPassed", expectedErrorsPassed());
        summary.put("expectedErrorMessagesMatched", messagesMatched());
        ObjectNode files = summary.putObject("files");
        perFile().forEach((f, c) -> files.putObject(f).put("passed", c[0]).put("run", c[1]));
        ArrayNode cases = root.putArray("cases");
        for (CaseResult r : results()) {
            ObjectNode c = cases.addObject();
            c.put("id", r.caseId());
            c.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            if (!r.detail().isEmpty()) {
                c.put("detail", r.detail());
            }
            if (r.messageMatched() != null) {
                c.put("messageMatched", r.messageMatched());
            }
            c.put("ms", r.durationMs());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        mapper.writeValue(file.toFile(), root);
    }
}
