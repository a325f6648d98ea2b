package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One runnable case: a test of a QTT file after {@code format}/{@code config} expansion.
 *
 * @param file          the file's name relative to the directory run (e.g. {@code joins.json})
 * @param name          the test's name
 * @param variant       {@code ""}, or the expansion, e.g. {@code format=JSON} or {@code config=true}
 * @param statements    the statements, placeholders substituted
 * @param inputs        records to produce, in order
 * @param outputs       records expected, in order per topic
 * @param expectedError the error the last statement (or record processing) must raise, or null
 * @param post          the {@code post} checks as written, or null
 * @param properties    the test's properties (ksqlDB config names), placeholders substituted
 * @param topics        the {@code topics} entries as written (partition counts, schemas)
 * @param skipReason    why the case is not run, or null when it is run
 */
public record QttCase(String file, String name, String variant, List<String> statements,
                      List<QttRecord> inputs, List<QttRecord> outputs, ExpectedError expectedError,
                      JsonNode post, Map<String, String> properties, List<JsonNode> topics,
                      String skipReason) {

    public QttCase {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(variant, "variant");
        statements = List.copyOf(statements);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        properties = Map.copyOf(properties);
        topics = List.copyOf(topics);
    }

    /**
     * A stable identifier: {@code file :: name} plus {@code [variant]} when expanded. The name is
     * stripped of surrounding spaces (some test names end with one), so that the id survives a
     * line-based baseline file and editors that trim lines.
     */
    public String id() {
        return id(file, name, variant);
    }

    /** The id of a case of either kind of file: {@code file :: name [variant]}, the name stripped. */
    static String id(String file, String name, String variant) {
        return file + " :: " + name.strip() + (variant.isEmpty() ? "" : " [" + variant + "]");
    }

    public boolean skipped() {
        return skipReason != null;
    }

    /** The failure a case expects: a ksqlDB exception class name and a message substring. */
    public record ExpectedError(String type, String message) {
        public ExpectedError {
            type = type == null ? "" : type;
            message = message == null ? "" : message;
        }

        /** True when ksqlDB reports this as a syntax error. */
        public boolean isParseError() {
            return type.endsWith("ParseFailedException");
        }
    }
}
