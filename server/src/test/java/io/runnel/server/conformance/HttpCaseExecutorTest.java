package io.runnel.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.conformance.CaseResult;
import io.runnel.sql.conformance.RestCase;
import io.runnel.sql.conformance.RestCaseLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REST cases run against a real engine and server on 127.0.0.1. */
class HttpCaseExecutorTest {
    @TempDir
    static Path dir;
    static List<RestCase> cases;

    @BeforeAll
    static void load() throws Exception {
        Path f = dir.resolve("cases.json");
        Files.writeString(f, """
                {"tests": [
                  {"name": "push and pull",
                   "statements": [
                     "CREATE STREAM INPUT (K STRING KEY, ID INT) WITH (kafka_topic='test_topic', value_format='JSON');",
                     "CREATE TABLE COUNTS AS SELECT K, COUNT(*) AS N FROM INPUT GROUP BY K;",
                     "SELECT * FROM INPUT EMIT CHANGES LIMIT 2;",
                     "SELECT * FROM COUNTS WHERE K='a';"],
                   "inputs": [{"topic": "test_topic", "timestamp": 1, "key": "a", "value": {"id": 1}},
                              {"topic": "test_topic", "timestamp": 2, "key": "a", "value": {"id": 2}}],
                   "responses": [
                     {"admin": {"@type": "currentStatus"}},
                     {"admin": {"@type": "currentStatus"}},
                     {"query": [{"header": {"schema": "`K` STRING, `ID` INTEGER"}},
                                {"row": {"columns": ["a", 1]}}, {"row": {"columns": ["a", 2]}},
                                {"finalMessage": "Limit Reached"}]},
                     {"query": [{"header": {"schema": "`K` STRING KEY, `N` BIGINT"}},
                                {"row": {"columns": ["a", 2]}}]}]},
                  {"name": "wrong row",
                   "statements": [
                     "CREATE STREAM INPUT (K STRING KEY, ID INT) WITH (kafka_topic='test_topic', value_format='JSON');",
                     "SELECT * FROM INPUT EMIT CHANGES LIMIT 1;"],
                   "inputs": [{"topic": "test_topic", "timestamp": 1, "key": "a", "value": {"id": 1}}],
                   "responses": [
                     {"admin": {"@type": "currentStatus"}},
                     {"query": [{"header": {"schema": "`K` STRING, `ID` INTEGER"}},
                                {"row": {"columns": ["a", 99]}}, {"finalMessage": "Limit Reached"}]}]},
                  {"name": "insert outputs",
                   "statements": [
                     "CREATE STREAM TEST (K STRING KEY, ID INT) WITH (kafka_topic='test_topic', value_format='JSON');",
                     "INSERT INTO TEST (ROWTIME, K, ID) VALUES (1234, 'key', 10);"],
                   "outputs": [{"topic": "test_topic", "timestamp": 1234, "key": "key", "value": {"ID": 10}}]},
                  {"name": "expected error",
                   "statements": ["SELECT * FROM MISSING WHERE ID = 1;"],
                   "expectedError": {"type": "io.confluent.ksql.rest.entity.KsqlStatementErrorMessage",
                                     "message": "MISSING", "status": 400}},
                  {"name": "expected error, statements only, all succeed",
                   "statements": [
                     "CREATE STREAM TEST (K INT KEY, ID INT) WITH (kafka_topic='test_topic', value_format='JSON');",
                     "INSERT INTO TEST (K, ID) VALUES (10, 5);"],
                   "expectedError": {"type": "io.confluent.ksql.rest.entity.KsqlStatementErrorMessage",
                                     "message": "Expected K and ID to match", "status": 400}},
                  {"name": "expected error, query succeeds",
                   "statements": [
                     "CREATE STREAM INPUT (K STRING KEY, ID INT) WITH (kafka_topic='test_topic', value_format='JSON');",
                     "SELECT * FROM INPUT EMIT CHANGES LIMIT 1;"],
                   "inputs": [{"topic": "test_topic", "timestamp": 1, "key": "a", "value": {"id": 1}}],
                   "expectedError": {"type": "io.confluent.ksql.rest.entity.KsqlStatementErrorMessage",
                                     "message": "never", "status": 400}}
                ]}
                """);
        cases = RestCaseLoader.load(f, "cases.json");
    }

    @Test
    void shouldPassACaseWhoseResponsesMatch() {
        CaseResult r = new HttpCaseExecutor().run(cases.get(0));

        assertThat(r.status()).as(r.detail()).isEqualTo(CaseResult.Status.PASSED);
    }

    @Test
    void shouldFailACaseWithAWrongRowAndSayWhich() {
        CaseResult r = new HttpCaseExecutor().run(cases.get(1));

        assertThat(r.status()).isEqualTo(CaseResult.Status.FAILED);
        assertThat(r.detail()).contains("response 1").contains("99");
    }

    @Test
    void shouldCheckTheRecordsAnInsertWrote() {
        CaseResult r = new HttpCaseExecutor().run(cases.get(2));

        assertThat(r.status()).as(r.detail()).isEqualTo(CaseResult.Status.PASSED);
    }

    @Test
    void shouldPassAnExpectedErrorWithItsStatus() {
        CaseResult r = new HttpCaseExecutor().run(cases.get(3));

        assertThat(r.status()).as(r.detail()).isEqualTo(CaseResult.Status.PASSED);
    }

    @Test
    void shouldLeaveAnExpectedErrorUncheckedAsKsqlDbsRunnerDoesWhenStatementsOnlyAllSucceed() {
        CaseResult r = new HttpCaseExecutor().run(cases.get(4));

        assertThat(r.status()).as(r.detail()).isEqualTo(CaseResult.Status.PASSED);
        assertThat(r.detail()).isEqualTo(HttpCaseExecutor.UNCHECKED_EXPECTED_ERROR);
        assertThat(r.messageMatched()).as("not counted as an expected error that passed").isNull();
    }

    @Test
    void shouldFailAnExpectedErrorWhenAQueryAnswers() {
        CaseResult r = new HttpCaseExecutor().run(cases.get(5));

        assertThat(r.status()).isEqualTo(CaseResult.Status.FAILED);
        assertThat(r.detail()).contains("every statement succeeded");
    }
}
