package io.runnel.sql.internal.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.parser.SqlParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryAnalyzerTest {

    private static final Catalog CATALOG = Catalog.empty()
            .withSource(new DataSource("S", SourceKind.STREAM, List.of(
                    new Column("ID", SqlType.BIGINT, Column.Role.KEY, Optional.empty()),
                    Column.value("NAME", SqlType.STRING),
                    Column.value("D1", SqlType.DOUBLE)), "s_topic", SourceFormats.of("KAFKA", "JSON"),
                    Optional.empty(), false), false)
            .withSource(new DataSource("ST", SourceKind.STREAM, List.of(
                    Column.value("B", SqlType.INTEGER),
                    Column.value("A", new SqlType.Struct(List.of(new SqlType.Field("B", SqlType.INTEGER)))),
                    Column.value("C", new SqlType.Struct(List.of(new SqlType.Field("B", SqlType.INTEGER))))),
                    "st_topic", SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false), false)
            .withSource(new DataSource("T", SourceKind.TABLE, List.of(
                    new Column("ID", SqlType.BIGINT, Column.Role.PRIMARY_KEY, Optional.empty()),
                    Column.value("NAME", SqlType.STRING)), "t_topic", SourceFormats.of("KAFKA", "JSON"),
                    Optional.empty(), false), false);

    /** The built-in functions (COUNT, SUM, ...): analysis resolves against the real registry. */
    private static final FunctionResolver AGGREGATES = new RegistryFunctionResolver(
            io.runnel.sql.internal.function.FunctionRegistry.withBuiltIns());

    private static AnalyzedQuery analyze(String select) {
        Statement.QueryStatement q = (Statement.QueryStatement) SqlParser.parseStatement(select);
        return new QueryAnalyzer(CATALOG, AGGREGATES).analyze(q.query(), Optional.of("OUTPUT"));
    }

    @Test
    void shouldKeepTheSourceKeyWhenItIsProjected() {
        AnalyzedQuery q = analyze("SELECT ID, NAME, D1 * 2 FROM S WHERE D1 > 1;");
        assertThat(q.resultKind()).isEqualTo(SourceKind.STREAM);
        assertThat(q.output().sql()).isEqualTo("`ID` BIGINT KEY, `NAME` STRING, `KSQL_COL_0` DOUBLE");
        assertThat(q.where()).isPresent();
    }

    @Test
    void shouldRequireTheKeyColumnInTheProjection() {
        assertThatThrownBy(() -> analyze("SELECT NAME FROM S;"))
                .hasMessageContaining("The query used to build `OUTPUT` must include the key column ID in its projection (eg, SELECT ID...).");
    }

    @Test
    void shouldRejectStructConstructorNamingAFieldTwice() {
        assertThatThrownBy(() -> analyze("SELECT ID, STRUCT(foo := NAME, foo := NAME) AS X FROM S;"))
                .isInstanceOf(io.runnel.sql.SqlException.class)
                .hasMessageContaining("Duplicate field names found in STRUCT: 'FOO'");
    }

    @Test
    void shouldRejectTheKeyColumnProjectedTwice() {
        assertThatThrownBy(() -> analyze("SELECT ID, ID AS ID2, NAME FROM S;"))
                .hasMessageContaining("The projection contains a key column (`ID`) more than once, aliased as: ID and ID2.");
    }

    @Test
    void shouldMakeATableKeyedByTheGroupingExpression() {
        AnalyzedQuery q = analyze("SELECT NAME, COUNT(*), SUM(D1) AS TOTAL FROM S GROUP BY NAME;");
        assertThat(q.resultKind()).isEqualTo(SourceKind.TABLE);
        assertThat(q.output().sql()).isEqualTo("`NAME` STRING PRIMARY KEY, `KSQL_COL_0` BIGINT, `TOTAL` DOUBLE");
        assertThat(q.aggregates()).extracting(a -> a.function().name()).containsExactly("COUNT", "SUM");
        assertThat(q.aggregated().orElseThrow().fields()).extracting(RowSchema.Field::name)
                .containsExactly("KSQL_GROUPBY_0", "KSQL_AGG_VARIABLE_0", "KSQL_AGG_VARIABLE_1");
    }

    @Test
    void shouldPassTheSessionsCollectListLimitAsTheLimitArgument() {
        Statement.QueryStatement q = (Statement.QueryStatement) SqlParser.parseStatement(
                "SELECT NAME, COLLECT_LIST(D1) AS L, COLLECT_SET(D1) AS S FROM S GROUP BY NAME;");
        AnalyzedQuery limited = new QueryAnalyzer(CATALOG, AGGREGATES)
                .withProperties(java.util.Map.of("ksql.functions.collect_list.limit", "1"))
                .analyze(q.query(), Optional.of("OUTPUT"));
        assertThat(limited.aggregates().get(0).arguments()).hasSize(2);
        assertThat(limited.aggregates().get(0).arguments().get(1).expression().toString()).contains("1");
        assertThat(limited.aggregates().get(0).sql()).isEqualTo("COLLECT_LIST(D1)");
        assertThat(limited.aggregates().get(1).arguments()).hasSize(1);
        assertThat(analyze("SELECT NAME, COLLECT_LIST(D1) AS L FROM S GROUP BY NAME;").aggregates().get(0).arguments())
                .hasSize(1);
    }

    @Test
    void shouldRejectNonAggregateColumnsOutsideGroupBy() {
        assertThatThrownBy(() -> analyze("SELECT NAME, D1, COUNT(*) FROM S GROUP BY NAME;"))
                .hasMessageContaining("Non-aggregate SELECT expression(s) not part of GROUP BY: D1");
    }

    @Test
    void shouldRequireTheGroupingExpressionInTheProjection() {
        assertThatThrownBy(() -> analyze("SELECT COUNT(*) FROM S GROUP BY NAME;"))
                .hasMessageContaining("must include the grouping expression NAME in its projection (eg, SELECT NAME...).");
        assertThatThrownBy(() -> analyze("SELECT COUNT(*) FROM S GROUP BY NAME, D1;"))
                .hasMessageContaining("must include the grouping expressions NAME and D1 in its projection (eg, SELECT NAME, D1...).");
    }

    @Test
    void shouldRejectAggregatesInGroupBy() {
        assertThatThrownBy(() -> analyze("SELECT COUNT(*) FROM S GROUP BY SUM(ID);"))
                .hasMessageContaining("GROUP BY does not support aggregate functions: SUM is an aggregate function.");
    }

    @Test
    void shouldKeyByThePartitionByExpression() {
        AnalyzedQuery q = analyze("SELECT NAME, ID FROM S PARTITION BY NAME;");
        assertThat(q.output().sql()).isEqualTo("`NAME` STRING KEY, `ID` BIGINT");
        assertThat(q.partitionBy()).hasSize(1);
        assertThat(analyze("SELECT ID, NAME FROM S PARTITION BY NULL;").output().key()).isEmpty();
        assertThatThrownBy(() -> analyze("SELECT ID FROM S PARTITION BY SOMETHING;"))
                .hasMessageContaining("PARTITION BY column 'SOMETHING' cannot be resolved.");
    }

    @Test
    void shouldExposeWindowBoundsInWindowedAggregates() {
        AnalyzedQuery q = analyze("SELECT NAME, COUNT(*) AS C, WINDOWSTART AS WS FROM S WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY NAME;");
        assertThat(q.output().sql()).isEqualTo("`NAME` STRING PRIMARY KEY, `C` BIGINT, `WS` BIGINT");
        assertThat(q.window()).isPresent();
    }

    @Test
    void shouldKeepATableSourceATable() {
        AnalyzedQuery q = analyze("SELECT ID, NAME AS N FROM T;");
        assertThat(q.resultKind()).isEqualTo(SourceKind.TABLE);
        assertThat(q.output().sql()).isEqualTo("`ID` BIGINT PRIMARY KEY, `N` STRING");
    }

    @Test
    void shouldReportNonBooleanWhereAndUnknownSourcesPrecisely() {
        assertThatThrownBy(() -> analyze("SELECT ID, NAME FROM S WHERE D1 + 1;"))
                .hasMessageContaining("Type error in WHERE expression: should evaluate to boolean but is (D1 + 1) (DOUBLE) instead.");
        assertThatThrownBy(() -> analyze("SELECT ID FROM SS;")).isInstanceOf(SqlException.class)
                .satisfies(e -> assertThat(((SqlException) e).errorCode()).isEqualTo(SqlErrorCode.SOURCE_NOT_FOUND))
                .hasMessageContaining("line 1:16");
    }

    @Test
    void shouldKeySelectStarByAPartitionByExpressionUnderAGeneratedName() {
        AnalyzedQuery q = analyze("SELECT * FROM S PARTITION BY ABS(ID);");
        assertThat(q.output().sql()).isEqualTo("`KSQL_COL_0` BIGINT KEY, `NAME` STRING, `D1` DOUBLE, `ID` BIGINT");
    }

    @Test
    void shouldKeySelectStarByAPartitionByColumnUnderItsName() {
        AnalyzedQuery q = analyze("SELECT * FROM S PARTITION BY NAME, ROWTIME;");
        assertThat(q.output().sql()).isEqualTo("`NAME` STRING KEY, `ROWTIME` BIGINT KEY, `D1` DOUBLE, `ID` BIGINT");
    }

    @Test
    void shouldStillRequireThePartitioningExpressionInAnExplicitProjection() {
        assertThatThrownBy(() -> analyze("SELECT NAME, D1 FROM S PARTITION BY ABS(ID);"))
                .hasMessageContaining("must include the partitioning expression ABS(ID) in its projection");
    }

    @Test
    void shouldRejectAnEmptyPartitionBy() {
        assertThatThrownBy(() -> analyze("SELECT NAME, D1 FROM S PARTITION BY ();"))
                .hasMessageContaining("PARTITION BY requires at least one expression");
    }

    @Test
    void shouldNameStructFieldItemsUniquelyAgainstSourceColumnsAndEarlierItems() {
        AnalyzedQuery q = analyze("SELECT B, A->B, C->B FROM ST;");
        assertThat(q.output().sql()).isEqualTo("`B` INTEGER, `B_1` INTEGER, `B_2` INTEGER");
    }

    @Test
    void shouldRejectAComparisonOfTwoNulls() {
        assertThatThrownBy(() -> analyze("SELECT ID, NULL <> NULL FROM S;"))
                .hasMessageContaining("Comparison with NULL not supported: NULL <> NULL");
    }
}
