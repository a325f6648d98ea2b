package io.runnel.sql.internal.plan.json;

import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.plan.ExecNode;
import java.util.Objects;

/**
 * What a persistent query's command stores besides its SQL: the query id, the sink it writes
 * (its catalog entry as it was planned: added to the catalog when {@code createsSink}, replacing
 * a source of the same name when {@code replacesSink}, as CREATE OR REPLACE does) and the exec
 * plan. Replaying it rebuilds the same query without planning the SQL again.
 *
 * @param queryId      e.g. {@code CTAS_COUNTS_1}
 * @param sink         the sink's snapshot (for INSERT INTO: the target as it was)
 * @param createsSink  true for CREATE STREAM|TABLE AS SELECT, false for INSERT INTO ... SELECT
 * @param replacesSink true for CREATE OR REPLACE
 * @param plan         the plan, rooted at its sink
 */
public record QueryPlan(String queryId, DataSource sink, boolean createsSink, boolean replacesSink, ExecNode.Sink plan) {

    public QueryPlan {
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(plan, "plan");
        if (queryId.isBlank()) throw new IllegalArgumentException("blank query id");
        if (replacesSink && !createsSink) throw new IllegalArgumentException("only a created sink can be replaced");
    }
}
