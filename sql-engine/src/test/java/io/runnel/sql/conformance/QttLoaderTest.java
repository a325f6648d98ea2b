package io.runnel.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QttLoaderTest {

    @TempDir
    Path dir;

    @Test
    void shouldExpandFormatsAndConfigsAndSkipSchemaRegistryFormats() throws Exception {
        Path f = dir.resolve("t.json");
        Files.writeString(f, """
                {
                  // comments are allowed
                  "tests": [
                    {"name": "a", "format": ["AVRO", "JSON"], "config": ["true", "false"],
                     "properties": {"ksql.x": "{CONFIG}"},
                     "statements": ["CREATE STREAM S (ID INT) WITH (kafka_topic='t', value_format='{FORMAT}');"],
                     "inputs": [{"topic": "t", "key": 1, "value": {"ID": 1.50}}],
                     "outputs": [{"topic": "OUT", "value": {"ID": 1}, "timestamp": 0,
                                  "window": {"start": 0, "end": 10, "type": "time"}}]},
                    {"name": "off", "enabled": false, "statements": []},
                    {"name": "trailing space ", "statements": ["SELECT 1;"]},
                    {"name": "err", "statements": ["SELEKT 1;"],
                     "expectedException": {"type": "io.confluent.ksql.parser.exception.ParseFailedException", "message": "x"}},
                  ]
                }
                """);
        List<QttCase> cases = QttLoader.load(f, "t.json");
        assertThat(cases).extracting(QttCase::id).containsExactly(
                "t.json :: a [format=AVRO,config=true]", "t.json :: a [format=AVRO,config=false]",
                "t.json :: a [format=JSON,config=true]", "t.json :: a [format=JSON,config=false]",
                "t.json :: trailing space", "t.json :: err");
        QttCase json = cases.get(2);
        assertThat(json.skipped()).isFalse();
        assertThat(json.statements().get(0)).contains("value_format='JSON'");
        assertThat(json.properties()).containsEntry("ksql.x", "true");
        assertThat(json.inputs().get(0).timestamp()).isNull();
        assertThat(json.inputs().get(0).value().get("ID").decimalValue().scale()).isEqualTo(2);
        assertThat(json.outputs().get(0).window()).isEqualTo(new QttRecord.Window(0, 10, "time"));
        assertThat(cases.get(0).skipReason()).contains("AVRO");
        assertThat(cases.get(5).expectedError().isParseError()).isTrue();
    }

    @Test
    void shouldSkipTestOnlyFunctionsAndPreRegisteredSchemas() {
        assertThat(SkipRules.reason(List.of("SELECT test_udf(x) FROM s;"), List.of(), null)).get().asString()
                .contains("TEST_UDF");
        assertThat(SkipRules.reason(List.of("CREATE STREAM S WITH (FORMAT='PROTOBUF');"), List.of(), null))
                .get().asString().contains("PROTOBUF");
        assertThat(SkipRules.reason(List.of("CREATE STREAM S (A INT) WITH (VALUE_FORMAT='DELIMITED');"), List.of(), null))
                .isEmpty();
        assertThat(SkipRules.reason(List.of("SELECT 1;"),
                List.of(QttLoader.JSON.createObjectNode().put("name", "t").set("valueSchema",
                        QttLoader.JSON.createObjectNode())), null)).isPresent();
    }

    @Test
    void shouldLoadEveryConformanceFileWithoutError() throws Exception {
        String dirProp = System.getProperty("runnel.conformance.dir");
        org.junit.jupiter.api.Assumptions.assumeTrue(dirProp != null && Files.isDirectory(Path.of(dirProp, "qtt")),
                "conformance files not found beside the repository");
        List<Path> files = ConformanceRunner.qttFiles(Path.of(dirProp, "qtt"));
        int cases = 0;
        int skipped = 0;
        for (Path file : files) {
            for (QttCase c : QttLoader.load(file, file.getFileName().toString())) {
                cases++;
                if (c.skipped()) {
                    skipped++;
                }
            }
        }
        // README of the conformance folder: 96 files, 1,310 cases after expansion.
        assertThat(files).hasSize(96);
        assertThat(cases).isBetween(1250, 1320);
        assertThat(skipped).isBetween(200, 400);
    }
}
