package io.runnel.sql.internal.plan;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.QueryAnalyzer;
import io.runnel.sql.internal.analyzer.RegistryFunctionResolver;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.function.FunctionRegistry;
import io.runnel.sql.internal.parser.SqlParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CoPartitioningTest {

    private static final Catalog CATALOG = Catalog.empty()
            .withSource(stream("A", "a"), false)
            .withSource(stream("B", "b"), false);

    private static final Map<String, Integer> PARTITIONS = Map.of("a", 2, "b", 4);

    private static DataSource stream(String name, String topic) {
        return new DataSource(name, SourceKind.STREAM, List.of(new Column("ID", SqlType.BIGINT, Column.Role.KEY,
                Optional.empty()), Column.value("V", SqlType.BIGINT)), topic, SourceFormats.of("KAFKA", "JSON"),
                Optional.empty(), false);
    }

    private static void check(String select) {
        Statement.QueryStatement q = (Statement.QueryStatement) SqlParser.parseStatement(select);
        AnalyzedQuery query = new QueryAnalyzer(CATALOG, new RegistryFunctionResolver(FunctionRegistry.withBuiltIns()))
                .analyze(q.query(), Optional.of("OUTPUT"));
        CoPartitioning.check(query, t -> PARTITIONS.containsKey(t) ? OptionalInt.of(PARTITIONS.get(t))
                : OptionalInt.empty());
    }

    @Test
    void shouldRejectAKeyToKeyJoinOfTopicsWithDifferentPartitionCounts() {
        assertThatThrownBy(() -> check("SELECT A.ID, B.V FROM A JOIN B WITHIN 1 SECOND ON A.ID = B.ID;"))
                .hasMessageContaining("Can't join `A` with `B` since the number of partitions don't match. "
                        + "`A` partitions = 2; `B` partitions = 4.");
    }

    @Test
    void shouldAcceptDifferentPartitionCountsWhenASideIsRepartitioned() {
        assertThatCode(() -> check("SELECT A.V, B.V AS BV FROM A JOIN B WITHIN 1 SECOND ON A.V = B.ID;"))
                .doesNotThrowAnyException();
    }
}
