package io.runnel.sql.internal.serde;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import io.runnel.common.Deserializer;
import io.runnel.common.Serializer;
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.row.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON format, as ksqlDB's: a value is an object of its columns, named as the columns are
 * (upper-case unless quoted), in schema order; a key with one column, and a value with one column
 * and {@code WRAP_SINGLE_VALUE=false}, is the bare column value; a key with several columns is an
 * object. Reading matches field names exactly, then upper-cased, ignores unknown fields and takes
 * missing ones as null. Type mapping and coercions: {@link JsonReaders}, {@link JsonWriters}.
 * A bare single value that is null is written as {@code null} bytes (as ksqlDB does).
 */
final class JsonFormat implements Format {

    /** Shared, thread-safe; decimals are written plain ({@code 0.0000001}, never {@code 1E-7}). */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    @Override
    public String name() {
        return "JSON";
    }

    @Override
    public void validate(SerdeSchema schema, FormatOptions options) {
        Formats.validateWrapping(schema, options);
        schema.columns().forEach(c -> checkMapKeys(c.type()));
    }

    private static void checkMapKeys(SqlType type) {
        if (type instanceof SqlType.Map m) {
            SqlBaseType k = m.key().baseType();
            if (k == SqlBaseType.ARRAY || k == SqlBaseType.MAP || k == SqlBaseType.STRUCT) {
                throw Formats.invalid("The 'JSON' format does not support MAP keys of type " + m.key().sql());
            }
            checkMapKeys(m.value());
        } else if (type instanceof SqlType.Array a) {
            checkMapKeys(a.element());
        } else if (type instanceof SqlType.Struct s) {
            s.fields().forEach(f -> checkMapKeys(f.type()));
        }
    }

    private static boolean unwrapped(SerdeSchema schema, FormatOptions options) {
        return schema.part() == SerdeSchema.Part.KEY ? schema.size() == 1 : options.unwrapValue(schema.size());
    }

    @Override
    public Serializer<Row> serializer(SerdeSchema schema, FormatOptions options) {
        validate(schema, options);
        return new RowSerializer(schema, unwrapped(schema, options));
    }

    @Override
    public Deserializer<Row> deserializer(SerdeSchema schema, FormatOptions options) {
        validate(schema, options);
        return new RowDeserializer(schema, unwrapped(schema, options));
    }

    private static final class RowSerializer implements Serializer<Row> {
        private final SerdeSchema schema;
        private final boolean unwrapped;
        private final SerializedString[] names;
        private final JsonWriters.Writer[] writers;

        RowSerializer(SerdeSchema schema, boolean unwrapped) {
            this.schema = schema;
            this.unwrapped = unwrapped;
            this.names = new SerializedString[schema.size()];
            this.writers = new JsonWriters.Writer[schema.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = new SerializedString(schema.column(i).name());
                writers[i] = JsonWriters.forType(schema.column(i).type());
            }
        }

        @Override
        public byte[] serialize(String topic, Row row) {
            if (row == null) return null;
            if (writers.length == 0) return schema.part() == SerdeSchema.Part.KEY ? null : EMPTY_OBJECT.clone();
            RowErrors.checkSize(schema, row);
            if (unwrapped && row.get(0) == null) return null;
            ThreadJsonWriter out = ThreadJsonWriter.current();
            JsonGenerator g = out.generator();
            int i = 0;
            try {
                if (unwrapped) {
                    writers[0].write(g, row.get(0));
                } else {
                    g.writeStartObject();
                    for (; i < writers.length; i++) {
                        g.writeFieldName(names[i]);
                        JsonWriters.writeNullable(writers[i], g, row.get(i));
                    }
                    g.writeEndObject();
                }
                return out.finish();
            } catch (FieldError e) {
                ThreadJsonWriter.discard();
                throw RowErrors.writing(schema, e.inField(schema.column(i).name()));
            } catch (IOException e) {
                ThreadJsonWriter.discard();
                throw RowErrors.writing(schema, "cannot write JSON: " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                ThreadJsonWriter.discard();
                throw e;
            }
        }
    }

    private static final class RowDeserializer implements Deserializer<Row> {
        private final SerdeSchema schema;
        private final boolean unwrapped;
        private final String[] names;
        private final JsonReaders.Reader[] readers;
        private final JsonReaders.FieldMatcher matcher;
        /** The fast path of plain flat objects; null when a column's type has none. */
        private final FlatJsonReader flat;

        RowDeserializer(SerdeSchema schema, boolean unwrapped) {
            this.schema = schema;
            this.unwrapped = unwrapped;
            this.names = new String[schema.size()];
            this.readers = new JsonReaders.Reader[schema.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = schema.column(i).name();
                readers[i] = JsonReaders.forType(schema.column(i).type());
            }
            this.matcher = new JsonReaders.FieldMatcher(names);
            this.flat = FlatJsonReader.of(schema, matcher);
        }

        @Override
        public Row deserialize(String topic, byte[] data) {
            if (data == null) return null;
            if (readers.length == 0) return Row.EMPTY;
            if (flat != null) {
                Object[] values = unwrapped ? flat.readScalar(data) : flat.read(data);
                if (values != null) return Row.wrap(values);
            }
            try (JsonParser p = FACTORY.createParser(data)) {
                JsonToken t = p.nextToken();
                if (t == null) throw RowErrors.reading(schema, "no JSON value", data, null);
                if (t == JsonToken.VALUE_NULL) return null;
                if (unwrapped) {
                    try {
                        return Row.wrap(new Object[] {readers[0].read(p)});
                    } catch (FieldError e) {
                        throw e.inField(names[0]);
                    }
                }
                if (t != JsonToken.START_OBJECT) {
                    throw RowErrors.reading(schema, "expected a JSON object with fields " + schema.describe() + ", got "
                            + JsonReaders.describe(t),
                            data, null);
                }
                return Row.wrap(JsonReaders.readObject(p, matcher, readers, names));
            } catch (FieldError e) {
                throw RowErrors.reading(schema, e, data);
            } catch (JsonProcessingException e) {
                throw RowErrors.reading(schema, "invalid JSON: " + e.getOriginalMessage(), data, e);
            } catch (IOException e) {
                throw RowErrors.reading(schema, "cannot read JSON: " + e.getMessage(), data, e);
            }
        }
    }
}
