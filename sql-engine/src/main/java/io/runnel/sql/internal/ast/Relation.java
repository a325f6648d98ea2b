package io.runnel.sql.internal.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * The FROM clause. Joins are left-deep: {@code a JOIN b ON .. JOIN c ON ..} is
 * {@code Join(Join(a, b), c)}, matching ksqlDB's N-way join evaluation order.
 */
public sealed interface Relation extends Node {

    /** A stream or table by name, with an optional alias. */
    record Source(String name, Optional<String> alias, Position position) implements Relation {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(position, "position");
        }

        /** The name columns of this source are qualified with: the alias if given, else the name. */
        public String qualifier() {
            return alias.orElse(name);
        }
    }

    enum JoinType {
        INNER("JOIN"), LEFT("LEFT JOIN"), RIGHT("RIGHT JOIN"), FULL("FULL OUTER JOIN");

        private final String sql;

        JoinType(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** {@code WITHIN n unit} (before = after) or {@code WITHIN (before, after)}, with an optional grace period. */
    record JoinWindow(TimeSpan before, TimeSpan after, Optional<TimeSpan> grace, Position position) implements Node {
        public JoinWindow {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(grace, "grace");
            Objects.requireNonNull(position, "position");
        }
    }

    record Join(Relation left, Source right, JoinType type, Optional<JoinWindow> within, Expression criteria,
                Position position) implements Relation {
        public Join {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(within, "within");
            Objects.requireNonNull(criteria, "criteria");
            Objects.requireNonNull(position, "position");
        }
    }
}
