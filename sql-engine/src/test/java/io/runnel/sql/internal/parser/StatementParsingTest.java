package io.runnel.sql.internal.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlParseException;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.Relation;
import io.runnel.sql.internal.ast.SelectItem;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.ast.TableElement;
import io.runnel.sql.internal.ast.TypeExpr;
import io.runnel.sql.internal.ast.WindowExpression;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatementParsingTest {

    @Test
    void shouldSplitScriptIntoStatementsKeepingEachText() {
        List<ParsedStatement> statements = SqlParser.parse(
                ";; SHOW STREAMS;\n-- a comment; with a semicolon\nSELECT ';' FROM s /* ; */ ;;\nLIST TABLES EXTENDED");
        assertThat(statements).extracting(ParsedStatement::text)
                .containsExactly("SHOW STREAMS", "SELECT ';' FROM s", "LIST TABLES EXTENDED");
        assertThat(statements.get(1).statement().position()).isEqualTo(new io.runnel.sql.internal.ast.Position(3, 1));
        assertThat(SqlParser.parse("  ")).isEmpty();
    }

    @Test
    void shouldParseCreateStreamWithKeyHeaderColumnsAndProperties() {
        Statement.CreateSource create = (Statement.CreateSource) SqlParser.parseStatement(
                "create or replace source stream if not exists pageviews (id INT KEY, `Name` STRING, "
                        + "h BYTES HEADER('trace'), hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS) "
                        + "WITH (kafka_topic='pv', value_format='JSON', partitions=4);");
        assertThat(create.kind()).isEqualTo(SourceKind.STREAM);
        assertThat(create.orReplace()).isTrue();
        assertThat(create.readOnlySource()).isTrue();
        assertThat(create.ifNotExists()).isTrue();
        assertThat(create.name()).isEqualTo("PAGEVIEWS");
        assertThat(create.elements()).extracting(TableElement::name).containsExactly("ID", "Name", "H", "HS");
        assertThat(create.elements()).extracting(TableElement::constraint).containsExactly(
                TableElement.Constraint.KEY, TableElement.Constraint.VALUE, TableElement.Constraint.HEADERS,
                TableElement.Constraint.HEADERS);
        assertThat(create.elements().get(2).headerKey()).contains("trace");
        assertThat(create.properties()).extracting(p -> p.name() + "=" + p.value().value())
                .containsExactly("KAFKA_TOPIC=pv", "VALUE_FORMAT=JSON", "PARTITIONS=4");
    }

    @Test
    void shouldParseCreateTableWithPrimaryKeyAndCustomType() {
        Statement.CreateSource create = (Statement.CreateSource) SqlParser.parseStatement(
                "CREATE TABLE users (id BIGINT PRIMARY KEY, address ADDRESS, d DECIMAL(10, 2)) WITH (kafka_topic='u')");
        assertThat(create.kind()).isEqualTo(SourceKind.TABLE);
        assertThat(create.elements().get(0).constraint()).isEqualTo(TableElement.Constraint.PRIMARY_KEY);
        assertThat(create.elements().get(1).type()).isInstanceOfSatisfying(TypeExpr.Named.class,
                n -> assertThat(n.name()).isEqualTo("ADDRESS"));
        assertThat(create.elements().get(2).type()).isInstanceOf(TypeExpr.Decimal.class);
    }

    @Test
    void shouldParseWindowedAggregationWithAllClauses() {
        Statement.CreateAsSelect ctas = (Statement.CreateAsSelect) SqlParser.parseStatement(
                "CREATE TABLE counts AS SELECT region, COUNT(*) AS n FROM pageviews "
                        + "WINDOW TUMBLING (SIZE 30 SECONDS, RETENTION 1 DAY, GRACE PERIOD 10 MILLISECONDS) "
                        + "WHERE region IS NOT NULL GROUP BY region, city HAVING COUNT(*) > 1 EMIT FINAL");
        Query query = ctas.query();
        assertThat(query.window()).get().isInstanceOfSatisfying(WindowExpression.Tumbling.class, w -> {
            assertThat(w.size().toMillis()).isEqualTo(30_000);
            assertThat(w.retention().orElseThrow().unit()).isEqualTo(TimeUnit.DAYS);
            assertThat(w.grace().orElseThrow().toMillis()).isEqualTo(10);
        });
        assertThat(query.groupBy()).hasSize(2);
        assertThat(query.having()).isPresent();
        assertThat(query.emit()).contains(Query.Emit.FINAL);
        assertThat(query.select().get(1)).isInstanceOfSatisfying(SelectItem.SingleColumn.class,
                c -> assertThat(c.alias()).contains("N"));
    }

    @Test
    void shouldParseHoppingAndSessionWindows() {
        Query hopping = ((Statement.QueryStatement) SqlParser.parseStatement(
                "SELECT a FROM s WINDOW HOPPING (SIZE 1 MINUTE, ADVANCE BY 10 SECONDS) GROUP BY a EMIT CHANGES")).query();
        assertThat(hopping.window()).get().isInstanceOfSatisfying(WindowExpression.Hopping.class,
                w -> assertThat(w.advance().toMillis()).isEqualTo(10_000));
        Query session = ((Statement.QueryStatement) SqlParser.parseStatement(
                "SELECT a FROM s WINDOW SESSION (5 MINUTES) GROUP BY a EMIT CHANGES")).query();
        assertThat(session.window()).get().isInstanceOfSatisfying(WindowExpression.Session.class,
                w -> assertThat(w.gap().toMillis()).isEqualTo(300_000));
    }

    @Test
    void shouldBuildLeftDeepJoinsWithWindowsAndAliases() {
        Query query = ((Statement.QueryStatement) SqlParser.parseStatement(
                "SELECT * FROM a AS x LEFT OUTER JOIN b y WITHIN (1 SECOND, 2 SECONDS) GRACE PERIOD 3 SECONDS "
                        + "ON x.id = y.id RIGHT JOIN c ON c.id = x.id")).query();
        Relation.Join outer = (Relation.Join) query.from();
        assertThat(outer.type()).isEqualTo(Relation.JoinType.RIGHT);
        assertThat(outer.right().name()).isEqualTo("C");
        Relation.Join inner = (Relation.Join) outer.left();
        assertThat(inner.type()).isEqualTo(Relation.JoinType.LEFT);
        assertThat(((Relation.Source) inner.left()).qualifier()).isEqualTo("X");
        Relation.JoinWindow within = inner.within().orElseThrow();
        assertThat(within.before().toMillis()).isEqualTo(1000);
        assertThat(within.after().toMillis()).isEqualTo(2000);
        assertThat(within.grace().orElseThrow().toMillis()).isEqualTo(3000);
        assertThat(query.isPullQuery()).isTrue();
    }

    @Test
    void shouldParseInsertValuesWithAndWithoutColumns() {
        Statement.InsertValues insert = (Statement.InsertValues) SqlParser.parseStatement(
                "INSERT INTO s (ROWTIME, id, `v`) VALUES (1, 'a', ARRAY[1.5, 2.0])");
        assertThat(insert.columns()).containsExactly("ROWTIME", "ID", "v");
        assertThat(insert.values()).hasSize(3);
        assertThat(((Statement.InsertValues) SqlParser.parseStatement("INSERT INTO s VALUES (1)")).columns()).isEmpty();
    }

    @Test
    void shouldParseAdministrativeStatements() {
        assertThat(SqlParser.parseStatement("SHOW QUERIES EXTENDED"))
                .isEqualTo(new Statement.ListObjects(Statement.Listable.QUERIES, true, false, at(1, 1)));
        assertThat(SqlParser.parseStatement("list all topics"))
                .isEqualTo(new Statement.ListObjects(Statement.Listable.TOPICS, false, true, at(1, 1)));
        assertThat(SqlParser.parseStatement("DESCRIBE pageviews EXTENDED"))
                .isEqualTo(new Statement.DescribeSource("PAGEVIEWS", true, at(1, 1)));
        assertThat(SqlParser.parseStatement("DESCRIBE STREAMS"))
                .isEqualTo(new Statement.DescribeSources(SourceKind.STREAM, false, at(1, 1)));
        assertThat(SqlParser.parseStatement("DESCRIBE FUNCTION substring"))
                .isEqualTo(new Statement.DescribeFunction("SUBSTRING", at(1, 1)));
        assertThat(SqlParser.parseStatement("TERMINATE CSAS_OUT_3"))
                .isEqualTo(new Statement.Terminate(java.util.Optional.of("CSAS_OUT_3"), at(1, 1)));
        assertThat(((Statement.Terminate) SqlParser.parseStatement("TERMINATE ALL")).all()).isTrue();
        assertThat(SqlParser.parseStatement("PRINT 'Orders' FROM BEGINNING INTERVAL 5 LIMIT 10")).isEqualTo(
                new Statement.Print("Orders", true, java.util.OptionalInt.of(5), java.util.OptionalInt.of(10), at(1, 1)));
        assertThat(SqlParser.parseStatement("SET 'auto.offset.reset'='earliest'"))
                .isEqualTo(new Statement.SetProperty("auto.offset.reset", "earliest", at(1, 1)));
        assertThat(SqlParser.parseStatement("DROP TABLE IF EXISTS t DELETE TOPIC"))
                .isEqualTo(new Statement.DropSource(SourceKind.TABLE, true, "T", true, at(1, 1)));
        assertThat(SqlParser.parseStatement("EXPLAIN SELECT * FROM s")).isInstanceOfSatisfying(Statement.Explain.class,
                e -> assertThat(e.statement()).get().isInstanceOf(Statement.QueryStatement.class));
        assertThat(SqlParser.parseStatement("RUN SCRIPT '/tmp/a.sql'")).isInstanceOf(Statement.RunScript.class);
    }

    @Test
    void shouldSubstituteDefinedVariables() {
        List<ParsedStatement> statements = SqlParser.parse(
                "CREATE STREAM ${name} (a INT) WITH (kafka_topic='${topic}');", Map.of("NAME", "s1", "topic", "t1"));
        Statement.CreateSource create = (Statement.CreateSource) statements.get(0).statement();
        assertThat(create.name()).isEqualTo("S1");
        assertThat(create.properties().get(0).value().value()).isEqualTo("t1");
    }

    @Test
    void shouldReportUndefinedVariablesAtTheirPosition() {
        assertThatThrownBy(() -> SqlParser.parse("SELECT *\n  FROM ${src};", Map.of()))
                .isInstanceOfSatisfying(SqlParseException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SqlErrorCode.UNDEFINED_VARIABLE);
                    assertThat(e.getMessage()).isEqualTo(
                            "line 2:8: variable ${src} is not defined; define it first with DEFINE src = 'value';");
                });
    }

    @Test
    void shouldRejectDuplicateProperties() {
        assertThatThrownBy(() -> SqlParser.parseStatement(
                "CREATE STREAM s (a INT) WITH (kafka_topic='a', KAFKA_TOPIC='b')"))
                .isInstanceOfSatisfying(SqlParseException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_STATEMENT);
                    assertThat(e.getMessage()).startsWith("line 1:48: duplicate property 'KAFKA_TOPIC'");
                });
    }

    @Test
    void shouldRejectTypesWithoutTheirParameters() {
        assertThatThrownBy(() -> SqlParser.parseStatement("CREATE STREAM s (a DECIMAL) WITH (kafka_topic='a')"))
                .hasMessage("line 1:20: DECIMAL needs type parameters; write e.g. DECIMAL(10, 2)");
        assertThatThrownBy(() -> SqlParser.parseType("DECIMAL(2, 3)"))
                .hasMessage("line 1:12: DECIMAL scale must not exceed precision 2: 3");
    }

    @Test
    void shouldParseStructStarAndQualifiedStar() {
        Query query = ((Statement.QueryStatement) SqlParser.parseStatement("SELECT s.*, col->*, * FROM s")).query();
        assertThat(query.select().get(0)).isEqualTo(new SelectItem.AllColumns(java.util.Optional.of("S"), at(1, 8)));
        assertThat(query.select().get(1)).isInstanceOfSatisfying(SelectItem.AllStructFields.class,
                a -> assertThat(a.struct()).isInstanceOf(Expression.ColumnRef.class));
    }

    private static io.runnel.sql.internal.ast.Position at(int line, int column) {
        return new io.runnel.sql.internal.ast.Position(line, column);
    }
}
