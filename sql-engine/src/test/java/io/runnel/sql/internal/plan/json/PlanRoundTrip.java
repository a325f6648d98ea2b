package io.runnel.sql.internal.plan.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.exec.ProcessingLog;
import io.runnel.sql.internal.exec.TopologyBuilder;

/** The round trip every stored plan must survive: plan → JSON → plan. */
public final class PlanRoundTrip {

    private PlanRoundTrip() {
    }

    /**
     * Writes the plan, reads it back and asserts that the plan read has the original's shape
     * ({@link PlanShape}), builds the same topology, and writes the same JSON again.
     *
     * @return the JSON written
     */
    public static String check(QueryPlan original, FunctionResolver functions) {
        String json = ExecPlanWriter.write(original);
        QueryPlan read = new ExecPlanReader(functions).read(json);
        assertThat(PlanShape.of(read)).as("plan read back from %s", json).isEqualTo(PlanShape.of(original));
        assertThat(ExecPlanWriter.write(read)).as("JSON of the plan read back").isEqualTo(json);
        assertThat(topology(read)).as("topology of the plan read back from %s", json).isEqualTo(topology(original));
        return json;
    }

    /** The topology's description, or the error building it (a plan ksqlDB rejects at that point). */
    private static String topology(QueryPlan plan) {
        try {
            return TopologyBuilder.build(plan.queryId(), plan.plan(), new ProcessingLog(plan.queryId())).describe()
                    .toString();
        } catch (RuntimeException e) {
            return "cannot build: " + e;
        }
    }
}
