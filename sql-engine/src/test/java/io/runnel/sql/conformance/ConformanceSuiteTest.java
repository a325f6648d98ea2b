package io.runnel.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs ksqlDB's QTT files (../shared/conformance/qtt, read in place) on the engine, writes
 * target/conformance/report.json and the summary line, and fails when a case of the committed
 * baseline (src/test/resources/conformance/baseline.txt) no longer passes. Newly passing cases
 * are listed; add them with {@code -Drunnel.conformance.updateBaseline=true}.
 */
class ConformanceSuiteTest {
    private static final Path BASELINE = Path.of("src/test/resources/conformance/baseline.txt");

    @Test
    void shouldKeepEveryBaselineCasePassing() throws Exception {
        String dir = System.getProperty("runnel.conformance.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "qtt")),
                "ksqlDB conformance files not found beside the repository (../shared/conformance)");
        List<Path> files = ConformanceRunner.qttFiles(Path.of(dir, "qtt"));
        ConformanceReport report = new ConformanceRunner(EngineCaseExecutor::new, Duration.ofSeconds(20)).run(files);
        report.write(Path.of("target/conformance/report.json"));
        assertThat(Baseline.check(BASELINE, report, System.out)).as("baseline cases that no longer pass").isEmpty();
    }
}
