package io.runnel.sql.internal.plan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.sql.internal.plan.ExecNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plan → JSON → plan over every node kind and expression kind, and what the reader refuses. */
class ExecPlanJsonTest {
    private static final String DDL = """
            CREATE TYPE ADDRESS AS STRUCT<street STRING, number INT>;
            CREATE STREAM orders (id INT KEY, customer STRING, amount DECIMAL(10, 2), items ARRAY<INT>,
                tags MAP<STRING, INT>, `Quoted col` STRING, ts BIGINT, addr ADDRESS)
                WITH (kafka_topic='orders', partitions=1, value_format='JSON', timestamp='ts');
            CREATE TABLE customers (name STRING PRIMARY KEY, city STRING, tier INT)
                WITH (kafka_topic='customers', partitions=1, value_format='JSON');
            CREATE STREAM payments (id INT KEY, paid DOUBLE) WITH (kafka_topic='payments', partitions=1,
                value_format='JSON');
            CREATE TABLE accounts (id INT PRIMARY KEY, customer STRING, balance BIGINT)
                WITH (kafka_topic='accounts', partitions=1, value_format='JSON');
            CREATE TABLE limits (id INT PRIMARY KEY, lim BIGINT) WITH (kafka_topic='limits', partitions=1,
                value_format='JSON');
            CREATE STREAM withheaders (id INT KEY, v STRING, h BYTES HEADER('x'),
                hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS)
                WITH (kafka_topic='withheaders', partitions=1, value_format='JSON');
            CREATE TABLE counts AS SELECT customer, COUNT(*) AS n FROM orders WINDOW TUMBLING (SIZE 1 MINUTE)
                GROUP BY customer;
            CREATE STREAM big AS SELECT id, customer, amount FROM orders;
            """;

