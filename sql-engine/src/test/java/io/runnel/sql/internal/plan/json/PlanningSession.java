package io.runnel.sql.internal.plan.json;

import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.RegistryFunctionResolver;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.command.DdlExecutor;
import io.runnel.sql.internal.command.InMemoryCommandLog;
import io.runnel.sql.internal.command.InMemoryTopics;
import io.runnel.sql.internal.command.SessionContext;
import io.runnel.sql.internal.function.FunctionRegistry;
import io.runnel.sql.internal.parser.ParsedStatement;
import io.runnel.sql.internal.parser.SqlParser;
import io.runnel.sql.internal.plan.PersistentQueryPlanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SQL the way the engine does, without running queries: DDL into the catalog (real DDL
 * executor, in-memory topics), each persistent query planned and its sink added to the catalog;
 * the planned queries are kept as {@link QueryPlan}s.
 */
final class PlanningSession {
    static final FunctionResolver FUNCTIONS = new RegistryFunctionResolver(FunctionRegistry.withBuiltIns());

    private final DdlExecutor ddl = new DdlExecutor(new InMemoryTopics(), new InMemoryCommandLog());
    private SessionContext session = SessionContext.empty();
    final List<QueryPlan> plans = new ArrayList<>();

    PlanningSession run(String sql) {
        for (ParsedStatement parsed : SqlParser.parse(sql, session.variables())) {
            Statement statement = parsed.statement();
            PersistentQueryPlanner planner = new PersistentQueryPlanner(FUNCTIONS, session.properties());
            if (DdlExecutor.handles(statement)) {
                session = ddl.execute(parsed, session).session();
            } else if (statement instanceof Statement.CreateAsSelect create) {
                PersistentQueryPlanner.Planned planned = planner.plan(create, session.catalog(), plans.size());
                session = session.withCatalog(session.catalog().withSource(planned.sink(), create.orReplace()));
                plans.add(new QueryPlan(planned.queryId(), planned.sink(), true, create.orReplace(), planned.plan()));
            } else if (statement instanceof Statement.InsertInto insert) {
                PersistentQueryPlanner.Planned planned = planner.plan(insert, session.catalog(), plans.size());
                plans.add(new QueryPlan(planned.queryId(), planned.sink(), false, false, planned.plan()));
            } else {
                throw new IllegalArgumentException("not DDL or a persistent query: " + parsed.text());
            }
        }
        return this;
    }

    QueryPlan last() {
        return plans.get(plans.size() - 1);
    }
}
