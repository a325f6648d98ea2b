package io.runnel.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceMainTest {

    @TempDir
    Path dir;

    @Test
    void shouldRunAUsersOwnTestFileAndPrintTheSummaryLine() throws Exception {
        Files.writeString(dir.resolve("mine.json"), """
                {"tests": [
                  {"name": "uppercase names",
                   "statements": [
                     "CREATE STREAM S (ID BIGINT KEY, NAME STRING) WITH (kafka_topic='in', value_format='JSON');",
                     "CREATE STREAM OUT AS SELECT ID, UCASE(NAME) AS NAME FROM S;"],
                   "inputs": [{"topic": "in", "key": 1, "value": {"NAME": "ada"}}],
                   "outputs": [{"topic": "OUT", "key": 1, "value": {"NAME": "ADA"}}]},
                  {"name": "wrong expectation",
                   "statements": [
                     "CREATE STREAM S (ID BIGINT KEY, NAME STRING) WITH (kafka_topic='in', value_format='JSON');",
                     "CREATE STREAM OUT AS SELECT ID, NAME FROM S;"],
                   "inputs": [{"topic": "in", "key": 1, "value": {"NAME": "ada"}}],
                   "outputs": [{"topic": "OUT", "key": 1, "value": {"NAME": "bob"}}]}
                ]}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path report = dir.resolve("report.json");
        int code = ConformanceMain.run(new String[] {dir.toString(), "--report", report.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(text).contains("FAILED mine.json :: wrong expectation: topic OUT record 0: value differs")
                .contains("mine.json: 1/2 passed")
                .endsWith("conformance: 1 passed, 1 failed, 0 skipped" + System.lineSeparator());
        assertThat(Files.readString(report)).contains("\"mine.json :: uppercase names\"");
    }
}
