package io.runnel.sql.internal.serde;

import io.runnel.common.Deserializer;
import io.runnel.common.Serializer;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.row.Row;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The DELIMITED format, as ksqlDB's: one line of fields, one per column in schema order,
 * separated by the delimiter ({@code ,} unless {@code VALUE_DELIMITER} / {@code KEY_DELIMITER}
 * say otherwise), quoted as in {@link Csv}. Primitive types, DECIMAL, BYTES and the time types
 * only, in their text forms ({@link Values#format}): BYTES base64, DATE days, TIME ms of day,
 * TIMESTAMP epoch ms, DECIMAL plain at the column's scale. An empty field is null, also for
 * STRING. The field count must match the schema. UTF-8.
 */
final class DelimitedFormat implements Format {

    private static final byte[] EMPTY = new byte[0];

    @Override
    public String name() {
        return "DELIMITED";
    }

    @Override
    public void validate(SerdeSchema schema, FormatOptions options) {
        Formats.validateWrapping(schema, options);
        if (schema.part() == SerdeSchema.Part.VALUE && options.wrapSingleValue().orElse(false)) {
            throw Formats.invalid("Format 'DELIMITED' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
        }
        for (Column column : schema.columns()) {
            SqlBaseType t = column.type().baseType();
            if (t == SqlBaseType.ARRAY || t == SqlBaseType.MAP || t == SqlBaseType.STRUCT) {
                throw Formats.invalid("The 'DELIMITED' format does not support type '" + t.name() + "', column: "
                        + SqlType.quote(column.name()));
            }
        }
    }

    @Override
    public Serializer<Row> serializer(SerdeSchema schema, FormatOptions options) {
        validate(schema, options);
        SqlType[] types = types(schema);
        char delimiter = options.delimiter();
        return (topic, row) -> {
            if (row == null) return null;
            if (types.length == 0) return schema.part() == SerdeSchema.Part.KEY ? null : EMPTY.clone();
            RowErrors.checkSize(schema, row);
            StringBuilder out = new StringBuilder(16 * types.length);
            for (int i = 0; i < types.length; i++) {
                Object value = row.get(i);
                String text;
                try {
                    text = value == null ? null : Values.format(types[i], value);
                } catch (ClassCastException e) {
                    throw RowErrors.writing(schema, Values.wrongClass(types[i], value).inField(schema.column(i).name()));
                } catch (FieldError e) {
                    throw RowErrors.writing(schema, e.inField(schema.column(i).name()));
                }
                Csv.appendField(out, text, delimiter, i == 0);
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    @Override
    public Deserializer<Row> deserializer(SerdeSchema schema, FormatOptions options) {
        validate(schema, options);
        SqlType[] types = types(schema);
        char delimiter = options.delimiter();
        return (topic, data) -> {
            if (data == null) return null;
            if (types.length == 0) return Row.EMPTY;
            List<String> fields;
            try {
                fields = Csv.parseLine(new String(data, StandardCharsets.UTF_8), delimiter);
            } catch (IllegalArgumentException e) {
                throw RowErrors.reading(schema, "invalid delimited line: " + e.getMessage(), data, e);
            }
            if (fields.isEmpty()) throw RowErrors.reading(schema, "No fields in record", data, null);
            if (fields.size() != types.length) {
                throw RowErrors.reading(schema, "Unexpected field count, csvFields:" + fields.size() + " schemaFields:"
                        + types.length, data, null);
            }
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                String field = fields.get(i);
                if (field == null || field.isEmpty()) continue;
                try {
                    values[i] = Values.parse(types[i], field);
                } catch (FieldError e) {
                    throw RowErrors.reading(schema, e.inField(schema.column(i).name()), data);
                }
            }
            return Row.wrap(values);
        };
    }

    private static SqlType[] types(SerdeSchema schema) {
        return schema.columns().stream().map(Column::type).toArray(SqlType[]::new);
    }
}
