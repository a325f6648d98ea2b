package io.runnel.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.runnel.sql.internal.plan.json.PlanRoundTrip;
import io.runnel.sql.internal.plan.json.QueryPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every persistent query of ksqlDB's QTT cases (../shared/conformance/qtt), planned as the engine
 * plans it, survives plan → JSON → plan: same plan shape, same topology, same JSON written again.
 * (That the plans read back also give the same results is shown by the conformance suite: the
 * engine and its QTT executor run the plan read back from its JSON.)
 */
class ExecPlanConformanceTest {
    private static final Pattern KAFKA_TOPIC = Pattern.compile("KAFKA_TOPIC\\s*=\\s*'([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final FunctionResolver FUNCTIONS = TestFixtureFunctions.over(
            new RegistryFunctionResolver(FunctionRegistry.withBuiltIns()));

    @Test
    void shouldReadBackEveryConformanceQueryPlanFromItsJson() throws Exception {
        String dir = System.getProperty("runnel.conformance.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "qtt")),
                "ksqlDB conformance files not found beside the repository (../shared/conformance)");
        int plans = 0;
        Set<String> distinctJson = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        for (Path file : ConformanceRunner.qttFiles(Path.of(dir, "qtt"))) {
            for (QttCase c : QttLoader.load(file, file.getFileName().toString())) {
                for (QueryPlan plan : plans(c)) {
                    plans++;
                    try {
                        distinctJson.add(PlanRoundTrip.check(plan, FUNCTIONS));
                    } catch (AssertionError | RuntimeException e) {
                        failures.add(c.id() + " " + plan.queryId() + ": " + e.getMessage());
                    }
                }
            }
        }
        System.out.println("exec plan round trip: " + plans + " conformance query plans (" + distinctJson.size()
                + " distinct), " + failures.size() + " failed");
        assertThat(failures).as("plans that do not survive the round trip").isEmpty();
        assertThat(plans).isGreaterThan(700);
    }

    /** The case's statements run as the QTT executor runs them, up to the first that fails; its planned queries. */
    private static List<QueryPlan> plans(QttCase c) {
        Set<String> names = new LinkedHashSet<>();
        c.topics().forEach(t -> names.add(t.path("name").asText()));
        c.inputs().forEach(r -> names.add(r.topic()));
        c.outputs().forEach(r -> names.add(r.topic()));
        for (String s : c.statements()) {
            Matcher m = KAFKA_TOPIC.matcher(s);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        InMemoryTopics topics = InMemoryTopics.of(names);
        DdlExecutor ddl = new DdlExecutor(topics, new InMemoryCommandLog());
        SessionContext session = SessionContext.empty();
        for (Map.Entry<String, String> p : c.properties().entrySet()) {
            session = session.withProperty(p.getKey(), p.getValue());
        }
        List<QueryPlan> out = new ArrayList<>();
        try {
            for (String text : c.statements()) {
                for (ParsedStatement parsed : SqlParser.parse(text, session.variables())) {
                    Statement statement = parsed.statement();
                    PersistentQueryPlanner planner = new PersistentQueryPlanner(FUNCTIONS, session.properties());
                    if (DdlExecutor.handles(statement)) {
                        session = ddl.execute(parsed, session).session();
                    } else if (statement instanceof Statement.CreateAsSelect create) {
                        PersistentQueryPlanner.Planned planned = planner.plan(create, session.catalog(), out.size());
                        if (topics.partitions(planned.sink().topic()).isEmpty()) {
                            topics.create(planned.sink().topic(), 1, false);
                        }
                        session = session.withCatalog(session.catalog().withSource(planned.sink(), create.orReplace()));
                        out.add(new QueryPlan(planned.queryId(), planned.sink(), true, create.orReplace(),
                                planned.plan()));
                    } else if (statement instanceof Statement.InsertInto insert) {
                        PersistentQueryPlanner.Planned planned = planner.plan(insert, session.catalog(), out.size());
                        out.add(new QueryPlan(planned.queryId(), planned.sink(), false, false, planned.plan()));
                    }
                }
            }
        } catch (RuntimeException e) {
            // a statement ksqlDB rejects too (or one the engine does not support): the plans so far count
        }
        return out;
    }
}
