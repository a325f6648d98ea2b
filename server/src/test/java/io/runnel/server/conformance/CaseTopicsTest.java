package io.runnel.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.conformance.RestCase;
import io.runnel.sql.conformance.RestCaseLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseTopicsTest {
    @TempDir
    Path dir;

    @Test
    void shouldMakeTopicsAsKsqlDbsRunnerDoesWithFourPartitionsUnlessTold() throws Exception {
        RestCase c = load("""
                {"tests": [{"name": "topics",
                  "statements": [
                    "CREATE STREAM A (K STRING KEY, ID INT) WITH (kafka_topic='a', value_format='JSON');",
                    "CREATE TABLE B (K STRING PRIMARY KEY, ID INT) WITH (kafka_topic='b', value_format='JSON', partitions=2);",
                    "CREATE STREAM C WITH (kafka_topic='c') AS SELECT * FROM A;",
                    "CREATE STREAM E (K STRING KEY, ID INT) WITH (kafka_topic='e', value_format='JSON');"],
                  "topics": [{"name": "e"}],
                  "inputs": [{"topic": "a", "key": "x", "value": {"id": 1}}, {"topic": "b", "key": "x", "value": {"id": 1}},
                             {"topic": "d", "key": "x", "value": {"id": 1}}],
                  "outputs": [{"topic": "c", "key": "x", "value": {"ID": 1}}]}]}
                """);

        assertThat(CaseTopics.of(c)).containsExactlyInAnyOrderEntriesOf(Map.of("e", 1, "a", 4, "b", 2, "d", 4, "c", 4));
    }

    private RestCase load(String json) throws Exception {
        Path f = dir.resolve("case.json");
        Files.writeString(f, json);
        return RestCaseLoader.load(f, "case.json").get(0);
    }
}
