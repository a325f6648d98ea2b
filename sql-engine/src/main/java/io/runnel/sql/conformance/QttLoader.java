package io.runnel.sql.conformance;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a QTT file into cases. Comments ({@code //}, {@code /* *&#47;}) and trailing commas are
 * accepted; unknown keys are ignored; tests with {@code "enabled": false} are left out; each
 * test is expanded once per {@code format} entry (replacing {@code {FORMAT}} in its statements)
 * and once per {@code config} entry (replacing the property whose value is {@code {CONFIG}}).
 */
public final class QttLoader {

    /** The JSON reader shared by the runner: comments and trailing commas allowed, decimals exact (scale kept). */
    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private QttLoader() {
    }

    /** Loads the cases of one file; {@code displayName} is how the file is named in case ids. */
    public static List<QttCase> load(Path file, String displayName) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(file));
        List<QttCase> cases = new ArrayList<>();
        for (JsonNode test : root.path("tests")) {
            if (test.has("enabled") && !test.get("enabled").asBoolean(true)) {
                continue;
            }
            List<String> formats = strings(test.get("format"));
            List<String> configs = strings(test.get("config"));
            for (String format : formats.isEmpty() ? java.util.Collections.<String>singletonList(null) : formats) {
                for (String config : configs.isEmpty() ? java.util.Collections.<String>singletonList(null) : configs) {
                    cases.add(expand(displayName, test, format, config));
                }
            }
        }
        return cases;
    }

    private static QttCase expand(String file, JsonNode test, String format, String config) {
        List<String> statements = new ArrayList<>();
        for (JsonNode s : test.path("statements")) {
            String text = s.asText();
            statements.add(format == null ? text : text.replace("{FORMAT}", format));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> props = test.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> e = props.next();
            String v = e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString();
            properties.put(e.getKey(), config != null && v.equals("{CONFIG}") ? config : v);
        }
        List<JsonNode> topics = new ArrayList<>();
        test.path("topics").forEach(topics::add);
        QttCase.ExpectedError error = null;
        JsonNode ex = test.get("expectedException");
        if (ex != null && !ex.isNull()) {
            error = new QttCase.ExpectedError(textOrNull(ex.get("type")), textOrNull(ex.get("message")));
        }
        JsonNode post = test.get("post");
        String variant = variant(format, config);
        String skip = SkipRules.reason(statements, topics, format).orElse(null);
        return new QttCase(file, test.path("name").asText(), variant, statements, records(test.path("inputs")),
                records(test.path("outputs")), error, post == null || post.isNull() ? null : post, properties,
                topics, skip);
    }

    private static String variant(String format, String config) {
        List<String> parts = new ArrayList<>();
        if (format != null) {
            parts.add("format=" + format);
        }
        if (config != null) {
            parts.add("config=" + config);
        }
        return String.join(",", parts);
    }

    static List<QttRecord> records(JsonNode array) {
        List<QttRecord> records = new ArrayList<>();
        for (JsonNode r : array) {
            QttRecord.Window window = null;
            JsonNode w = r.get("window");
            if (w != null && !w.isNull()) {
                window = new QttRecord.Window(w.path("start").asLong(), w.path("end").asLong(),
                        w.path("type").asText("time"));
            }
            List<QttRecord.Header> headers = null;
            JsonNode h = r.get("headers");
            if (h != null && h.isArray()) {
                headers = new ArrayList<>();
                for (JsonNode header : h) {
                    headers.add(new QttRecord.Header(header.path("KEY").asText(), textOrNull(header.get("VALUE"))));
                }
            }
            JsonNode ts = r.get("timestamp");
            records.add(new QttRecord(r.path("topic").asText(),
                    r.has("key") ? r.get("key") : NullNode.getInstance(),
                    r.has("value") ? r.get("value") : NullNode.getInstance(),
                    ts == null || ts.isNull() ? null : ts.asLong(), window, headers));
        }
        return records;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
