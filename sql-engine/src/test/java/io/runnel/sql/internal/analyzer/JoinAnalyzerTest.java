package io.runnel.sql.internal.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Join analysis: kinds, re-keying, key naming and ksqlDB's messages for joins it rejects. */
class JoinAnalyzerTest {

    private static final Catalog CATALOG = Catalog.empty()
            .withSource(source("S", SourceKind.STREAM, Column.Role.KEY, "s", SqlType.BIGINT), false)
            .withSource(source("S2", SourceKind.STREAM, Column.Role.KEY, "s2", SqlType.BIGINT), false)
            .withSource(source("T", SourceKind.TABLE, Column.Role.PRIMARY_KEY, "t", SqlType.BIGINT), false)
            .withSource(source("T2", SourceKind.TABLE, Column.Role.PRIMARY_KEY, "t2", SqlType.BIGINT), false)
            .withSource(source("I", SourceKind.TABLE, Column.Role.PRIMARY_KEY, "i", SqlType.INTEGER), false);

    private static final FunctionResolver FUNCTIONS = new RegistryFunctionResolver(
            io.runnel.sql.internal.function.FunctionRegistry.withBuiltIns());

    private static DataSource source(String name, SourceKind kind, Column.Role role, String topic, SqlType keyType) {
        return new DataSource(name, kind, List.of(new Column("ID", keyType, role, Optional.empty()),
                Column.value("V", SqlType.BIGINT), Column.value("NAME", SqlType.STRING)), topic,
                SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false);
    }

    private static AnalyzedQuery analyze(String select) {
        Statement.QueryStatement q = (Statement.QueryStatement) SqlParser.parseStatement(select);
        return new QueryAnalyzer(CATALOG, FUNCTIONS).analyze(q.query(), Optional.of("OUTPUT"));
    }

    @Test
    void shouldKeyAJoinOnKeysByTheLeftSourcesJoinColumnAndNameColumnsAliasColumn() {
        AnalyzedQuery q = analyze("SELECT * FROM S JOIN S2 WITHIN 1 SECOND ON S.ID = S2.ID;");
        assertThat(q.resultKind()).isEqualTo(SourceKind.STREAM);
        assertThat(q.output().sql()).isEqualTo("`S_ID` BIGINT KEY, `S_V` BIGINT, `S_NAME` STRING, `S2_ID` BIGINT, "
                + "`S2_V` BIGINT, `S2_NAME` STRING");
        AnalyzedJoin.Step step = q.join().orElseThrow().steps().get(0);
        assertThat(step.kind()).isEqualTo(AnalyzedJoin.Kind.STREAM_STREAM);
        assertThat(step.rekeyLeft()).isFalse();
        assertThat(step.rekeyRight()).isFalse();
    }

    @Test
    void shouldRekeyAStreamJoinedOnAValueColumnAndKeyTheResultByThatColumn() {
        AnalyzedQuery q = analyze("SELECT S.V, T.NAME FROM S JOIN T ON S.V = T.ID;");
        AnalyzedJoin.Step step = q.join().orElseThrow().steps().get(0);
        assertThat(step.kind()).isEqualTo(AnalyzedJoin.Kind.STREAM_TABLE);
        assertThat(step.rekeyLeft()).isTrue();
        assertThat(q.output().sql()).isEqualTo("`S_V` BIGINT KEY, `T_NAME` STRING");
    }

    @Test
    void shouldPlanATableJoinedOnANonKeyColumnAsAForeignKeyJoinKeyedByTheLeftKey() {
        AnalyzedQuery q = analyze("SELECT T.ID, T2.NAME FROM T JOIN T2 ON T.V = T2.ID;");
        assertThat(q.join().orElseThrow().steps().get(0).kind()).isEqualTo(AnalyzedJoin.Kind.FOREIGN_KEY);
        assertThat(q.resultKind()).isEqualTo(SourceKind.TABLE);
        assertThat(q.output().sql()).isEqualTo("`T_ID` BIGINT PRIMARY KEY, `T2_NAME` STRING");
    }

    @Test
    void shouldAddASyntheticRowkeyForAFullOuterJoin() {
        AnalyzedQuery q = analyze("SELECT ROWKEY AS K, S.V FROM S FULL OUTER JOIN S2 WITHIN 1 SECOND ON S.ID = S2.ID;");
        assertThat(q.output().sql()).isEqualTo("`K` BIGINT KEY, `S_V` BIGINT");
    }

    @Test
    void shouldRequireAJoinColumnInTheProjection() {
        assertThatThrownBy(() -> analyze("SELECT S.V FROM S JOIN S2 WITHIN 1 SECOND ON S.ID = S2.ID;"))
                .hasMessageContaining("The query used to build `OUTPUT` must include the join expressions S.ID or "
                        + "S2.ID in its projection (eg, SELECT S.ID...).");
    }

    @Test
    void shouldRequireTheSyntheticKeyOfAnExpressionJoinInTheProjection() {
        assertThatThrownBy(() -> analyze("SELECT S.V FROM S JOIN S2 WITHIN 1 SECOND ON ABS(S.ID) = ABS(S2.ID);"))
                .hasMessageContaining("must include the join expression ROWKEY in its projection");
    }

    @Test
    void shouldRejectATableStreamJoin() {
        assertThatThrownBy(() -> analyze("SELECT T.ID, S.V FROM T JOIN S ON T.ID = S.ID;"))
                .hasMessageContaining("Invalid join order: table-stream joins are not supported; only stream-table "
                        + "joins. Got T [INNER] JOIN S.");
    }

    @Test
    void shouldRejectAStreamTableJoinOffTheTablesKey() {
        assertThatThrownBy(() -> analyze("SELECT S.ID, T.V FROM S JOIN T ON S.ID = T.V;"))
                .hasMessageContaining("Invalid join condition: stream-table joins require to join on the table's "
                        + "primary key. Got S.ID = T.V.");
    }

    @Test
    void shouldRejectAStreamStreamJoinWithoutWithin() {
        assertThatThrownBy(() -> analyze("SELECT S.ID FROM S JOIN S2 ON S.ID = S2.ID;"))
                .hasMessageContaining("Stream-Stream joins must have a WITHIN clause specified.");
    }

    @Test
    void shouldRejectAComparisonSideThatReadsNoSource() {
        assertThatThrownBy(() -> analyze("SELECT S.ID FROM S JOIN S2 WITHIN 1 SECOND ON S.ID = 0;"))
                .hasMessageContaining("Invalid comparison expression '0' in join '(S.ID = 0)'. Each side of the join "
                        + "comparision must contain references from exactly one source.");
    }

    @Test
    void shouldRejectJoinKeysOfDifferentTypes() {
        assertThatThrownBy(() -> analyze("SELECT T.ID FROM T JOIN I ON T.ID = I.ID;"))
                .hasMessageContaining("Invalid join condition: types don't match. Got T.ID{BIGINT} = I.ID{INTEGER}.");
    }

    @Test
    void shouldRejectASelfJoin() {
        assertThatThrownBy(() -> analyze("SELECT A.ID FROM S A JOIN S B WITHIN 1 SECOND ON A.ID = B.ID;"))
                .hasMessageContaining("Can not join 'S' to 'S': self joins are not yet supported.");
    }

    @Test
    void shouldRejectAnAmbiguousUnqualifiedJoinColumn() {
        assertThatThrownBy(() -> analyze("SELECT S.ID FROM S JOIN T ON ID = ID;"))
                .hasMessageContaining("Column 'ID' is ambiguous. Could be S.ID or T.ID.");
    }
}
