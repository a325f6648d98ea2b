package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import java.util.List;
import java.util.Locale;

/**
 * The serialization formats Runnel supports for keys and values, with what each can hold and which
 * {@code WRAP_SINGLE_VALUE} settings it accepts (as ksqlDB's formats: JSON both, DELIMITED and
 * KAFKA only unwrapped single values, NONE neither). The schema-registry formats of ksqlDB are
 * recognised and refused with a clear error.
 */
public enum KnownFormat {
    JSON(true, true),
    DELIMITED(false, true),
    KAFKA(false, true),
    NONE(false, false);

    /** ksqlDB formats that need a schema registry, which Runnel does not have. */
    public static final List<String> SCHEMA_REGISTRY_FORMATS = List.of("AVRO", "PROTOBUF", "PROTOBUF_NOSR", "JSON_SR");

    private final boolean wrapsSingles;
    private final boolean unwrapsSingles;

    KnownFormat(boolean wrapsSingles, boolean unwrapsSingles) {
        this.wrapsSingles = wrapsSingles;
        this.unwrapsSingles = unwrapsSingles;
    }

    /** Whether {@code WRAP_SINGLE_VALUE} may be set to {@code wrap} for this format. */
    public boolean supportsWrapping(boolean wrap) {
        return wrap ? wrapsSingles : unwrapsSingles;
    }

    /** Whether a single key or value column is written bare by default (true for all but NONE). */
    public boolean unwrapsSingles() {
        return unwrapsSingles;
    }

    /**
     * The format with this name (case-insensitive); {@code Unknown format: FOO} when there is none
     * and a "not supported" error for AVRO, PROTOBUF, PROTOBUF_NOSR and JSON_SR.
     */
    public static KnownFormat of(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (KnownFormat format : values()) {
            if (format.name().equals(upper)) return format;
        }
        if (SCHEMA_REGISTRY_FORMATS.contains(upper)) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_FORMAT, "The '" + upper + "' format is not supported: it needs a"
                    + " schema registry, which Runnel does not have. Use JSON, DELIMITED, KAFKA or NONE.");
        }
        throw new SqlException(SqlErrorCode.UNSUPPORTED_FORMAT, "Unknown format: " + upper);
    }
}
