package io.runnel.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.conformance.Baseline;
import io.runnel.sql.conformance.ConformanceReport;
import io.runnel.sql.conformance.ConformanceRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs ksqlDB's REST QTT files (../shared/conformance/qtt/rqtt, read in place) against a real
 * server per case on 127.0.0.1, writes target/conformance/rest-report.json and the summary line,
 * and fails when a case of the committed baseline (src/test/resources/conformance/rest-baseline.txt)
 * no longer passes. Add newly passing cases with {@code -Drunnel.conformance.updateBaseline=true}.
 */
class RestConformanceSuiteTest {
    private static final Path BASELINE = Path.of("src/test/resources/conformance/rest-baseline.txt");

    @Test
    void shouldKeepEveryBaselineCasePassing() throws Exception {
        String dir = System.getProperty("runnel.conformance.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "qtt", "rqtt")),
                "ksqlDB conformance files not found beside the repository (../shared/conformance)");
        List<Path> files = ConformanceRunner.restFiles(Path.of(dir, "qtt", "rqtt"));
        ConformanceReport report = ConformanceRunner.runRest(files, HttpCaseExecutor::new, Duration.ofSeconds(30));
        report.write(Path.of("target/conformance/rest-report.json"));
        assertThat(Baseline.check(BASELINE, report, System.out)).as("baseline cases that no longer pass").isEmpty();
    }
}
