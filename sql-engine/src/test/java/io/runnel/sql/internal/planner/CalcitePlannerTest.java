package io.runnel.sql.internal.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.internal.analyzer.RegistryFunctionResolver;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.function.FunctionRegistry;
import io.runnel.sql.internal.parser.SqlFormatter;
import io.runnel.sql.internal.parser.SqlParser;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.plan.PersistentQueryPlanner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalcitePlannerTest {
    static final Catalog CATALOG = Catalog.empty()
            .withSource(new DataSource("S", SourceKind.STREAM, List.of(
                    new Column("ID", SqlType.INTEGER, Column.Role.KEY, Optional.empty()),
                    Column.value("X", SqlType.INTEGER), Column.value("NAME", SqlType.STRING)),
                    "s", SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false), false)
            .withSource(new DataSource("R", SourceKind.STREAM, List.of(
                    new Column("ID", SqlType.INTEGER, Column.Role.KEY, Optional.empty()),
                    Column.value("Y", SqlType.INTEGER)),
                    "r", SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false), false)
            .withSource(new DataSource("T", SourceKind.TABLE, List.of(
                    new Column("ID", SqlType.INTEGER, Column.Role.PRIMARY_KEY, Optional.empty()),
                    Column.value("V", SqlType.INTEGER)),
                    "t", SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false), false)
            .withSource(new DataSource("U", SourceKind.TABLE, List.of(
                    new Column("ID", SqlType.INTEGER, Column.Role.PRIMARY_KEY, Optional.empty()),
                    Column.value("W", SqlType.INTEGER)),
                    "u", SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false), false);

    static PersistentQueryPlanner.Planned plan(String sql) {
        return new PersistentQueryPlanner(new RegistryFunctionResolver(FunctionRegistry.withBuiltIns()))
                .plan((Statement.CreateAsSelect) SqlParser.parseStatement(sql), CATALOG, 0);
    }

    static String show(PersistentQueryPlanner.Planned planned) {
        return planned.planning().calcitePlans();
    }

    private static String optimized(PersistentQueryPlanner.Planned planned) {
        return planned.planning().optimized().orElseThrow();
    }

    private static String logical(PersistentQueryPlanner.Planned planned) {
        return planned.planning().logical().orElseThrow();
    }

    @Test
    void shouldTranslateAFilteredProjectionIntoScanFilterProject() {
        PersistentQueryPlanner.Planned planned = plan("CREATE STREAM O AS SELECT ID, X FROM S WHERE X > 1;");
        assertThat(logical(planned)).isEqualTo("""
                LogicalProject(ID=[$0], X=[$1])
                  LogicalFilter(condition=[>($1, 1)])
                    LogicalTableScan(table=[[S]])
                """);
        assertThat(print(planned.plan())).isEqualTo("""
                sink_3
                  project_2
                    filter_1 WHERE (X > 1)
                      source_0
                """);
    }

    @Test
    void shouldFoldConstantArithmeticInWhere() {
        PersistentQueryPlanner.Planned planned = plan("CREATE STREAM O AS SELECT ID, X FROM S WHERE X > 2 + 3 AND 1 = 1;");
        assertThat(logical(planned)).contains("LogicalFilter(condition=[AND(>($1, +(2, 3)), =(1, 1))])");
        assertThat(optimized(planned)).isEqualTo("""
                LogicalProject(ID=[$0], X=[$1])
                  LogicalFilter(condition=[>($1, 5)])
                    LogicalTableScan(table=[[S]])
                """);
        assertThat(print(planned.plan())).isEqualTo("""
                sink_3
                  project_2
                    filter_1 WHERE (S.X > 5)
                      source_0
                """);
    }

    @Test
    void shouldDropAWhereThatIsAlwaysTrueButKeepTheNodeIdsOfTheOthers() {
        PersistentQueryPlanner.Planned planned = plan("CREATE STREAM O AS SELECT ID, X FROM S WHERE 1 = 1 OR X > 3;");
        assertThat(optimized(planned)).doesNotContain("LogicalFilter");
        assertThat(print(planned.plan())).isEqualTo("""
                sink_3
                  project_2
                    source_0
                """);
    }

    @Test
    void shouldRecogniseAContradictionAndFilterWithFalse() {
        PersistentQueryPlanner.Planned planned = plan("CREATE STREAM O AS SELECT ID, X FROM S WHERE X > 2 AND X < 1;");
        assertThat(optimized(planned)).contains("LogicalValues(tuples=[[]])");
        assertThat(print(planned.plan())).isEqualTo("""
                sink_3
                  project_2
                    filter_1 WHERE FALSE
                      source_0
                """);
    }

    @Test
    void shouldKeepKsqlComparisonsTwoValuedUnderNot() {
        // ksqlDB: a comparison with a NULL is FALSE, so NOT (X > 2) keeps a row whose X is NULL; X <= 2 would not.
        PersistentQueryPlanner.Planned planned = plan("CREATE STREAM O AS SELECT ID, X FROM S WHERE NOT (X > 2);");
        assertThat(logical(planned)).contains("LogicalFilter(condition=[NOT(IS TRUE(>($1, 2)))])");
        assertThat(print(planned.plan())).contains("filter_1 WHERE (NOT (S.X > 2))");
    }

    @Test
    void shouldNotFoldNonDeterministicFunction() {
        PersistentQueryPlanner.Planned planned = plan(
                "CREATE STREAM O AS SELECT ID, X FROM S WHERE RANDOM() > 0.5 AND 1 + 1 = 2;");
        assertThat(optimized(planned)).contains("LogicalFilter(condition=[>([RANDOM()](), 0.5:DECIMAL(1, 1))])");
        assertThat(print(planned.plan())).contains("filter_1 WHERE (RANDOM() > 0.5)");
    }

    @Test
    void shouldKeepAUdfOverColumnsAsAnOpaqueCallOfTheColumnsItReads() {
        PersistentQueryPlanner.Planned planned = plan(
                "CREATE STREAM O AS SELECT ID, X FROM S WHERE UCASE(NAME) = 'A';");
        assertThat(logical(planned)).contains("LogicalFilter(condition=[=([UCASE(NAME)]($2), 'A')])");
        assertThat(print(planned.plan())).contains("filter_1 WHERE (UCASE(NAME) = 'A')");
    }

    @Test
    void shouldPushWhereOnLeftColumnsBelowStreamTableJoin() {
        PersistentQueryPlanner.Planned planned = plan("CREATE STREAM O AS SELECT S.ID, X, V FROM S JOIN T "
                + "ON S.ID = T.ID WHERE S.X > 1 AND T.V < 3 AND S.X + T.V = 4;");
        assertThat(logical(planned)).contains("""
                  LogicalFilter(condition=[AND(>($2, 1), <($8, 3), =(+($2, $8), 4))])
                """);
        assertThat(optimized(planned)).isEqualTo("""
                LogicalProject(S_ID=[[KEY]($0, $6)], X=[$1], V=[$7])
                  LogicalFilter(condition=[AND(<($7, 3), =(+($1, $7), 4))])
                    LogicalJoin(condition=[[ON (S.ID = T.ID)]($0, $6)], joinType=[inner])
                      LogicalFilter(condition=[>($1, 1)])
                        LogicalTableScan(table=[[S]])
                      LogicalTableScan(table=[[T]])
                """);
        assertThat(print(planned.plan())).isEqualTo("""
                sink_5
                  project_4
                    filter_3 WHERE ((T.V < 3) AND ((S.X + T.V) = 4))
                      join_2
                        filter_source_0 WHERE (S.X > 1)
                          source_0
                        source_1
                """);
    }

    @Test
    void shouldNotPushFilterOntoNullGeneratingSideOfLeftJoin() {
        PersistentQueryPlanner.Planned planned = plan("CREATE STREAM O AS SELECT S.ID, X, V FROM S LEFT JOIN T "
                + "ON S.ID = T.ID WHERE T.V > 1 AND S.X < 3;");
        assertThat(optimized(planned)).contains("""
                  LogicalFilter(condition=[>($7, 1)])
                    LogicalJoin(condition=[[ON (S.ID = T.ID)]($0, $6)], joinType=[left])
                      LogicalFilter(condition=[<($1, 3)])
                        LogicalTableScan(table=[[S]])
                      LogicalTableScan(table=[[T]])
                """);
        assertThat(print(planned.plan())).isEqualTo("""
                sink_5
                  project_4
                    filter_3 WHERE (T.V > 1)
                      join_2
                        filter_source_0 WHERE (S.X < 3)
                          source_0
                        source_1
                """);
    }

    @Test
    void shouldNotPushFilterBelowAFullOuterJoin() {
        PersistentQueryPlanner.Planned planned = plan("CREATE STREAM O AS SELECT ROWKEY, X, Y FROM S FULL OUTER JOIN R "
                + "WITHIN 1 HOUR ON S.ID = R.ID WHERE S.X > 1 AND R.Y > 1;");
        assertThat(print(planned.plan())).isEqualTo("""
                sink_5
                  project_4
                    filter_3 WHERE ((S.X > 1) AND (R.Y > 1))
                      join_2
                        source_0
                        source_1
                """);
    }

    @Test
    void shouldNotPushFiltersBelowAStreamStreamJoinWhoseStreamTimeTheyWouldChange() {
        PersistentQueryPlanner.Planned planned = plan("CREATE STREAM O AS SELECT S.ID, X, Y FROM S JOIN R "
                + "WITHIN 1 HOUR ON S.ID = R.ID WHERE S.X > 1 AND R.Y < 3 AND ROWTIME > 5;");
        assertThat(print(planned.plan())).isEqualTo("""
                sink_5
                  project_4
                    filter_3 WHERE (((S.X > 1) AND (R.Y < 3)) AND (ROWTIME > 5))
                      join_2
                        source_0
                        source_1
                """);
    }

    @Test
    void shouldNotPushFiltersBelowATableTableJoin() {
        PersistentQueryPlanner.Planned planned = plan("CREATE TABLE O AS SELECT T.ID, T.V, U.W FROM T JOIN U "
                + "ON T.ID = U.ID WHERE T.V > 1 AND U.W < 3;");
        assertThat(print(planned.plan())).isEqualTo("""
                sink_5
                  project_4
                    filter_3 TABLE WHERE ((T.V > 1) AND (U.W < 3))
                      join_2
                        source_0
                        source_1
                """);
    }

    @Test
    void shouldPushWhereOnTheFirstStreamBelowEveryJoinOfAMultiWayJoin() {
        PersistentQueryPlanner.Planned planned = plan("CREATE STREAM O AS SELECT S.ID, X, V, W FROM S "
                + "JOIN T ON S.ID = T.ID JOIN U ON S.ID = U.ID WHERE S.X > 1 AND T.V + U.W > 2;");
        assertThat(print(planned.plan())).isEqualTo("""
                sink_7
                  project_6
                    filter_5 WHERE ((T.V + U.W) > 2)
                      join_4
                        join_2
                          filter_source_0 WHERE (S.X > 1)
                            source_0
                          source_1
                        source_3
                """);
    }

    @Test
    void shouldKeepResultPseudoColumnsOfAJoinAboveIt() {
        PersistentQueryPlanner.Planned planned = plan("CREATE STREAM O AS SELECT S.ID, X, V FROM S JOIN T "
                + "ON S.ID = T.ID WHERE ROWTIME > 5 AND S.ROWTIME > 3;");
        assertThat(print(planned.plan())).isEqualTo("""
                sink_5
                  project_4
                    filter_3 WHERE (ROWTIME > 5)
                      join_2
                        filter_source_0 WHERE (S.ROWTIME > 3)
                          source_0
                        source_1
                """);
    }

    @Test
    void shouldFoldHavingOverTheAggregatedRow() {
        PersistentQueryPlanner.Planned planned = plan("CREATE TABLE O AS SELECT ID, COUNT(*) AS C FROM S WHERE X > 1 "
                + "GROUP BY ID HAVING COUNT(*) > 1 + 1;");
        assertThat(logical(planned)).isEqualTo("""
                LogicalProject(ID=[$0], C=[$1])
                  LogicalFilter(condition=[>($1, +(1, 1))])
                    LogicalAggregate(group=[{0}], KSQL_AGG_VARIABLE_0=[COUNT(*)($1)])
                      LogicalProject(GROUPBY_0=[$0], ARG_0_0=[$3])
                        LogicalFilter(condition=[>($1, 1)])
                          LogicalTableScan(table=[[S]])
                """);
        assertThat(print(planned.plan())).isEqualTo("""
                sink_5
                  project_4
                    having_3 TABLE WHERE (KSQL_AGG_VARIABLE_0 > 2)
                      aggregate_2
                        filter_1 WHERE (X > 1)
                          source_0
                """);
    }

    @Test
    void shouldKeepAnUnchangedHavingAsAnalyzed() {
        PersistentQueryPlanner.Planned planned = plan("CREATE TABLE O AS SELECT ID, COUNT(*) AS C FROM S "
                + "WINDOW TUMBLING (SIZE 1 HOUR) GROUP BY ID HAVING COUNT(*) > 1;");
        assertThat(logical(planned)).contains(
                "LogicalProject(KSQL_GROUPBY_0=[$0], KSQL_AGG_VARIABLE_0=[$1], WINDOWSTART=[[WINDOWSTART]()], "
                        + "WINDOWEND=[[WINDOWEND]()])");
        assertThat(print(planned.plan())).isEqualTo("""
                sink_4
                  project_3
                    having_2 TABLE WHERE (COUNT(*) > 1)
                      aggregate_1
                        source_0
                """);
    }

    @Test
    void shouldFilterATableWithATableFilter() {
        PersistentQueryPlanner.Planned planned = plan("CREATE TABLE O AS SELECT ID, V FROM T WHERE V > 1 + 1;");
        assertThat(print(planned.plan())).isEqualTo("""
                sink_3
                  project_2
                    filter_1 TABLE WHERE (T.V > 2)
                      source_0
                """);
    }

    @Test
    void shouldGiveTheSameQueryTheSameNodeIdsEveryTime() {
        String sql = "CREATE STREAM O AS SELECT S.ID, X, V FROM S JOIN T ON S.ID = T.ID WHERE S.X > 1 AND T.V < 3;";
        assertThat(print(plan(sql).plan())).isEqualTo(print(plan(sql).plan()));
    }

    @Test
    void shouldShowTheCalcitePlansBeforeAndAfterOptimization() {
        String text = plan("CREATE STREAM O AS SELECT ID, X FROM S WHERE X > 2 + 3;").planning().calcitePlans();
        assertThat(text).startsWith("Logical plan (Calcite):\nLogicalProject(ID=[$0], X=[$1])")
                .contains("Optimized plan (Calcite):\nLogicalProject(ID=[$0], X=[$1])\n  LogicalFilter(condition=[>($1, 5)])");
    }

    static String print(ExecNode node) {
        StringBuilder out = new StringBuilder();
        print(node, "", out);
        return out.toString();
    }

    private static void print(ExecNode node, String indent, StringBuilder out) {
        out.append(indent).append(node.id());
        if (node instanceof ExecNode.Filter f) {
            out.append(" WHERE ").append(SqlFormatter.format(f.predicate().expression()));
        } else if (node instanceof ExecNode.TableFilter f) {
            out.append(" TABLE WHERE ").append(SqlFormatter.format(f.predicate().expression()));
        }
        out.append('\n');
        if (node instanceof ExecNode.Join j) {
            print(j.left(), indent + "  ", out);
            print(j.right(), indent + "  ", out);
        } else if (node instanceof ExecNode.Sink s) {
            print(s.input(), indent + "  ", out);
        } else if (node instanceof ExecNode.Project p) {
            print(p.input(), indent + "  ", out);
        } else if (node instanceof ExecNode.Filter f) {
            print(f.input(), indent + "  ", out);
        } else if (node instanceof ExecNode.TableFilter f) {
            print(f.input(), indent + "  ", out);
        } else if (node instanceof ExecNode.Aggregate a) {
            print(a.input(), indent + "  ", out);
        }
    }
}
