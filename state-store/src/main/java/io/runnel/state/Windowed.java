package io.runnel.state;

import java.util.Objects;

/** A key in a window, as in Kafka Streams. */
public record Windowed<K>(K key, Window window) {

    public Windowed {
        Objects.requireNonNull(window, "window");
    }

    @Override
    public String toString() {
        return "[" + key + "@" + window.start() + "/" + window.end() + "]";
    }
}
