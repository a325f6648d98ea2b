package io.runnel.sql.internal.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a source's records are serialized: key and value formats (KAFKA, JSON, DELIMITED, NONE,
 * ...; upper-cased), for windowed keys the window kind and size, and the format properties given
 * in the WITH clause, by their WITH names ({@code WRAP_SINGLE_VALUE} "true"/"false",
 * {@code KEY_DELIMITER}, {@code VALUE_DELIMITER} as one character); absent = the format's default.
 */
public record SourceFormats(String keyFormat, String valueFormat, Optional<KeyWindow> window,
                            Map<String, String> properties) {

    /** The window of a windowed key: TUMBLING and HOPPING have a size, SESSION none. */
    public record KeyWindow(Kind kind, Optional<Long> sizeMillis) {
        public enum Kind { TUMBLING, HOPPING, SESSION }

        public KeyWindow {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sizeMillis, "sizeMillis");
            if ((kind == Kind.SESSION) == sizeMillis.isPresent()) {
                throw new IllegalArgumentException(kind + (kind == Kind.SESSION ? " has no size" : " needs a size"));
            }
            if (sizeMillis.isPresent() && sizeMillis.get() <= 0) {
                throw new IllegalArgumentException("window size must be positive: " + sizeMillis.get());
            }
        }
    }

    public SourceFormats {
        Objects.requireNonNull(keyFormat, "keyFormat");
        Objects.requireNonNull(valueFormat, "valueFormat");
        Objects.requireNonNull(window, "window");
        properties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(properties));
        keyFormat = keyFormat.toUpperCase(Locale.ROOT);
        valueFormat = valueFormat.toUpperCase(Locale.ROOT);
    }

    /** Formats without format properties. */
    public SourceFormats(String keyFormat, String valueFormat, Optional<KeyWindow> window) {
        this(keyFormat, valueFormat, window, Map.of());
    }

    public static SourceFormats of(String keyFormat, String valueFormat) {
        return new SourceFormats(keyFormat, valueFormat, Optional.empty());
    }
}
