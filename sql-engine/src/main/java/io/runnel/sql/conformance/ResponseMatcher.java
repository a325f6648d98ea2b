package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a REST case's responses with the expected ones, by the rules of ksqlDB's REST test
 * files:
 * <ul>
 *   <li>one response per statement that answers, in order, and no more;</li>
 *   <li>{@code {"admin": {...}}}: every field written in the expected entity must be in the
 *       actual one with an equal value (objects compared the same way, recursively); other
 *       fields are not checked;</li>
 *   <li>{@code {"query": [...]}}: the header's fields as for admin entities; the rows compared
 *       as a multiset, with the exact count ({@code tombstone} included in a row's identity);
 *       any other element ({@code finalMessage}) must be present and equal;</li>
 *   <li>a field name ending in {@code |starts_with} matches an actual string field of the name
 *       before it that starts with the expected text.</li>
 * </ul>
 * Values are compared with {@link OutputMatcher#jsonEquals} (doubles within a tolerance,
 * decimals exact).
 */
public final class ResponseMatcher {
    private static final String STARTS_WITH = "|starts_with";

    private ResponseMatcher() {
    }

    /**
     * A description of the first difference, or empty when they match. Actual responses have the
     * expected ones' shape: {@code {"admin": entity}} or {@code {"query": [elements]}}.
     */
    public static Optional<String> firstMismatch(List<JsonNode> expected, List<JsonNode> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            Optional<String> diff = responseMismatch(expected.get(i), actual.get(i));
            if (diff.isPresent()) {
                return Optional.of("response " + i + ": " + diff.get());
            }
        }
        if (expected.size() != actual.size()) {
            return Optional.of("expected " + expected.size() + " responses, got " + actual.size()
                    + (actual.size() > expected.size() ? "; first extra: " + actual.get(expected.size())
                    : "; first missing: " + expected.get(actual.size())));
        }
        return Optional.empty();
    }

    private static Optional<String> responseMismatch(JsonNode want, JsonNode got) {
        if (want.has("admin")) {
            if (!got.has("admin")) {
                return Optional.of("expected an admin response " + want.get("admin") + ", got " + got);
            }
            return containsAll(want.get("admin"), got.get("admin"))
                    ? Optional.empty()
                    : Optional.of("expected admin entity with " + want.get("admin") + ", got " + got.get("admin"));
        }
        if (want.has("query")) {
            if (!got.has("query")) {
                return Optional.of("expected a query response, got " + got);
            }
            return queryMismatch(want.get("query"), got.get("query"));
        }
        return Optional.of("unknown kind of expected response " + want);
    }

    private static Optional<String> queryMismatch(JsonNode want, JsonNode got) {
        List<JsonNode> wantRows = elements(want, "row");
        List<JsonNode> gotRows = elements(got, "row");
        List<JsonNode> wantOther = others(want);
        List<JsonNode> gotOther = others(got);
        for (JsonNode w : wantOther) {
            String field = w.fieldNames().next();
            String kind = field.endsWith(STARTS_WITH) ? field.substring(0, field.length() - STARTS_WITH.length()) : field;
            JsonNode match = gotOther.stream().filter(g -> g.has(kind)).findFirst().orElse(null);
            if (match == null) {
                return Optional.of("missing " + w + " in " + got);
            }
            if (!containsAll(w, match)) {
                return Optional.of("expected " + w + ", got " + match);
            }
        }
        if (wantRows.size() != gotRows.size()) {
            return Optional.of("expected " + wantRows.size() + " rows " + wantRows + ", got " + gotRows.size()
                    + " " + gotRows);
        }
        List<JsonNode> unmatched = new ArrayList<>(gotRows);
        for (JsonNode w : wantRows) {
            Iterator<JsonNode> it = unmatched.iterator();
            boolean found = false;
            while (it.hasNext()) {
                if (rowEquals(w, it.next())) {
                    it.remove();
                    found = true;
                    break;
                }
            }
            if (!found) {
                return Optional.of("expected row " + w + " not among the rows " + gotRows);
            }
        }
        return Optional.empty();
    }

    private static boolean rowEquals(JsonNode want, JsonNode got) {
        return OutputMatcher.jsonEquals(want.path("columns"), got.path("columns"))
                && want.path("tombstone").asBoolean(false) == got.path("tombstone").asBoolean(false);
    }

    /** The inner objects of the elements of kind {@code kind} ({@code {"row": {...}}} → {@code {...}}). */
    private static List<JsonNode> elements(JsonNode query, String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : query) {
            if (e.has(kind)) {
                out.add(e.get(kind));
            }
        }
        return out;
    }

    private static List<JsonNode> others(JsonNode query) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : query) {
            if (!e.has("row")) {
                out.add(e);
            }
        }
        return out;
    }

    /** True when every field written in {@code want} is in {@code got} with a matching value. */
    static boolean containsAll(JsonNode want, JsonNode got) {
        if (!want.isObject()) {
            return OutputMatcher.jsonEquals(want, got);
        }
        if (got == null || !got.isObject()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = want.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = f.getKey();
            if (name.endsWith(STARTS_WITH)) {
                JsonNode g = got.get(name.substring(0, name.length() - STARTS_WITH.length()));
                if (g == null || !g.isTextual() || !g.asText().startsWith(f.getValue().asText())) {
                    return false;
                }
            } else if (!got.has(name) || !containsAll(f.getValue(), got.get(name))) {
                return false;
            }
        }
        return true;
    }
}
