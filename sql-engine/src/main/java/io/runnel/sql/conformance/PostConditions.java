package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.ast.TableElement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.parser.SqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a case's {@code post.sources}: each listed stream or table exists with the given type,
 * schema (compared semantically: names, types, and which columns are keys) and, when given, key
 * format (with window type and size) and value format. Topic checks ({@code post.topics}) name
 * ksqlDB's internal topics and are not checked.
 */
final class PostConditions {

    private PostConditions() {
    }

    /** The first difference, or empty when every listed source matches. */
    static Optional<String> firstMismatch(JsonNode post, Catalog catalog) {
        if (post == null) {
            return Optional.empty();
        }
        for (JsonNode expected : post.path("sources")) {
            String name = expected.path("name").asText();
            Optional<DataSource> found = catalog.findSource(name);
            if (found.isEmpty()) {
                return Optional.of("post: source " + name + " does not exist");
            }
            DataSource source = found.get();
            String type = expected.path("type").asText("");
            if (!type.isEmpty() && !type.equalsIgnoreCase(source.kind().name())) {
                return Optional.of("post: " + name + " is a " + source.kind() + ", expected " + type);
            }
            if (expected.hasNonNull("schema")) {
                List<String> want = columns(expected.get("schema").asText(), catalog);
                List<String> got = new ArrayList<>();
                for (Column c : source.columns()) {
                    got.add(describe(c.name(), c.type().sql(), c.isKey()));
                }
                if (!want.equals(got)) {
                    return Optional.of("post: schema of " + name + " is " + got + ", expected " + want);
                }
            }
            JsonNode keyFormat = expected.get("keyFormat");
            if (keyFormat != null && !keyFormat.isNull()) {
                Optional<String> diff = keyFormat(name, keyFormat, source.formats());
                if (diff.isPresent()) {
                    return diff;
                }
            }
            JsonNode valueFormat = expected.path("valueFormat").path("format");
            if (!valueFormat.isMissingNode() && !valueFormat.asText().equalsIgnoreCase(source.formats().valueFormat())) {
                return Optional.of("post: value format of " + name + " is " + source.formats().valueFormat()
                        + ", expected " + valueFormat.asText());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> keyFormat(String name, JsonNode expected, SourceFormats formats) {
        String format = expected.path("format").asText("");
        if (!format.isEmpty() && !format.equalsIgnoreCase(formats.keyFormat())) {
            return Optional.of("post: key format of " + name + " is " + formats.keyFormat() + ", expected " + format);
        }
        JsonNode windowType = expected.get("windowType");
        String gotType = formats.window().map(w -> w.kind().name()).orElse(null);
        String wantType = windowType == null || windowType.isNull() ? null : windowType.asText().toUpperCase(Locale.ROOT);
        if (!java.util.Objects.equals(wantType, gotType)) {
            return Optional.of("post: window type of " + name + " is " + gotType + ", expected " + wantType);
        }
        JsonNode windowSize = expected.get("windowSize");
        if (windowSize != null && !windowSize.isNull()) {
            Long got = formats.window().flatMap(SourceFormats.KeyWindow::sizeMillis).orElse(null);
            if (got == null || got != windowSize.asLong()) {
                return Optional.of("post: window size of " + name + " is " + got + ", expected " + windowSize.asLong());
            }
        }
        return Optional.empty();
    }

    /** The columns of a schema as ksqlDB prints them ({@code `ID` INTEGER KEY, ...}), normalized. */
    private static List<String> columns(String schema, Catalog catalog) {
        Statement.CreateSource create = (Statement.CreateSource) SqlParser.parseStatement(
                "CREATE STREAM POST_SCHEMA (" + schema + ") WITH (KAFKA_TOPIC='t');");
        TypeResolver types = new TypeResolver(catalog);
        List<String> out = new ArrayList<>();
        for (TableElement e : create.elements()) {
            out.add(describe(e.name(), types.resolve(e.type()).sql(),
                    e.constraint() == TableElement.Constraint.KEY || e.constraint() == TableElement.Constraint.PRIMARY_KEY));
        }
        return out;
    }

    private static String describe(String name, String type, boolean key) {
        return name + " " + type + (key ? " KEY" : "");
    }
}
