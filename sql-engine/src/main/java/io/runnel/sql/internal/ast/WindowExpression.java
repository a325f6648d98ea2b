package io.runnel.sql.internal.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code WINDOW TUMBLING|HOPPING|SESSION (...)} of an aggregation. */
public sealed interface WindowExpression extends Node {

    Optional<TimeSpan> retention();

    Optional<TimeSpan> grace();

    record Tumbling(TimeSpan size, Optional<TimeSpan> retention, Optional<TimeSpan> grace, Position position)
            implements WindowExpression {
        public Tumbling {
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(grace, "grace");
            Objects.requireNonNull(position, "position");
        }
    }

    record Hopping(TimeSpan size, TimeSpan advance, Optional<TimeSpan> retention, Optional<TimeSpan> grace,
                   Position position) implements WindowExpression {
        public Hopping {
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(advance, "advance");
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(grace, "grace");
            Objects.requireNonNull(position, "position");
        }
    }

    /** A session window closes after {@code gap} without records for its key. */
    record Session(TimeSpan gap, Optional<TimeSpan> retention, Optional<TimeSpan> grace, Position position)
            implements WindowExpression {
        public Session {
            Objects.requireNonNull(gap, "gap");
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(grace, "grace");
            Objects.requireNonNull(position, "position");
        }
    }
}
