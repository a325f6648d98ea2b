package io.runnel.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Serdes for primitive types, byte-compatible with Apache Kafka's: String as UTF-8, Integer and
 * Long big-endian 4 and 8 bytes, Double as 8-byte IEEE 754 big-endian, Void always null.
 */
public final class Serdes {

    private Serdes() {
    }

    public static Serde<String> string() {
        return STRING;
    }

    public static Serde<Integer> integer() {
        return INTEGER;
    }

    public static Serde<Long> longSerde() {
        return LONG;
    }

    public static Serde<Double> doubleSerde() {
        return DOUBLE;
    }

    public static Serde<byte[]> byteArray() {
        return BYTE_ARRAY;
    }

    public static Serde<Void> voidSerde() {
        return VOID;
    }

    private static final Serde<String> STRING = Serde.of(
            (topic, s) -> s == null ? null : s.getBytes(StandardCharsets.UTF_8),
            (topic, b) -> b == null ? null : new String(b, StandardCharsets.UTF_8));

    private static final Serde<Integer> INTEGER = Serde.of(
            (topic, i) -> i == null ? null : ByteBuffer.allocate(4).putInt(i).array(),
            (topic, b) -> b == null ? null : ByteBuffer.wrap(checkSize(b, 4, "Integer")).getInt());

    private static final Serde<Long> LONG = Serde.of(
            (topic, l) -> l == null ? null : ByteBuffer.allocate(8).putLong(l).array(),
            (topic, b) -> b == null ? null : ByteBuffer.wrap(checkSize(b, 8, "Long")).getLong());

    private static final Serde<Double> DOUBLE = Serde.of(
            (topic, d) -> d == null ? null : ByteBuffer.allocate(8).putDouble(d).array(),
            (topic, b) -> b == null ? null : ByteBuffer.wrap(checkSize(b, 8, "Double")).getDouble());

    private static final Serde<byte[]> BYTE_ARRAY = Serde.of((topic, b) -> b, (topic, b) -> b);

    private static final Serde<Void> VOID = Serde.of(
            (topic, v) -> null,
            (topic, b) -> {
                if (b != null) {
                    throw new SerializationException("Void deserializer got " + b.length + " bytes, expected null");
                }
                return null;
            });

    private static byte[] checkSize(byte[] b, int size, String type) {
        if (b.length != size) {
            throw new SerializationException(type + " needs " + size + " bytes, got " + b.length);
        }
        return b;
    }
}
