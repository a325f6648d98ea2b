package io.runnel.sql.internal.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A SELECT. Without EMIT it is a pull query when run on its own (and the defining query of a
 * CREATE ... AS SELECT / INSERT INTO); {@code EMIT CHANGES} makes it a push query, {@code EMIT
 * FINAL} one that emits windowed results only when the window closes.
 */
public record Query(
        List<SelectItem> select,
        Relation from,
        Optional<WindowExpression> window,
        Optional<Expression> where,
        List<Expression> groupBy,
        List<Expression> partitionBy,
        Optional<Expression> having,
        Optional<Emit> emit,
        OptionalInt limit,
        Position position) implements Node {

    public enum Emit { CHANGES, FINAL }

    public Query {
        select = List.copyOf(select);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(where, "where");
        groupBy = List.copyOf(groupBy);
        partitionBy = List.copyOf(partitionBy);
        Objects.requireNonNull(having, "having");
        Objects.requireNonNull(emit, "emit");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(position, "position");
        if (select.isEmpty()) throw new IllegalArgumentException("empty SELECT list");
        if (limit.isPresent() && limit.getAsInt() < 0) throw new IllegalArgumentException("LIMIT < 0");
    }

    /** True when the query has no EMIT clause: run on its own it reads current state and ends. */
    public boolean isPullQuery() {
        return emit.isEmpty();
    }
}