    private static QueryPlan plan(String sql) {
        return new PlanningSession().run(DDL).run(sql).last();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE STREAM s1 AS SELECT id, customer, amount * 2 AS doubled, `Quoted col` AS q FROM orders "
            + "WHERE amount > 10.50 AND customer IN ('a', 'b') AND customer NOT LIKE 'x!%' ESCAPE '!' EMIT CHANGES;",
        "CREATE STREAM s2 AS SELECT id, TRANSFORM(items, x => x + 1) AS plus, REDUCE(items, 0, (s, x) => s + x) AS total, "
            + "FILTER(items, x => x > 2) AS bigs, STRUCT(A := id, `b c` := customer) AS st, "
            + "CASE WHEN amount > 1 THEN 'hi' WHEN amount IS NULL THEN 'none' ELSE 'lo' END AS level, "
            + "CASE id WHEN 1 THEN 'one' END AS one, CAST(addr AS ADDRESS) AS a2, addr->street AS street, "
            + "tags['k'] AS k, items[1] AS first, MAP('x' := 1) AS m, ARRAY[1, 2] AS arr, -amount AS neg, "
            + "1.5E3 AS dbl, 0.001 AS dec, id BETWEEN 1 AND 5 AS b, NOT (id = 1) AS n, customer || '!' AS bang, "
            + "TIMESTAMPTOSTRING(ROWTIME, 'yyyy') AS y, id IS NOT DISTINCT FROM 2 AS same, "
            + "CAST(NULL AS ARRAY<ADDRESS>) AS nothing, 2147483648 AS big FROM orders WHERE ROWTIME > '2020-01-01';",
        "CREATE STREAM s3 AS SELECT * FROM orders PARTITION BY customer;",
        "CREATE STREAM s4 AS SELECT id, EXPLODE(items) AS item FROM orders;",
        "CREATE STREAM s5 AS SELECT id, h, hs FROM withheaders;",
        "CREATE STREAM s6 WITH (timestamp='TS', kafka_topic='six', value_format='DELIMITED') AS SELECT id, ts FROM orders;",
        "CREATE TABLE t1 AS SELECT customer, COUNT(*) AS n, SUM(amount) AS total, WINDOWSTART AS ws FROM orders "
            + "WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 10 SECONDS) GROUP BY customer HAVING COUNT(*) > 1;",
        "CREATE TABLE t2 AS SELECT id, TOPK(ts, 3) AS top, LATEST_BY_OFFSET(customer) AS last FROM orders "
            + "WINDOW HOPPING (SIZE 1 MINUTE, ADVANCE BY 30 SECONDS, RETENTION 2 DAYS) GROUP BY id EMIT FINAL;",
        "CREATE TABLE t3 AS SELECT id, COUNT(*) AS n FROM orders WINDOW SESSION (5 MINUTES) GROUP BY id;",
        "CREATE TABLE t4 AS SELECT UCASE(customer) AS c, COUNT(*) + 1 AS n FROM orders GROUP BY UCASE(customer);",
        "CREATE TABLE t5 AS SELECT city, COUNT(*) AS n, SUM(tier) AS tiers FROM customers GROUP BY city;",
        "CREATE TABLE t6 AS SELECT * FROM customers WHERE tier > 2;",
        "CREATE TABLE t7 AS SELECT * FROM counts WHERE n > 1;",
        "CREATE STREAM j1 AS SELECT o.id, o.customer, c.city FROM orders o LEFT JOIN customers c ON o.customer = c.name;",
        "CREATE STREAM j2 AS SELECT o.id AS id, o.amount, p.paid FROM orders o JOIN payments p "
            + "WITHIN (1 MINUTE, 2 MINUTES) GRACE PERIOD 10 SECONDS ON o.id = p.id;",
        "CREATE TABLE j3 AS SELECT a.id, a.balance, c.city FROM accounts a JOIN customers c ON a.customer = c.name;",
        "CREATE TABLE j4 AS SELECT ROWKEY AS k, a.balance, l.lim FROM accounts a FULL OUTER JOIN limits l ON a.id = l.id;",
        "CREATE STREAM j5 AS SELECT o.customer AS customer, p.paid, c.city FROM orders o JOIN payments p WITHIN 1 HOUR "
            + "ON o.id = p.id JOIN customers c ON o.customer = c.name;",
        "CREATE TABLE j6 AS SELECT c.city, COUNT(*) AS n FROM orders o JOIN customers c ON o.customer = c.name "
            + "GROUP BY c.city;",
        "INSERT INTO big SELECT id, customer, amount FROM orders WHERE id > 10;",
        "CREATE OR REPLACE STREAM big AS SELECT id, customer, amount FROM orders WHERE id > 1;",
    })
    void shouldReadBackTheSamePlanFromItsJson(String sql) {
        PlanRoundTrip.check(plan(sql), PlanningSession.FUNCTIONS);
    }

    @Test
    void shouldWriteAWindowedAggregateAsTheDocumentedFormat() throws Exception {
        QueryPlan plan = plan("CREATE TABLE per_minute AS SELECT customer, COUNT(*) AS n, SUM(amount) AS total "
                + "FROM orders WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 10 SECONDS) WHERE amount > 0 "
                + "GROUP BY customer HAVING COUNT(*) > 1;");

        JsonNode json = ExecPlanWriter.toJson(plan);

        System.out.println(ExecPlanWriter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        assertThat(json.get("type").asText()).isEqualTo("runnel-exec-plan");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("queryId").asText()).isEqualTo(plan.queryId());
        assertThat(json.at("/sink/create").asBoolean()).isTrue();
        assertThat(json.at("/sink/source/formats/window/kind").asText()).isEqualTo("TUMBLING");
        assertThat(json.at("/sink/source/formats/window/sizeMs").asLong()).isEqualTo(60_000L);
        JsonNode project = json.at("/plan/input");
        assertThat(project.get("node").asText()).isEqualTo("Project");
        assertThat(project.at("/bindings").toString()).contains("\"COUNT(*)\":1", "\"CUSTOMER\":0");
        JsonNode having = project.get("input");
        assertThat(having.get("node").asText()).isEqualTo("TableFilter");
        assertThat(having.get("predicate").asText()).isEqualTo("(COUNT(*) > 1)");
        JsonNode aggregate = having.get("input");
        assertThat(aggregate.get("node").asText()).isEqualTo("Aggregate");
        assertThat(aggregate.at("/window").toString())
                .isEqualTo("{\"kind\":\"TUMBLING\",\"size\":\"1 MINUTES\",\"grace\":\"10 SECONDS\"}");
        assertThat(aggregate.at("/aggregates/0").toString())
                .isEqualTo("{\"function\":\"COUNT\",\"arguments\":[\"ROWTIME\"],\"initArguments\":[],\"sql\":\"COUNT(*)\"}");
        assertThat(aggregate.at("/input/node").asText()).isEqualTo("Filter");
        assertThat(aggregate.at("/input/input/node").asText()).isEqualTo("StreamSource");
    }

    @Test
    void shouldStoreTheInitArgumentsOfAnAggregateApartFromItsColumns() {
        JsonNode json = ExecPlanWriter.toJson(plan("CREATE TABLE t AS SELECT id, TOPK(ts, 3) AS top FROM orders "
                + "GROUP BY id;"));

        JsonNode call = json.at("/plan/input/input/aggregates/0");
        assertThat(call.toString())
                .isEqualTo("{\"function\":\"TOPK\",\"arguments\":[\"TS\"],\"initArguments\":[\"3\"],\"sql\":\"TOPK(TS, 3)\"}");
    }

    @Test
    void shouldCarryTheCustomTypesItsCastsNameSoThePlanReadsWithoutTheCatalog() {
        QueryPlan plan = plan("CREATE STREAM s AS SELECT id, CAST(addr AS ADDRESS) AS a FROM orders;");

        JsonNode json = ExecPlanWriter.toJson(plan);

        assertThat(json.get("types").toString()).isEqualTo("{\"ADDRESS\":\"STRUCT<`STREET` STRING, `NUMBER` INTEGER>\"}");
        QueryPlan read = new ExecPlanReader(PlanningSession.FUNCTIONS).read(json.toString());
        assertThat(PlanShape.of(read)).isEqualTo(PlanShape.of(plan));
    }

    @Test
    void shouldRefuseANewerVersionWithAClearError() {
        ObjectNode json = ExecPlanWriter.toJson(plan("CREATE STREAM s AS SELECT * FROM orders;"));
        json.put("version", 99);

        assertThatThrownBy(() -> new ExecPlanReader(PlanningSession.FUNCTIONS).read(json.toString()))
                .isInstanceOf(UnreadablePlanException.class)
                .hasMessage("exec plan version 99 of query CSAS_S_2 cannot be read: this Runnel reads exec plan "
                        + "version 1 and older; the plan was written by a newer Runnel");
    }

    @Test
    void shouldRefuseADocumentThatIsNotAnExecPlan() {
        ExecPlanReader reader = new ExecPlanReader(PlanningSession.FUNCTIONS);

        assertThatThrownBy(() -> reader.read("{\"type\":\"runnel-command\",\"version\":1}"))
                .isInstanceOf(UnreadablePlanException.class).hasMessageStartingWith("not a runnel-exec-plan document");
        assertThatThrownBy(() -> reader.read("{\"type\":\"runnel-exec-plan\"}"))
                .isInstanceOf(UnreadablePlanException.class).hasMessageStartingWith("an exec plan without a version");
        assertThatThrownBy(() -> reader.read("not json"))
                .isInstanceOf(UnreadablePlanException.class).hasMessageStartingWith("an exec plan is not JSON");
    }

    @Test
    void shouldNameTheNodeAndExpressionWhenAFunctionIsGone() {
        String json = ExecPlanWriter.write(plan("CREATE STREAM s AS SELECT id, UCASE(customer) AS c FROM orders;"))
                .replace("UCASE(CUSTOMER)", "NO_SUCH_FUNCTION(CUSTOMER)");

        assertThatThrownBy(() -> new ExecPlanReader(PlanningSession.FUNCTIONS).read(json))
                .isInstanceOf(UnreadablePlanException.class)
                .hasMessageStartingWith("project_1: expression 'NO_SUCH_FUNCTION(CUSTOMER)' cannot be typed over its input");
    }

    @Test
    void shouldNameTheMissingField() {
        ObjectNode json = ExecPlanWriter.toJson(plan("CREATE STREAM s AS SELECT * FROM orders;"));
        ((ObjectNode) json.get("plan")).remove("topic");

        assertThatThrownBy(() -> new ExecPlanReader(PlanningSession.FUNCTIONS).read(json.toString()))
                .isInstanceOf(UnreadablePlanException.class).hasMessageStartingWith("missing field 'topic'");
    }

    @Test
    void shouldHaveAJsonFormForEveryExecNodeKind() {
        assertThat(java.util.Arrays.stream(NodeKind.values()).map(NodeKind::jsonName))
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(ExecNode.class.getPermittedSubclasses())
                        .map(Class::getSimpleName).toList());
    }

    @Test
    void shouldReadTheRightSideOfAJoinAsItsSourceNode() {
        QueryPlan plan = new ExecPlanReader(PlanningSession.FUNCTIONS).read(ExecPlanWriter.write(plan(
                "CREATE STREAM j AS SELECT o.customer AS customer, c.city FROM orders o JOIN customers c ON o.customer = c.name;")));

        ExecNode.Join join = (ExecNode.Join) ((ExecNode.Project) plan.plan().input()).input();
        assertThat(join.right().source().name()).isEqualTo("CUSTOMERS");
        assertThat(ExecNode.sourcesOf(plan.plan())).extracting(s -> s.source().name()).containsExactly("ORDERS", "CUSTOMERS");
    }
}
