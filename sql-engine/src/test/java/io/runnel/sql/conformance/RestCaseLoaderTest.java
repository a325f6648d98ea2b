package io.runnel.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestCaseLoaderTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadResponsesErrorsPropertiesAndInputConditions() throws Exception {
        Path f = dir.resolve("r.json");
        Files.writeString(f, """
                {"tests": [
                  {"name": "push",
                   "statements": ["CREATE STREAM I (K STRING KEY, ID INT) WITH (kafka_topic='t', value_format='JSON');",
                                  "SELECT * FROM I EMIT CHANGES LIMIT 1;"],
                   "properties": {"auto.offset.reset": "earliest", "ksql.query.pull.table.scan.enabled": true},
                   "inputConditions": {"waitForActivePushQuery": true},
                   "inputs": [{"topic": "t", "timestamp": 5, "key": "a", "value": {"id": 1}}],
                   "responses": [{"admin": {"@type": "currentStatus"}},
                                 {"query": [{"header": {"schema": "`K` STRING KEY, `ID` INTEGER"}},
                                            {"row": {"columns": ["a", 1]}}, {"finalMessage": "Limit Reached"}]}]},
                  // a comment
                  {"name": "err", "statements": ["SELECT * FROM X WHERE ID = 1;"],
                   "expectedError": {"type": "io.confluent.ksql.rest.entity.KsqlStatementErrorMessage",
                                     "message": "not a valid stream/table", "status": 400}},
                  {"name": "avro", "format": ["AVRO", "JSON"],
                   "statements": ["CREATE STREAM S (ID INT) WITH (kafka_topic='t', value_format='{FORMAT}');"]}
                ]}
                """);
        List<RestCase> cases = RestCaseLoader.load(f, "r.json");

        assertThat(cases).extracting(RestCase::id).containsExactly("r.json :: push", "r.json :: err",
                "r.json :: avro [format=AVRO]", "r.json :: avro [format=JSON]");
        RestCase push = cases.get(0);
        assertThat(push.waitForActivePushQuery()).isTrue();
        assertThat(push.properties()).containsEntry("auto.offset.reset", "earliest")
                .containsEntry("ksql.query.pull.table.scan.enabled", true);
        assertThat(push.responses()).hasSize(2);
        assertThat(push.inputs().get(0).timestamp()).isEqualTo(5L);
        assertThat(RestCase.isQuery(push.statements().get(1))).isTrue();
        assertThat(RestCase.isQuery(push.statements().get(0))).isFalse();
        assertThat(cases.get(1).expectedError()).isEqualTo(new RestCase.ExpectedError(
                "io.confluent.ksql.rest.entity.KsqlStatementErrorMessage", "not a valid stream/table", 400));
        assertThat(cases.get(2).skipReason()).contains("AVRO");
        assertThat(cases.get(3).skipped()).isFalse();
        assertThat(cases.get(3).statements().get(0)).contains("value_format='JSON'");
    }

    @Test
    void shouldTellRestFilesFromQttFiles() throws Exception {
        Files.writeString(dir.resolve("a-qtt.json"), """
                {"tests": [{"name": "q", "statements": ["SELECT 1;"], "outputs": []}]}""");
        Files.writeString(dir.resolve("b-rest.json"), """
                {"tests": [{"name": "r", "statements": ["SELECT 1;"], "responses": []}]}""");

        assertThat(ConformanceRunner.qttFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("a-qtt.json");
        assertThat(ConformanceRunner.restFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("b-rest.json");
    }
}
