package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which cases are not run, and why. A case is skipped when it needs a format backed by a
 * schema registry (AVRO, PROTOBUF, PROTOBUF_NOSR, JSON_SR), a pre-registered schema in its
 * {@code topics}, or one of ksqlDB's test-only functions. Every other case counts.
 */
public final class SkipRules {

    /** Formats that need a schema registry, which Runnel does not implement. */
    public static final List<String> SCHEMA_FORMATS = List.of("AVRO", "PROTOBUF_NOSR", "PROTOBUF", "JSON_SR");

    /** Functions that exist only in ksqlDB's own test code. */
    public static final List<String> TEST_ONLY_FUNCTIONS = List.of("TEST_UDF", "TEST_UDAF", "MULTI_ARG",
            "FOUR_ARG", "FIVE_ARG", "VAR_ARG", "MID_VAR_ARG", "OBJ_COL_ARG", "GENERIC_VAR_ARG", "WHENCONDITION",
            "TOSTRUCT");

    private static final Pattern FORMAT_SETTING = Pattern.compile(
            "\\b(?:KEY_FORMAT|VALUE_FORMAT|FORMAT)\\s*=\\s*'([A-Za-z_]+)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern FUNCTION_CALL;

    static {
        FUNCTION_CALL = Pattern.compile("\\b(" + String.join("|", TEST_ONLY_FUNCTIONS) + ")\\s*\\(",
                Pattern.CASE_INSENSITIVE);
    }

    private SkipRules() {
    }

    /** The reason to skip a case with these (expanded) statements and topics, or empty to run it. */
    public static Optional<String> reason(List<String> statements, List<JsonNode> topics, String variantFormat) {
        if (variantFormat != null && isSchemaFormat(variantFormat)) {
            return Optional.of("needs schema-registry format " + variantFormat.toUpperCase(Locale.ROOT));
        }
        for (String statement : statements) {
            Matcher m = FORMAT_SETTING.matcher(statement);
            while (m.find()) {
                if (isSchemaFormat(m.group(1))) {
                    return Optional.of("needs schema-registry format " + m.group(1).toUpperCase(Locale.ROOT));
                }
            }
            Matcher f = FUNCTION_CALL.matcher(statement);
            if (f.find()) {
                return Optional.of("calls ksqlDB test-only function " + f.group(1).toUpperCase(Locale.ROOT));
            }
        }
        for (JsonNode topic : topics) {
            if (topic.hasNonNull("keySchema") || topic.hasNonNull("valueSchema") || topic.hasNonNull("schema")) {
                return Optional.of("needs a pre-registered schema for topic " + topic.path("name").asText());
            }
        }
        return Optional.empty();
    }

    private static boolean isSchemaFormat(String format) {
        return SCHEMA_FORMATS.contains(format.toUpperCase(Locale.ROOT));
    }
}
