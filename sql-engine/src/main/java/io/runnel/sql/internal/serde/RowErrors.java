package io.runnel.sql.internal.serde;

import io.runnel.sql.internal.row.Row;

/** Builds the {@link SerdeException}s of row serializers and deserializers. */
final class RowErrors {

    private RowErrors() {
    }

    static SerdeException reading(SerdeSchema schema, FieldError e, byte[] data) {
        return new SerdeException(true, schema.part().label(), e.path(), e.expectedType(), e.reason(),
                SerdeException.excerpt(data), e.getCause());
    }

    static SerdeException reading(SerdeSchema schema, String reason, byte[] data, Throwable cause) {
        return new SerdeException(true, schema.part().label(), null, null, reason, SerdeException.excerpt(data), cause);
    }

    static SerdeException writing(SerdeSchema schema, FieldError e) {
        return new SerdeException(false, schema.part().label(), e.path(), e.expectedType(), e.reason(), null,
                e.getCause());
    }

    static SerdeException writing(SerdeSchema schema, String reason, Throwable cause) {
        return new SerdeException(false, schema.part().label(), null, null, reason, null, cause);
    }

    /** Checks that a row to write has one value per column. */
    static void checkSize(SerdeSchema schema, Row row) {
        if (row.size() != schema.size()) {
            throw writing(schema, "row has " + row.size() + " columns but the " + schema.part().label()
                    + " schema has " + schema.size() + ": " + schema.describe(), null);
        }
    }
}
