package io.runnel.sql.internal.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.common.Deserializer;
import io.runnel.common.Serializer;
import io.runnel.sql.conformance.QttLoader;
import io.runnel.sql.conformance.QttRecord;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.row.Row;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts keys and values between the JSON of ksqlDB's QTT files and record bytes, for one
 * source (key and value schema, formats, options, window), for the conformance runner.
 *
 * <p>Inputs (JSON → bytes to produce), so that the engine's deserializers do the reading:
 * <ul>
 *   <li>JSON: the JSON as written (field names in their case, numbers as written);</li>
 *   <li>DELIMITED: the string as written ({@code "a,2"}), UTF-8;</li>
 *   <li>KAFKA: the bare value read with the column's type (JSON coercions, BYTES from base64) and
 *       written in Kafka's primitive encoding;</li>
 *   <li>NONE, or a key without columns: the text (or JSON) as written — it must be ignored;</li>
 *   <li>absent / null: null bytes (a null key, a tombstone value).</li>
 * </ul>
 * A windowed key gets the window appended as Kafka Streams does ({@link WindowedSerdes}).
 *
 * <p>Outputs (bytes → JSON to compare with {@link io.runnel.sql.conformance.OutputMatcher}):
 * JSON and KAFKA bytes are read with the engine's deserializer and shown typed by the schema
 * (a bare value for one key column, for KAFKA and for unwrapped values, else an object of
 * columns; decimals exact at the column's scale, doubles as doubles); DELIMITED bytes are shown
 * as the string they hold (quotes included, as in the files); NONE as null.
 */
public final class QttCodec {

    /** A decoded key: the key columns as JSON and, for a windowed key, its window. */
    public record DecodedKey(JsonNode key, QttRecord.Window window) {
        public DecodedKey {
            Objects.requireNonNull(key, "key");
        }
    }

    private final Part key;
    private final Part value;
    private final Optional<SourceFormats.KeyWindow> window;

    public QttCodec(SerdeSchema keySchema, Format keyFormat, FormatOptions keyOptions, SerdeSchema valueSchema,
                    Format valueFormat, FormatOptions valueOptions, Optional<SourceFormats.KeyWindow> window) {
        if (keySchema.part() != SerdeSchema.Part.KEY) throw new IllegalArgumentException("not a key schema");
        if (valueSchema.part() != SerdeSchema.Part.VALUE) throw new IllegalArgumentException("not a value schema");
        this.key = new Part(keySchema, keyFormat, keyOptions);
        this.value = new Part(valueSchema, valueFormat, valueOptions);
        this.window = Objects.requireNonNull(window, "window");
    }

    /** The codec of a source, its formats and window taken from the catalog entry. */
    public static QttCodec forSource(DataSource source, FormatOptions keyOptions, FormatOptions valueOptions) {
        SourceFormats formats = source.formats();
        return new QttCodec(SerdeSchema.keyOf(source), Formats.of(formats.keyFormat()), keyOptions,
                SerdeSchema.valueOf(source), Formats.of(formats.valueFormat()), valueOptions, formats.window());
    }

    /** The key bytes to produce; {@code window} is required for a windowed source and ignored otherwise. */
    public byte[] keyBytes(JsonNode keyJson, QttRecord.Window recordWindow) {
        byte[] inner = key.encode(keyJson);
        if (window.isEmpty()) return inner;
        if (recordWindow == null) throw new IllegalArgumentException("a windowed key needs a window");
        return window.get().kind() == SourceFormats.KeyWindow.Kind.SESSION
                ? WindowedSerdes.sessionWindowedBytes(inner, recordWindow.start(), recordWindow.end())
                : WindowedSerdes.timeWindowedBytes(inner, recordWindow.start());
    }

    /** The value bytes to produce (null for a tombstone). */
    public byte[] valueBytes(JsonNode valueJson) {
        return value.encode(valueJson);
    }

    /** The key as the files show it, and its window when the source is windowed. */
    public DecodedKey decodeKey(byte[] data) {
        if (window.isEmpty() || data == null) return new DecodedKey(key.decode(data), null);
        SourceFormats.KeyWindow w = window.get();
        if (w.kind() == SourceFormats.KeyWindow.Kind.SESSION) {
            check(data, 16);
            ByteBuffer b = ByteBuffer.wrap(data, data.length - 16, 16);
            long end = b.getLong();
            long start = b.getLong();
            return new DecodedKey(key.decode(innerKey(data, 16)), new QttRecord.Window(start, end, "session"));
        }
        check(data, 8);
        long start = ByteBuffer.wrap(data, data.length - 8, 8).getLong();
        long size = w.sizeMillis().orElseThrow();
        long end = start > Long.MAX_VALUE - size ? Long.MAX_VALUE : start + size;
        return new DecodedKey(key.decode(innerKey(data, 8)), new QttRecord.Window(start, end, "time"));
    }

    /** The value as the files show it ({@link NullNode} for a tombstone). */
    public JsonNode decodeValue(byte[] data) {
        return value.decode(data);
    }

    private static byte[] innerKey(byte[] data, int suffix) {
        return data.length == suffix ? null : Arrays.copyOf(data, data.length - suffix);
    }

    private static void check(byte[] data, int min) {
        if (data.length < min) {
            throw new SerdeException(true, "key", null, null, "a windowed key needs at least " + min + " bytes, got "
                    + data.length, SerdeException.excerpt(data), null);
        }
    }

    /** The key or the value side. */
    private static final class Part {
        private final SerdeSchema schema;
        private final Format format;
        private final Serializer<Row> serializer;
        private final Deserializer<Row> deserializer;
        private final boolean bare;

        Part(SerdeSchema schema, Format format, FormatOptions options) {
            this.schema = Objects.requireNonNull(schema, "schema");
            this.format = Objects.requireNonNull(format, "format");
            this.serializer = format.serializer(schema, options);
            this.deserializer = format.deserializer(schema, options);
            this.bare = schema.size() == 1 && (schema.part() == SerdeSchema.Part.KEY || format == Formats.KAFKA
                    || options.unwrapValue(1));
        }

        byte[] encode(JsonNode json) {
            if (json == null || json.isNull() || json.isMissingNode()) return null;
            if (schema.size() == 0 || format == Formats.NONE) return textBytes(json);
            if (format == Formats.JSON) {
                try {
                    return QttLoader.JSON.writeValueAsBytes(json);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("cannot write " + json, e);
                }
            }
            if (format == Formats.DELIMITED) return textBytes(json);
            return serializer.serialize("", Row.of(JsonValues.fromNode(schema.column(0).type(), json)));
        }

        JsonNode decode(byte[] data) {
            if (data == null || schema.size() == 0 || format == Formats.NONE) return NullNode.getInstance();
            if (format == Formats.DELIMITED) {
                return JsonNodeFactory.instance.textNode(new String(data, StandardCharsets.UTF_8));
            }
            Row row = deserializer.deserialize("", data);
            if (row == null) return NullNode.getInstance();
            if (bare) return JsonValues.toNode(schema.column(0).type(), row.get(0));
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < schema.size(); i++) {
                object.set(schema.column(i).name(), JsonValues.toNode(schema.column(i).type(), row.get(i)));
            }
            return object;
        }

        private static byte[] textBytes(JsonNode json) {
            return (json.isTextual() ? json.asText() : json.toString()).getBytes(StandardCharsets.UTF_8);
        }
    }
}
