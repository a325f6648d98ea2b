package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares the records a case produced with the ones it expects, as ksqlDB's test harness does:
 * records are grouped by topic and compared in order; only topics named in the expected outputs
 * are checked; the count per topic must match. Values: objects need the same number of fields,
 * each expected field found as written or upper-cased, a field the actual object lacks counting
 * as null (so {@code {"A": null}} matches {@code {"B": null}}, as in ksqlDB's comparator);
 * numbers compare by value, doubles within 1e-6, decimals exactly including scale, and an
 * expected string matches a decimal whose exact value (scale included) it spells; a timestamp, window or headers absent from the
 * expectation is not checked, except that absent headers mean none.
 */
public final class OutputMatcher {

    private static final double DOUBLE_TOLERANCE = 1e-6;

    private OutputMatcher() {
    }

    /** A description of the first difference, or empty when the actual records match. */
    public static Optional<String> firstMismatch(List<QttRecord> expected, List<QttRecord> actual) {
        Map<String, List<QttRecord>> expectedByTopic = byTopic(expected);
        Map<String, List<QttRecord>> actualByTopic = byTopic(actual);
        for (Map.Entry<String, List<QttRecord>> e : expectedByTopic.entrySet()) {
            String topic = e.getKey();
            List<QttRecord> want = e.getValue();
            List<QttRecord> got = actualByTopic.getOrDefault(topic, List.of());
            int n = Math.min(want.size(), got.size());
            for (int i = 0; i < n; i++) {
                Optional<String> diff = recordMismatch(want.get(i), got.get(i));
                if (diff.isPresent()) {
                    return Optional.of("topic " + topic + " record " + i + ": " + diff.get()
                            + "\n  expected: " + describe(want.get(i)) + "\n  actual:   " + describe(got.get(i)));
                }
            }
            if (want.size() != got.size()) {
                String extra = got.size() > want.size() ? "; first extra: " + describe(got.get(want.size()))
                        : "; first missing: " + describe(want.get(got.size()));
                return Optional.of("topic " + topic + ": expected " + want.size() + " records, got " + got.size() + extra);
            }
        }
        return Optional.empty();
    }

    static Optional<String> recordMismatch(QttRecord want, QttRecord got) {
        if (!jsonEquals(want.key(), got.key())) {
            return Optional.of("key differs");
        }
        if (!jsonEquals(want.value(), got.value())) {
            return Optional.of("value differs");
        }
        if (want.timestamp() != null && !want.timestamp().equals(got.timestamp())) {
            return Optional.of("timestamp differs");
        }
        if (want.window() != null && !windowEquals(want.window(), got.window())) {
            return Optional.of("window differs");
        }
        if (want.window() == null && got.window() != null) {
            return Optional.of("unexpected window");
        }
        List<QttRecord.Header> wantHeaders = want.headers() == null ? List.of() : want.headers();
        List<QttRecord.Header> gotHeaders = got.headers() == null ? List.of() : got.headers();
        if (!wantHeaders.equals(gotHeaders)) {
            return Optional.of("headers differ");
        }
        return Optional.empty();
    }

    private static boolean windowEquals(QttRecord.Window want, QttRecord.Window got) {
        return got != null && want.start() == got.start() && want.end() == got.end()
                && want.type().equalsIgnoreCase(got.type());
    }

    /** JSON equality under the comparison rules above. */
    public static boolean jsonEquals(JsonNode want, JsonNode got) {
        if (want == null || want.isNull() || want.isMissingNode()) {
            return got == null || got.isNull() || got.isMissingNode();
        }
        if (got == null || got.isNull() || got.isMissingNode()) {
            return false;
        }
        if (want.isNumber() && got.isNumber()) {
            return numberEquals(want, got);
        }
        if (want.isTextual() && got.isBigDecimal()) {
            return textDecimalEquals(want.asText(), got.decimalValue());
        }
        if (want.isObject() && got.isObject()) {
            if (want.size() != got.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = want.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode g = got.has(f.getKey()) ? got.get(f.getKey()) : got.get(f.getKey().toUpperCase(java.util.Locale.ROOT));
                if (!jsonEquals(f.getValue(), g)) {
                    return false;
                }
            }
            return true;
        }
        if (want.isArray() && got.isArray()) {
            if (want.size() != got.size()) {
                return false;
            }
            for (int i = 0; i < want.size(); i++) {
                if (!jsonEquals(want.get(i), got.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return want.getNodeType() == got.getNodeType() && Objects.equals(want.asText(), got.asText());
    }

    private static boolean textDecimalEquals(String want, BigDecimal got) {
        try {
            return new BigDecimal(want).equals(got);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean numberEquals(JsonNode want, JsonNode got) {
        if (got.isBigDecimal()) {
            BigDecimal w = want.decimalValue();
            BigDecimal g = got.decimalValue();
            return w.compareTo(g) == 0 && w.scale() == g.scale();
        }
        if (got.isDouble() || got.isFloat() || want.isDouble() || want.isFloat() || want.isBigDecimal()) {
            double w = want.doubleValue();
            double g = got.doubleValue();
            if (Double.isNaN(w) || Double.isNaN(g)) {
                return Double.isNaN(w) && Double.isNaN(g);
            }
            return w == g || Math.abs(w - g) <= DOUBLE_TOLERANCE * Math.max(1.0, Math.abs(w));
        }
        return want.bigIntegerValue().equals(got.bigIntegerValue());
    }

    private static Map<String, List<QttRecord>> byTopic(List<QttRecord> records) {
        Map<String, List<QttRecord>> m = new LinkedHashMap<>();
        for (QttRecord r : records) {
            m.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private static String describe(QttRecord r) {
        return "{key=" + r.key() + ", value=" + r.value() + ", timestamp=" + r.timestamp()
                + (r.window() == null ? "" : ", window=" + r.window()) + "}";
    }
}
