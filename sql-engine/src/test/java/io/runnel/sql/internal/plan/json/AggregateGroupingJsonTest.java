package io.runnel.sql.internal.plan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.sql.internal.exec.ProcessingLog;
import io.runnel.sql.internal.exec.TopologyBuilder;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.plan.ExecNode.Aggregate.Grouping;
import org.junit.jupiter.api.Test;

/**
 * The planner decides once whether a stream aggregation groups by its source's key (no
 * repartition topic) or re-keys (a repartition topic); the plan stores the choice, and a plan
 * stored before the choice was recorded replays as it ran then: with a repartition.
 */
class AggregateGroupingJsonTest {
    private static final String DDL = """
            CREATE STREAM orders (id INT KEY, customer STRING, amount DOUBLE)
                WITH (kafka_topic='orders', partitions=1, value_format='JSON');
            CREATE STREAM pairs (a INT KEY, b STRING KEY, v INT)
                WITH (kafka_topic='pairs', partitions=1, key_format='JSON', value_format='JSON');
            CREATE TABLE customers (name STRING PRIMARY KEY, city STRING)
                WITH (kafka_topic='customers', partitions=1, value_format='JSON');
            """;
    private static final String BY_KEY = "CREATE TABLE per_id AS SELECT id, COUNT(*) AS n FROM orders "
            + "WHERE amount > 0 GROUP BY id;";

    private static QueryPlan plan(String sql) {
        return new PlanningSession().run(DDL).run(sql).last();
    }

    private static ExecNode.Aggregate aggregate(ExecNode node) {
        if (node instanceof ExecNode.Aggregate a) {
            return a;
        } else if (node instanceof ExecNode.Sink s) {
            return aggregate(s.input());
        } else if (node instanceof ExecNode.Project p) {
            return aggregate(p.input());
        } else if (node instanceof ExecNode.TableFilter f) {
            return aggregate(f.input());
        }
        throw new AssertionError("no aggregate above " + node.id());
    }

    private static JsonNode aggregateJson(JsonNode document) {
        JsonNode node = document.get("plan");
        while (!node.get("node").asText().equals("Aggregate")) {
            node = node.get("input");
        }
        return node;
    }

    private static String topology(QueryPlan plan) {
        return TopologyBuilder.build(plan.queryId(), plan.plan(), new ProcessingLog(plan.queryId())).describe()
                .toString();
    }

    private static String repartitionTopic(QueryPlan plan) {
        return plan.queryId() + "." + aggregate(plan.plan()).id() + ".groupby-repartition";
    }

    @Test
    void shouldGroupBySourceKeyOnlyWhenTheGroupByIsTheStreamsKeyInKeyOrder() {
        assertThat(aggregate(plan(BY_KEY).plan()).grouping()).isEqualTo(Grouping.SOURCE_KEY);
        assertThat(aggregate(plan("CREATE TABLE ab AS SELECT a, b, COUNT(*) AS n FROM pairs GROUP BY a, b;").plan())
                .grouping()).isEqualTo(Grouping.SOURCE_KEY);

        assertThat(aggregate(plan("CREATE TABLE ba AS SELECT b, a, COUNT(*) AS n FROM pairs GROUP BY b, a;").plan())
                .grouping()).isEqualTo(Grouping.REPARTITION);
        assertThat(aggregate(plan("CREATE TABLE c AS SELECT customer, COUNT(*) AS n FROM orders GROUP BY customer;")
                .plan()).grouping()).isEqualTo(Grouping.REPARTITION);
        assertThat(aggregate(plan("CREATE TABLE t AS SELECT name, COUNT(*) AS n FROM customers GROUP BY name;")
                .plan()).grouping()).isEqualTo(Grouping.REPARTITION);
    }

    @Test
    void shouldStoreAGroupingBySourceKeyAndReplayItWithoutARepartitionTopic() {
        QueryPlan plan = plan(BY_KEY);

        String json = PlanRoundTrip.check(plan, PlanningSession.FUNCTIONS);

        assertThat(aggregateJson(ExecPlanWriter.toJson(plan)).get("grouping").asText()).isEqualTo("SOURCE_KEY");
        QueryPlan read = new ExecPlanReader(PlanningSession.FUNCTIONS).read(json);
        assertThat(aggregate(read.plan()).grouping()).isEqualTo(Grouping.SOURCE_KEY);
        assertThat(topology(read)).doesNotContain("repartition");
    }

    @Test
    void shouldLeaveTheGroupingOutOfAPlanThatRepartitionsAsPlansDidBeforeIt() {
        QueryPlan plan = plan("CREATE TABLE c AS SELECT customer, COUNT(*) AS n FROM orders GROUP BY customer;");

        String json = PlanRoundTrip.check(plan, PlanningSession.FUNCTIONS);

        assertThat(aggregateJson(ExecPlanWriter.toJson(plan)).has("grouping")).isFalse();
        assertThat(topology(new ExecPlanReader(PlanningSession.FUNCTIONS).read(json)))
                .contains("(topic: " + repartitionTopic(plan) + ")");
    }

    @Test
    void shouldReplayAnOlderPlanWithoutTheGroupingWithARepartitionAsItRanWhenStored() {
        QueryPlan plan = plan(BY_KEY);
        ObjectNode json = ExecPlanWriter.toJson(plan);
        ((ObjectNode) aggregateJson(json)).remove("grouping");

        QueryPlan older = new ExecPlanReader(PlanningSession.FUNCTIONS).read(json.toString());

        assertThat(aggregate(older.plan()).grouping()).isEqualTo(Grouping.REPARTITION);
        assertThat(topology(older)).contains("(topic: " + repartitionTopic(plan) + ")");
        assertThat(topology(plan)).doesNotContain("repartition");
    }

    @Test
    void shouldRefuseAGroupingItDoesNotKnow() {
        ObjectNode json = ExecPlanWriter.toJson(plan(BY_KEY));
        ((ObjectNode) aggregateJson(json)).put("grouping", "BROADCAST");

        assertThatThrownBy(() -> new ExecPlanReader(PlanningSession.FUNCTIONS).read(json.toString()))
                .isInstanceOf(UnreadablePlanException.class)
                .hasMessageContaining("field 'grouping' has an unknown value 'BROADCAST'");
    }
}
