package io.runnel.streams.dsl;

import java.util.Objects;

/**
 * When a time-windowed aggregation emits its results (Kafka Streams' {@code EmitStrategy}):
 * {@link #onWindowUpdate()} (the default) forwards every update of a window; {@link #onWindowClose()}
 * forwards each window once, with its final value, when stream time passes its end plus grace.
 */
public record EmitStrategy(StrategyType type) {

    /** The kinds of strategy. */
    public enum StrategyType { ON_WINDOW_UPDATE, ON_WINDOW_CLOSE }

    public EmitStrategy {
        Objects.requireNonNull(type, "type");
    }

    public static EmitStrategy onWindowUpdate() {
        return new EmitStrategy(StrategyType.ON_WINDOW_UPDATE);
    }

    public static EmitStrategy onWindowClose() {
        return new EmitStrategy(StrategyType.ON_WINDOW_CLOSE);
    }
}
