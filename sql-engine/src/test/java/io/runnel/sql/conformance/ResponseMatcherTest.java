package io.runnel.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseMatcherTest {

    private static List<JsonNode> json(String... responses) {
        List<JsonNode> out = new ArrayList<>();
        for (String r : responses) {
            try {
                out.add(QttLoader.JSON.readTree(r));
            } catch (Exception e) {
                throw new IllegalArgumentException(r, e);
            }
        }
        return out;
    }

    @Test
    void shouldMatchAdminEntitiesOnTheFieldsWrittenOnly() {
        assertThat(ResponseMatcher.firstMismatch(json("{\"admin\": {\"@type\": \"currentStatus\"}}"),
                json("{\"admin\": {\"@type\": \"currentStatus\", \"commandId\": \"stream/S/create\"}}"))).isEmpty();
        assertThat(ResponseMatcher.firstMismatch(json("{\"admin\": {\"@type\": \"currentStatus\"}}"),
                json("{\"admin\": {\"@type\": \"streams\"}}"))).get().asString().contains("response 0");
    }

    @Test
    void shouldCompareRowsAsAMultisetWithTheExactCount() {
        String want = """
                {"query": [{"header": {"schema": "`K` STRING KEY, `N` BIGINT"}},
                           {"row": {"columns": ["a", 1]}}, {"row": {"columns": ["b", 2]}},
                           {"finalMessage": "Limit Reached"}]}""";
        String reordered = """
                {"query": [{"header": {"queryId": "q1", "schema": "`K` STRING KEY, `N` BIGINT"}},
                           {"row": {"columns": ["b", 2]}}, {"row": {"columns": ["a", 1]}},
                           {"finalMessage": "Limit Reached"}]}""";
        String missingRow = """
                {"query": [{"header": {"schema": "`K` STRING KEY, `N` BIGINT"}},
                           {"row": {"columns": ["a", 1]}}, {"finalMessage": "Limit Reached"}]}""";
        String tombstone = """
                {"query": [{"header": {"schema": "`K` STRING KEY, `N` BIGINT"}},
                           {"row": {"columns": ["a", 1]}}, {"row": {"columns": ["b", 2], "tombstone": true}},
                           {"finalMessage": "Limit Reached"}]}""";
        String otherSchema = """
                {"query": [{"header": {"schema": "`K` STRING KEY, `N` INTEGER"}},
                           {"row": {"columns": ["a", 1]}}, {"row": {"columns": ["b", 2]}},
                           {"finalMessage": "Limit Reached"}]}""";

        assertThat(ResponseMatcher.firstMismatch(json(want), json(reordered))).isEmpty();
        assertThat(ResponseMatcher.firstMismatch(json(want), json(missingRow))).get().asString()
                .contains("expected 2 rows");
        assertThat(ResponseMatcher.firstMismatch(json(want), json(tombstone))).isPresent();
        assertThat(ResponseMatcher.firstMismatch(json(want), json(otherSchema))).get().asString().contains("schema");
    }

    @Test
    void shouldRequireTheSameNumberOfResponses() {
        assertThat(ResponseMatcher.firstMismatch(json("{\"admin\": {\"@type\": \"currentStatus\"}}"), json()))
                .get().asString().contains("expected 1 responses, got 0");
    }

    @Test
    void shouldMatchAStartsWithFieldByPrefix() {
        assertThat(ResponseMatcher.firstMismatch(json("{\"query\": [{\"finalMessage|starts_with\": \"Limit\"}]}"),
                json("{\"query\": [{\"finalMessage\": \"Limit Reached\"}]}"))).isEmpty();
        assertThat(ResponseMatcher.firstMismatch(json("{\"query\": [{\"finalMessage|starts_with\": \"Query\"}]}"),
                json("{\"query\": [{\"finalMessage\": \"Limit Reached\"}]}"))).isPresent();
    }
}
