package io.runnel.log;

import java.util.Locale;

/** Batch compression, with Kafka's attribute codes (bits 0-2 of a batch's attributes). */
public enum CompressionType {
    NONE(0), GZIP(1), SNAPPY(2), LZ4(3), ZSTD(4);

    private final int id;

    CompressionType(int id) {
        this.id = id;
    }

    /** The code stored in a record batch's attributes. */
    public int id() {
        return id;
    }

    public static CompressionType forId(int id) {
        for (CompressionType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown compression type id " + id);
    }

    /** Parses {@code none|gzip|snappy|lz4|zstd}, case-insensitively. */
    public static CompressionType forName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("compression.type", name, "one of none, gzip, snappy, lz4, zstd");
        }
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
