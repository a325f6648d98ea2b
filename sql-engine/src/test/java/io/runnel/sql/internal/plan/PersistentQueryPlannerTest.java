package io.runnel.sql.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;

class PersistentQueryPlannerTest {
    private static final Catalog CATALOG = Catalog.empty()
            .withSource(new DataSource("KEYLESS", SourceKind.STREAM, List.of(Column.value("FOO", SqlType.INTEGER), Column.value("BAR", SqlType.INTEGER)),
                    "keyless", SourceFormats.of("NONE", "JSON"), Optional.empty(), false), false)
            .withSource(new DataSource("W", SourceKind.STREAM, List.of(
                    new Column("ID", SqlType.BIGINT, Column.Role.KEY, Optional.empty()), Column.value("V", SqlType.STRING)),
                    "w", new SourceFormats("KAFKA", "JSON", Optional.of(new SourceFormats.KeyWindow(
                            SourceFormats.KeyWindow.Kind.SESSION, Optional.empty())), Map.of()), Optional.empty(), false),
                    false);

    private static PersistentQueryPlanner.Planned plan(String sql) {
        return new PersistentQueryPlanner(new RegistryFunctionResolver(FunctionRegistry.withBuiltIns()))
                .plan((Statement.CreateAsSelect) SqlParser.parseStatement(sql), CATALOG, 0);
    }

    @Test
    void shouldKeyAResultOfAKeylessSourceWithTheValueFormat() {
        assertThat(plan("CREATE STREAM OUT AS SELECT * FROM KEYLESS PARTITION BY FOO;").sink().formats().keyFormat())
                .isEqualTo("JSON");
        assertThat(plan("CREATE STREAM OUT AS SELECT * FROM KEYLESS;").sink().formats().keyFormat()).isEqualTo("NONE");
    }

    @Test
    void shouldKeepTheWindowOfAWindowedSource() {
        assertThat(plan("CREATE STREAM OUT AS SELECT * FROM W;").sink().formats().window())
                .contains(new SourceFormats.KeyWindow(SourceFormats.KeyWindow.Kind.SESSION, Optional.empty()));
    }

    @Test
    void shouldApplyTheSessionsTopicPrefixAndValueWrappingToANewSink() {
        PersistentQueryPlanner planner = new PersistentQueryPlanner(new RegistryFunctionResolver(
                FunctionRegistry.withBuiltIns()), Map.of("ksql.output.topic.name.prefix", "p-",
                "ksql.persistence.wrap.single.values", "false"));
        PersistentQueryPlanner.Planned planned = planner.plan((Statement.CreateAsSelect) SqlParser.parseStatement(
                "CREATE STREAM OUT AS SELECT FOO FROM KEYLESS;"), CATALOG, 0);
        assertThat(planned.sink().topic()).isEqualTo("p-OUT");
        assertThat(planned.sink().formats().properties()).containsEntry("WRAP_SINGLE_VALUE", "false");
    }

    @Test
    void shouldRejectAnAggregateWhoseStateADelimitedValueCannotHold() {
        assertThatThrownBy(() -> plan("CREATE TABLE OUT WITH (VALUE_FORMAT='DELIMITED') AS SELECT FOO, AVG(BAR) AS A "
                + "FROM KEYLESS GROUP BY FOO;"))
                .hasMessageContaining("has an intermediate type that the value format can not handle");
        assertThat(plan("CREATE TABLE OUT WITH (VALUE_FORMAT='DELIMITED') AS SELECT FOO, SUM(BAR) AS S "
                + "FROM KEYLESS GROUP BY FOO;").sink().formats().valueFormat()).isEqualTo("DELIMITED");
    }
}
