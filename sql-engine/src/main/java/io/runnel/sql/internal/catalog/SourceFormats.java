package io.runnel.sql.internal.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a source's records are serialized: key and value formats (KAFKA, JSON, DELIMITED, NONE,
 * ...; upper-cased) and, for windowed keys, the window kind and size.
 */
public record SourceFormats(String keyFormat, String valueFormat, Optional<KeyWindow> window) {

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
        keyFormat = keyFormat.toUpperCase(Locale.ROOT);
        valueFormat = valueFormat.toUpperCase(Locale.ROOT);
    }

    public static SourceFormats of(String keyFormat, String valueFormat) {
        return new SourceFormats(keyFormat, valueFormat, Optional.empty());
    }
}
