package io.runnel.sql.internal.serde;

import io.runnel.common.Deserializer;
import io.runnel.common.Serializer;
import io.runnel.sql.internal.row.Row;

/**
 * The NONE format: no columns. Keys are written as null bytes; values as zero bytes (so that a
 * value is never mistaken for a tombstone). Whatever bytes are read are ignored: null stays null,
 * anything else is {@link Row#EMPTY}.
 */
final class NoneFormat implements Format {

    private static final byte[] EMPTY = new byte[0];

    @Override
    public String name() {
        return "NONE";
    }

    @Override
    public void validate(SerdeSchema schema, FormatOptions options) {
        if (schema.size() > 0) {
            throw Formats.invalid("The 'NONE' format can only be used when no columns are defined. Got: "
                    + schema.describe());
        }
        if (options.wrapSingleValue().isPresent()) {
            throw Formats.invalid("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
        }
    }

    @Override
    public Serializer<Row> serializer(SerdeSchema schema, FormatOptions options) {
        validate(schema, options);
        return (topic, row) -> row == null || schema.part() == SerdeSchema.Part.KEY ? null : EMPTY.clone();
    }

    @Override
    public Deserializer<Row> deserializer(SerdeSchema schema, FormatOptions options) {
        validate(schema, options);
        return (topic, data) -> data == null ? null : Row.EMPTY;
    }
}
