package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One runnable case of a REST QTT file ({@code qtt/rqtt}): statements sent to a server over
 * HTTP, records produced to its log, and the responses, topic outputs or error it must give.
 *
 * @param file                   the file's name relative to the directory run
 * @param name                   the test's name
 * @param variant                {@code ""}, or the expansion, e.g. {@code format=JSON}
 * @param statements             the statements, placeholders substituted; queries
 *                               ({@code SELECT ...}) come after the other statements
 * @param inputs                 records to produce, in order, before the queries run (or, with
 *                               {@code waitForActivePushQuery}, once the push query runs)
 * @param outputs                records expected on topics, in order per topic
 * @param responses              the expected responses as written: one per statement that
 *                               answers ({@code INSERT ... VALUES} answers nothing), each
 *                               {@code {"admin": {...}}} or {@code {"query": [...]}}
 * @param expectedError          the error the last statement must answer with, or null
 * @param properties             request properties (e.g. {@code auto.offset.reset})
 * @param topics                 the {@code topics} entries as written
 * @param waitForActivePushQuery produce the inputs only after the push query started
 * @param skipReason             why the case is not run, or null when it is run
 */
public record RestCase(String file, String name, String variant, List<String> statements, List<QttRecord> inputs,
                       List<QttRecord> outputs, List<JsonNode> responses, ExpectedError expectedError,
                       Map<String, Object> properties, List<JsonNode> topics, boolean waitForActivePushQuery,
                       String skipReason) {

    public RestCase {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(variant, "variant");
        statements = List.copyOf(statements);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        responses = List.copyOf(responses);
        properties = Map.copyOf(properties);
        topics = List.copyOf(topics);
    }

    /** A stable identifier, shaped as {@link QttCase#id()}. */
    public String id() {
        return QttCase.id(file, name, variant);
    }

    public boolean skipped() {
        return skipReason != null;
    }

    /** True for a statement that runs as a query (push or pull) rather than through {@code /ksql}. */
    public static boolean isQuery(String statement) {
        String s = statement.stripLeading();
        return s.regionMatches(true, 0, "SELECT", 0, 6) && (s.length() == 6 || !Character.isLetterOrDigit(s.charAt(6)));
    }

    /**
     * The error a case expects from its last statement: ksqlDB's error entity type (e.g.
     * {@code KsqlStatementErrorMessage}), a message substring, and the HTTP status (null = any
     * 4xx).
     */
    public record ExpectedError(String type, String message, Integer status) {
        public ExpectedError {
            type = type == null ? "" : type;
            message = message == null ? "" : message;
        }
    }
}
