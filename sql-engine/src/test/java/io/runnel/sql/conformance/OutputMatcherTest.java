package io.runnel.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputMatcherTest {

    private static JsonNode json(String s) throws Exception {
        return QttLoader.JSON.readTree(s);
    }

    private static QttRecord rec(String topic, JsonNode key, JsonNode value, Long ts) {
        return new QttRecord(topic, key, value, ts, null, null);
    }

    @Test
    void shouldMatchFieldsCaseInsensitivelyByUpperCaseAndNumbersByValue() throws Exception {
        assertThat(OutputMatcher.jsonEquals(json("{\"count\": 1}"), json("{\"COUNT\": 1}"))).isTrue();
        assertThat(OutputMatcher.jsonEquals(json("{\"A\": 1}"), json("{\"A\": 1, \"B\": 2}"))).isFalse();
        assertThat(OutputMatcher.jsonEquals(json("1"), json("1"))).isTrue();
    }

    @Test
    void shouldCompareDoublesWithinToleranceAndDecimalsExactlyWithScale() throws Exception {
        JsonNode expected = json("1.50");
        assertThat(OutputMatcher.jsonEquals(expected, DoubleNode.valueOf(1.5000000001))).isTrue();
        assertThat(OutputMatcher.jsonEquals(expected, QttLoader.JSON.getNodeFactory().numberNode(new BigDecimal("1.50")))).isTrue();
        assertThat(OutputMatcher.jsonEquals(expected, QttLoader.JSON.getNodeFactory().numberNode(new BigDecimal("1.5")))).isFalse();
    }

    @Test
    void shouldTreatAFieldMissingFromTheActualObjectAsNull() throws Exception {
        assertThat(OutputMatcher.jsonEquals(json("{\"HEX\": null, \"B\": 1}"), json("{\"ASCII\": null, \"B\": 1}")))
                .isTrue();
        assertThat(OutputMatcher.jsonEquals(json("{\"HEX\": 1, \"B\": 1}"), json("{\"ASCII\": 1, \"B\": 1}")))
                .isFalse();
        assertThat(OutputMatcher.jsonEquals(json("{\"HEX\": null}"), json("{\"ASCII\": null, \"B\": null}")))
                .isFalse();
    }

    @Test
    void shouldMatchAnExpectedStringWithADecimalOfTheSameValueAndScale() throws Exception {
        JsonNode decimal = QttLoader.JSON.getNodeFactory().numberNode(new BigDecimal("3.40"));
        assertThat(OutputMatcher.jsonEquals(json("\"3.40\""), decimal)).isTrue();
        assertThat(OutputMatcher.jsonEquals(json("\"3.4\""), decimal)).isFalse();
        assertThat(OutputMatcher.jsonEquals(json("\"x\""), decimal)).isFalse();
        assertThat(OutputMatcher.jsonEquals(json("\"3.40\""), DoubleNode.valueOf(3.4))).isFalse();
    }

    @Test
    void shouldReportCountMismatchAndIgnoreTopicsNotExpected() throws Exception {
        List<QttRecord> expected = List.of(rec("OUT", json("1"), json("{\"V\":1}"), 0L));
        List<QttRecord> actual = List.of(rec("OUT", json("1"), json("{\"V\":1}"), 0L),
                rec("OTHER", NullNode.getInstance(), json("{}"), 5L));
        assertThat(OutputMatcher.firstMismatch(expected, actual)).isEmpty();
        assertThat(OutputMatcher.firstMismatch(expected, List.of())).get().asString()
                .contains("expected 1 records, got 0");
        assertThat(OutputMatcher.firstMismatch(expected, List.of(rec("OUT", json("1"), NullNode.getInstance(), 0L))))
                .get().asString().contains("value differs");
    }

    @Test
    void shouldCheckTimestampOnlyWhenExpected() throws Exception {
        List<QttRecord> expected = List.of(rec("OUT", json("1"), json("2"), null));
        assertThat(OutputMatcher.firstMismatch(expected, List.of(rec("OUT", json("1"), json("2"), 99L)))).isEmpty();
    }
}
