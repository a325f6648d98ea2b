package io.runnel.sql.internal.runtime;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.engine.EngineResult;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.QueryAnalyzer;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.command.Descriptions;
import io.runnel.sql.internal.exec.ProcessingLog;
import io.runnel.sql.internal.exec.TopologyBuilder;
import io.runnel.sql.internal.parser.SqlFormatter;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.plan.PersistentQueryPlanner;
import io.runnel.sql.internal.plan.PlanBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EXPLAIN: a query's plan (as {@link PlanPrinter} prints it, with the Calcite plans before and
 * after optimization when the query is planned here) and its topology's description. A running
 * query shows its exec plan only: the plan it runs is kept, not how it was planned.
 */
final class Explainer {
    private Explainer() {
    }

    /** EXPLAIN query_id of a running persistent query. */
    static EngineResult running(String text, PersistentQuery q) {
        return new EngineResult.QueryExplained(text, q.info(), q.sources().stream().map(DataSource::name).toList(), fields(q.sink()),
                PlanPrinter.print(q.plan()), q.topology().describe().toString());
    }

    /** EXPLAIN of a statement, planned as it would run (with the next query number) but not run. */
    static EngineResult notRunning(String text, Statement statement, Catalog catalog, PersistentQueryPlanner planner,
                                   EngineContext context, int queryNumber) {
        String sql = SqlFormatter.format(statement);
        PersistentQueryPlanner.Planned planned;
        if (statement instanceof Statement.CreateAsSelect create) {
            planned = planner.plan(create, catalog, queryNumber);
        } else if (statement instanceof Statement.InsertInto insert) {
            planned = planner.plan(insert, catalog, queryNumber);
        } else if (statement instanceof Statement.QueryStatement select) {
            return query(text, sql, select, catalog, context);
        } else {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "EXPLAIN works on queries, CREATE ... AS SELECT and "
                    + "INSERT INTO ... SELECT, and query ids");
        }
        PersistentQuery query = new PersistentQuery(planned.queryId(), sql, planned.sink(), planned.plan());
        return new EngineResult.QueryExplained(text, new EngineResult.QueryInfo(query.id(), "PERSISTENT", sql,
                List.of(planned.sink().name()), List.of(planned.sink().topic()), "NOT_RUNNING", Optional.empty()),
                query.sources().stream().map(DataSource::name).toList(), fields(planned.sink()),
                PlanPrinter.print(query.plan(), planned.planning()), query.topology().describe().toString());
    }

    private static EngineResult query(String text, String sql, Statement.QueryStatement select, Catalog catalog,
                                      EngineContext context) {
        TransientSelect prepared = TransientSelect.of(select.query(), catalog, context.functions());
        AnalyzedQuery query = new QueryAnalyzer(catalog, context.functions()).forTransientQuery()
                .analyze(prepared.query(), Optional.empty());
        PlanBuilder.Planned planned = PlanBuilder.plan(query, "_runnel_explain-output", new SourceFormats(
                query.output().key().isEmpty() ? "NONE" : "JSON", "JSON", query.window().map(PushQuery::keyWindow),
                Map.of()), Optional.empty(), context.functions());
        ExecNode.Sink plan = planned.plan();
        String id = "transient_" + PersistentQueryPlanner.idPart(query.source().name());
        return new EngineResult.QueryExplained(text, new EngineResult.QueryInfo(id, "PUSH", sql, List.of(), List.of(),
                "NOT_RUNNING", Optional.empty()), List.of(query.source().name()), List.of(), PlanPrinter.print(plan, planned),
                TopologyBuilder.build(id, plan, new ProcessingLog(id)).describe().toString());
    }

    private static List<EngineResult.FieldDetails> fields(DataSource sink) {
        return sink.columns().stream().map(Descriptions::field).toList();
    }
}
