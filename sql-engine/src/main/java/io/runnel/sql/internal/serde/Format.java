package io.runnel.sql.internal.serde;

import io.runnel.common.Deserializer;
import io.runnel.common.Serde;
import io.runnel.common.Serializer;
import io.runnel.sql.internal.row.Row;

/**
 * A serialization format of keys and values (JSON, DELIMITED, KAFKA, NONE), byte-compatible with
 * ksqlDB's. A format makes a serializer and a deserializer of {@link Row}s for one
 * {@link SerdeSchema} and {@link FormatOptions}; they are built once per schema (per-column
 * readers and writers prepared up front) and are stateless, so one instance serves all threads.
 *
 * <p>Common rules: a {@code null} row is written as {@code null} bytes (a tombstone when it is a
 * value) and {@code null} bytes are read as a {@code null} row. A schema without columns is
 * written as {@code null} (keys) or an empty record (values) and its bytes are ignored when read
 * ({@link Row#EMPTY}). A record that cannot be read or written raises {@link SerdeException}
 * naming the column, the expected type and an excerpt of the bytes.
 */
public sealed interface Format permits JsonFormat, DelimitedFormat, KafkaFormat, NoneFormat {

    /** The name as written in SQL: {@code JSON}, {@code DELIMITED}, {@code KAFKA}, {@code NONE}. */
    String name();

    /**
     * Checks that the format can hold the schema with these options; throws
     * {@link io.runnel.sql.SqlException} (INVALID_STATEMENT) worded as ksqlDB, e.g. {@code The
     * 'KAFKA' format does not support type 'BOOLEAN'}.
     */
    void validate(SerdeSchema schema, FormatOptions options);

    /** A serializer of rows of the schema (validated first). */
    Serializer<Row> serializer(SerdeSchema schema, FormatOptions options);

    /** A deserializer of rows of the schema (validated first). */
    Deserializer<Row> deserializer(SerdeSchema schema, FormatOptions options);

    default Serde<Row> serde(SerdeSchema schema, FormatOptions options) {
        return Serde.of(serializer(schema, options), deserializer(schema, options));
    }
}
