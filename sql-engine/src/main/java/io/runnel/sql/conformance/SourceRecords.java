package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.runnel.common.Header;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.ProducerRecord;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.serde.FormatOptions;
import io.runnel.sql.internal.serde.QttCodec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Test records as written in conformance files, to and from the bytes of a topic: each topic is
 * encoded with the key and value formats (and format properties) of the stream or table that
 * reads it in the current catalog, as ksqlDB's test runners do.
 */
public final class SourceRecords {
    private final Supplier<Catalog> catalog;

    SourceRecords(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    /** Records encoded and decoded by the catalog of {@code engine}, as it is at each call. */
    public static SourceRecords of(io.runnel.sql.engine.SqlEngine engine) {
        return new SourceRecords(io.runnel.sql.internal.runtime.Engine.catalogOf(engine));
    }

    /**
     * The record to produce for a test input.
     *
     * @throws IllegalArgumentException when no stream or table reads the record's topic
     */
    public ProducerRecord<byte[], byte[]> encode(QttRecord input) {
        QttCodec codec = codec(source(input.topic()));
        byte[] key = input.key().isNull() ? null : codec.keyBytes(input.key(), input.window());
        byte[] value = input.value().isNull() ? null : codec.valueBytes(input.value());
        return new ProducerRecord<>(input.topic(), null, input.timestamp() == null ? 0L : input.timestamp(), key, value,
                recordHeaders(input.headers()));
    }

    /**
     * A record read from a topic, decoded as a test output.
     *
     * @throws IllegalArgumentException when no stream or table reads the record's topic
     */
    public QttRecord decode(ConsumerRecord<byte[], byte[]> record) {
        QttCodec codec = codec(source(record.topic()));
        QttCodec.DecodedKey key = record.key() == null ? null : codec.decodeKey(record.key());
        JsonNode value = record.value() == null ? null : codec.decodeValue(record.value());
        List<QttRecord.Header> headers = qttHeaders(record.headers());
        return new QttRecord(record.topic(), key == null ? null : key.key(), value, record.timestamp(),
                key == null ? null : key.window(), headers.isEmpty() ? null : headers);
    }

    /** A test record's headers (values base64, as in the files) as record headers; none for null. */
    static List<Header> recordHeaders(List<QttRecord.Header> headers) {
        List<Header> out = new ArrayList<>();
        if (headers != null) {
            for (QttRecord.Header h : headers) {
                out.add(new Header(h.key(), h.value() == null ? null : Base64.getDecoder().decode(h.value())));
            }
        }
        return out;
    }

    /** Record headers as a test record's (values base64). */
    static List<QttRecord.Header> qttHeaders(List<Header> headers) {
        List<QttRecord.Header> out = new ArrayList<>();
        for (Header h : headers) {
            out.add(new QttRecord.Header(h.key(), h.value() == null ? null : Base64.getEncoder().encodeToString(h.value())));
        }
        return out;
    }

    private DataSource source(String topic) {
        return sourceOn(catalog.get(), topic).orElseThrow(() -> new IllegalArgumentException(
                "no stream or table reads topic " + topic));
    }

    /** The first source of the catalog on {@code topic}. */
    static Optional<DataSource> sourceOn(Catalog catalog, String topic) {
        return catalog.sources().values().stream().filter(s -> s.topic().equals(topic)).findFirst();
    }

    /** The QTT codec of a source, with its format properties (WRAP_SINGLE_VALUE, delimiters). */
    static QttCodec codec(DataSource source) {
        return QttCodec.forSource(source, FormatOptions.forKey(source.formats().properties()),
                FormatOptions.forValue(source.formats().properties(), true));
    }
}
