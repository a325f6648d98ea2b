package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a REST QTT file into cases, with the same rules as {@link QttLoader}: comments allowed,
 * {@code "enabled": false} left out, one case per {@code format} entry, the same skip rules.
 * Property values keep their JSON type (strings, numbers, booleans), since they are sent as
 * request properties.
 */
public final class RestCaseLoader {

    private RestCaseLoader() {
    }

    /** Loads the cases of one file; {@code displayName} is how the file is named in case ids. */
    public static List<RestCase> load(Path file, String displayName) throws IOException {
        JsonNode root = QttLoader.JSON.readTree(Files.readString(file));
        List<RestCase> cases = new ArrayList<>();
        for (JsonNode test : root.path("tests")) {
            if (test.has("enabled") && !test.get("enabled").asBoolean(true)) {
                continue;
            }
            List<String> formats = new ArrayList<>();
            test.path("format").forEach(f -> formats.add(f.asText()));
            for (String format : formats.isEmpty() ? Collections.<String>singletonList(null) : formats) {
                cases.add(expand(displayName, test, format));
            }
        }
        return cases;
    }

    private static RestCase expand(String file, JsonNode test, String format) {
        List<String> statements = new ArrayList<>();
        for (JsonNode s : test.path("statements")) {
            statements.add(format == null ? s.asText() : s.asText().replace("{FORMAT}", format));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> props = test.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> e = props.next();
            properties.put(e.getKey(), QttLoader.JSON.convertValue(e.getValue(), Object.class));
        }
        List<JsonNode> topics = new ArrayList<>();
        test.path("topics").forEach(topics::add);
        List<JsonNode> responses = new ArrayList<>();
        test.path("responses").forEach(responses::add);
        RestCase.ExpectedError error = null;
        JsonNode ex = test.get("expectedError");
        if (ex != null && !ex.isNull()) {
            JsonNode status = ex.get("status");
            error = new RestCase.ExpectedError(text(ex.get("type")), text(ex.get("message")),
                    status == null || status.isNull() ? null : status.asInt());
        }
        boolean waitForPush = test.path("inputConditions").path("waitForActivePushQuery").asBoolean(false);
        String skip = SkipRules.reason(statements, topics, format).orElse(null);
        return new RestCase(file, test.path("name").asText(), format == null ? "" : "format=" + format, statements,
                QttLoader.records(test.path("inputs")), QttLoader.records(test.path("outputs")), responses, error,
                properties, topics, waitForPush, skip);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
