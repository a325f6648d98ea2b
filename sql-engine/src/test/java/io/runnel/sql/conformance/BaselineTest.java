package io.runnel.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @TempDir
    Path dir;

    @Test
    void shouldFlagBaselineCasesThatStopPassingAndListNewOnes() throws Exception {
        Path file = dir.resolve("baseline.txt");
        Files.write(file, List.of("# comment", "a.json :: one", "a.json :: two"));
        ConformanceReport report = new ConformanceReport();
        report.add(CaseResult.passed("a.json :: one", null, 1));
        report.add(CaseResult.failed("a.json :: two", "boom", 1));
        report.add(CaseResult.passed("a.json :: three", true, 1));
        report.add(CaseResult.skipped("a.json :: four", "AVRO"));
        Baseline baseline = Baseline.read(file);
        assertThat(baseline.regressions(report)).containsExactly("a.json :: two");
        assertThat(baseline.newlyPassing(report)).containsExactly("a.json :: three");
        assertThat(report.summaryLine()).isEqualTo("conformance: 2 passed, 1 failed, 1 skipped");
        assertThat(report.messagesMatched()).isEqualTo(1);

        Path out = dir.resolve("report.json");
        report.write(out);
        assertThat(Files.readString(out)).contains("\"runnel-conformance-report\"").contains("\"a.json :: two\"");
    }
}
