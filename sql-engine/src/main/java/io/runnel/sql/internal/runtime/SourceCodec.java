package io.runnel.sql.internal.runtime;

import io.runnel.common.Serde;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.FormatOptions;
import io.runnel.sql.internal.serde.Formats;
import io.runnel.sql.internal.serde.SerdeSchema;
import io.runnel.sql.internal.serde.WindowedKey;
import io.runnel.sql.internal.serde.WindowedSerdes;
import java.util.Optional;

/**
 * Record bytes of one stream or table and back, with its key and value formats and options, as
 * the topologies read and write them (windowed keys with the window appended). Stateless.
 */
final class SourceCodec {
    private final Serde<Row> key;
    private final Serde<Row> value;
    private final Optional<Serde<WindowedKey>> windowed;

    private SourceCodec(Serde<Row> key, Serde<Row> value, Optional<Serde<WindowedKey>> windowed) {
        this.key = key;
        this.value = value;
        this.windowed = windowed;
    }

    static SourceCodec of(DataSource source) {
        SourceFormats formats = source.formats();
        Serde<Row> key = Formats.of(formats.keyFormat()).serde(SerdeSchema.keyOf(source),
                FormatOptions.forKey(formats.properties()));
        Serde<Row> value = Formats.of(formats.valueFormat()).serde(SerdeSchema.valueOf(source),
                FormatOptions.forValue(formats.properties(), true));
        Optional<Serde<WindowedKey>> windowed = formats.window().map(w -> w.kind() == SourceFormats.KeyWindow.Kind.SESSION
                ? WindowedSerdes.sessionWindowed(key) : WindowedSerdes.timeWindowed(key, w.sizeMillis().orElseThrow()));
        return new SourceCodec(key, value, windowed);
    }

    boolean windowed() {
        return windowed.isPresent();
    }

    byte[] keyBytes(String topic, Row keyRow) {
        if (windowed.isPresent()) {
            throw new IllegalStateException("windowed keys are written by queries only");
        }
        return key.serializer().serialize(topic, keyRow);
    }

    /** The bytes of a windowed key: the key columns with the window appended, as the source's topic holds it. */
    byte[] windowedKeyBytes(String topic, WindowedKey windowedKey) {
        return windowed.orElseThrow(() -> new IllegalStateException("not a windowed source")).serializer()
                .serialize(topic, windowedKey);
    }

    /** The key columns' bytes (for a windowed source: without the window, which follows them in a record key). */
    byte[] innerKeyBytes(String topic, Row keyRow) {
        return key.serializer().serialize(topic, keyRow);
    }

    byte[] valueBytes(String topic, Row valueRow) {
        return value.serializer().serialize(topic, valueRow);
    }

    /** The key of a record: its columns and, for a windowed source, its window (start and end; else null). */
    WindowedKey key(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (windowed.isPresent()) {
            return windowed.get().deserializer().deserialize(topic, bytes);
        }
        return new WindowedKey(key.deserializer().deserialize(topic, bytes), 0, 0);
    }

    Row value(String topic, byte[] bytes) {
        return bytes == null ? null : value.deserializer().deserialize(topic, bytes);
    }
}
