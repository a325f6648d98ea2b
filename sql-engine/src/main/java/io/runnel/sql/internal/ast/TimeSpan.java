package io.runnel.sql.internal.ast;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** A duration as written in SQL, e.g. {@code 30 SECONDS} (window sizes, grace periods, WITHIN). */
public record TimeSpan(long amount, TimeUnit unit, Position position) implements Node {

    public TimeSpan {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(position, "position");
        if (amount < 0) throw new IllegalArgumentException("amount < 0: " + amount);
        if (unit == TimeUnit.NANOSECONDS || unit == TimeUnit.MICROSECONDS) {
            throw new IllegalArgumentException("unsupported unit: " + unit);
        }
    }

    public long toMillis() {
        return unit.toMillis(amount);
    }
}
