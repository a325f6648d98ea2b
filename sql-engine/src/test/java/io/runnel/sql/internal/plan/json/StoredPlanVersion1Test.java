package io.runnel.sql.internal.plan.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.internal.exec.ProcessingLog;
import io.runnel.sql.internal.exec.TopologyBuilder;
import io.runnel.sql.internal.plan.ExecNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A version-1 plan as stored (src/test/resources/plan-json, never edited: version 1 is read
 * forever) still reads, writes back byte for byte, and builds its topology with the names it
 * was started with, whatever the planner does today.
 */
class StoredPlanVersion1Test {
    private static final Path STORED = Path.of("src/test/resources/plan-json/windowed-ctas-v1.json");

    @Test
    void shouldReadAStoredVersion1PlanAndWriteItBackUnchanged() throws Exception {
        String stored = Files.readString(STORED, StandardCharsets.UTF_8).strip();

        QueryPlan plan = new ExecPlanReader(PlanningSession.FUNCTIONS).read(stored);

        assertThat(ExecPlanWriter.write(plan)).isEqualTo(stored);
        assertThat(plan.queryId()).isEqualTo("CTAS_PER_MINUTE_2");
        assertThat(plan.sink().name()).isEqualTo("PER_MINUTE");
        ExecNode.Aggregate aggregate = (ExecNode.Aggregate) ((ExecNode.TableFilter) ((ExecNode.Project) plan.plan().input())
                .input()).input();
        assertThat(aggregate.aggregates()).extracting(a -> a.function().name()).containsExactly("COUNT", "SUM");
    }

    @Test
    void shouldBuildTheStoredPlansTopologyWithItsOriginalStoreAndTopicNames() throws Exception {
        QueryPlan plan = new ExecPlanReader(PlanningSession.FUNCTIONS).read(Files.readString(STORED, StandardCharsets.UTF_8));

        String topology = TopologyBuilder.build(plan.queryId(), plan.plan(), new ProcessingLog(plan.queryId()))
                .describe().toString();

        assertThat(topology).contains("Source: CTAS_PER_MINUTE_2.source_0 (topics: [orders])",
                "(stores: [CTAS_PER_MINUTE_2.aggregate_2.store])",
                "(topic: CTAS_PER_MINUTE_2.aggregate_2.groupby-repartition)",
                "Processor: CTAS_PER_MINUTE_2.project_4", "Sink: CTAS_PER_MINUTE_2.sink_5 (topic: PER_MINUTE)");
    }
}
