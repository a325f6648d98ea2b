package io.runnel.sql.internal.serde;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The formats by name; the one place formats are registered. */
public final class Formats {

    public static final Format JSON = new JsonFormat();
    public static final Format DELIMITED = new DelimitedFormat();
    public static final Format KAFKA = new KafkaFormat();
    public static final Format NONE = new NoneFormat();

    private static final List<Format> ALL = List.of(JSON, DELIMITED, KAFKA, NONE);
    private static final List<String> KNOWN_UNSUPPORTED = List.of("AVRO", "PROTOBUF", "PROTOBUF_NOSR", "JSON_SR");

    private Formats() {
    }

    /**
     * The format with this name (any case). Unknown names fail as in ksqlDB ({@code Unknown
     * format: FOO}); ksqlDB's schema-registry formats fail with a message saying they are not
     * supported yet.
     */
    public static Format of(String name) {
        Objects.requireNonNull(name, "name");
        String upper = name.toUpperCase(Locale.ROOT);
        for (Format format : ALL) {
            if (format.name().equals(upper)) return format;
        }
        if (KNOWN_UNSUPPORTED.contains(upper)) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "The '" + upper
                    + "' format is not supported by Runnel yet; use JSON, DELIMITED, KAFKA or NONE");
        }
        throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Unknown format: " + upper);
    }

    /** All formats Runnel supports. */
    public static List<Format> all() {
        return ALL;
    }

    static SqlException invalid(String message) {
        return new SqlException(SqlErrorCode.INVALID_STATEMENT, message);
    }

    /** The checks every format shares: WRAP_SINGLE_VALUE only for values of one column. */
    static void validateWrapping(SerdeSchema schema, FormatOptions options) {
        if (schema.part() == SerdeSchema.Part.VALUE && options.wrapSingleValue().isPresent() && schema.size() != 1) {
            throw invalid("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
        }
    }
}
