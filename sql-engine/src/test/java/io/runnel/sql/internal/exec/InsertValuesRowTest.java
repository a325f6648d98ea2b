package io.runnel.sql.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.internal.analyzer.FunctionResolver;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsertValuesRowTest {
    private static final FunctionResolver FUNCTIONS = new RegistryFunctionResolver(FunctionRegistry.withBuiltIns());

    private static final Catalog CATALOG = Catalog.empty()
            .withSource(new DataSource("input", SourceKind.STREAM, List.of(
                    new Column("ID", SqlType.BIGINT, Column.Role.KEY, Optional.empty()),
                    new Column("H", SqlType.BYTES, Column.Role.HEADERS, Optional.of("h")),
                    Column.value("NAME", SqlType.STRING),
                    Column.value("N", SqlType.DOUBLE)), "topic", SourceFormats.of("KAFKA", "JSON"),
                    Optional.empty(), false), false)
            .withSource(new DataSource("RO", SourceKind.STREAM, List.of(Column.value("V", SqlType.STRING)), "ro",
                    SourceFormats.of("KAFKA", "JSON"), Optional.empty(), true), false);

    private static InsertValuesRow.Planned plan(String sql) {
        return InsertValuesRow.plan((Statement.InsertValues) SqlParser.parseStatement(sql), CATALOG, FUNCTIONS);
    }

    @Test
    void shouldBuildTheKeyAndValueRowsCastingValuesToTheirColumns() {
        InsertValuesRow.Planned row = plan("INSERT INTO \"input\" (N, ID) VALUES (1, 7);");
        assertThat(Arrays.asList(row.key().toArray())).containsExactly(7L);
        assertThat(Arrays.asList(row.value().toArray())).containsExactly(null, 1.0);
    }

    @Test
    void shouldHintAtTheQuotingWhenOnlyTheCaseOfTheNameDiffers() {
        assertThatThrownBy(() -> plan("INSERT INTO input (ID) VALUES (1);"))
                .hasMessageContaining("Cannot insert values into an unknown stream/table: `INPUT`\nDid you mean \"input\"?");
    }

    @Test
    void shouldRejectHeaderColumnsAndReadOnlyStreams() {
        assertThatThrownBy(() -> plan("INSERT INTO \"input\" (H) VALUES (NULL);"))
                .hasMessageContaining("Cannot insert into HEADER columns: H");
        assertThatThrownBy(() -> plan("INSERT INTO RO VALUES ('x');"))
                .hasMessageContaining("Cannot insert values into read-only stream: RO");
    }
}
