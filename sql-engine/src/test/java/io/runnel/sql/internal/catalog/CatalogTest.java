package io.runnel.sql.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.ast.TableElement;
import io.runnel.sql.internal.parser.SqlParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final DataSource PAGEVIEWS = new DataSource("PAGEVIEWS", SourceKind.STREAM, List.of(
            new Column("ID", SqlType.STRING, Column.Role.KEY, Optional.empty()),
            Column.value("USER_ID", SqlType.BIGINT),
            Column.value("PAGE", SqlType.STRING),
            new Column("TRACE", SqlType.BYTES, Column.Role.HEADERS, Optional.of("trace"))),
            "pageviews", SourceFormats.of("kafka", "json"), Optional.empty(), false);

    @Test
    void shouldSuggestClosestColumnOnMiss() {
        assertThatThrownBy(() -> PAGEVIEWS.column("USERID"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SqlErrorCode.COLUMN_NOT_FOUND);
                    assertThat(e.getMessage())
                            .isEqualTo("Column 'USERID' not found in stream PAGEVIEWS; did you mean 'USER_ID'?");
                });
        assertThatThrownBy(() -> PAGEVIEWS.column("page")).hasMessageEndingWith("did you mean 'PAGE'?");
        assertThatThrownBy(() -> PAGEVIEWS.column("XYZZY")).hasMessage("Column 'XYZZY' not found in stream PAGEVIEWS");
    }

    @Test
    void shouldFindColumnsByExactName() {
        assertThat(PAGEVIEWS.column("USER_ID").type()).isEqualTo(SqlType.BIGINT);
        assertThat(PAGEVIEWS.keyColumns()).extracting(Column::name).containsExactly("ID");
        assertThat(PAGEVIEWS.schemaSql())
                .isEqualTo("`ID` STRING KEY, `USER_ID` BIGINT, `PAGE` STRING, `TRACE` BYTES HEADER('trace')");
    }

    @Test
    void shouldSuggestClosestSourceOnMissAndLocateErrorsAtAPosition() {
        Catalog catalog = Catalog.empty().withSource(PAGEVIEWS, false);
        SqlException miss = org.assertj.core.api.Assertions.catchThrowableOfType(SqlException.class,
                () -> catalog.source("PAGEVIEW"));
        assertThat(miss.getMessage()).isEqualTo("Stream or table 'PAGEVIEW' not found; did you mean 'PAGEVIEWS'?");
        SqlException located = miss.withPosition(3, 14);
        assertThat(located.getMessage()).startsWith("line 3:14: Stream or table 'PAGEVIEW' not found");
        assertThat(located.line()).contains(3);
        assertThat(located.errorCode()).isEqualTo(SqlErrorCode.SOURCE_NOT_FOUND);
    }

    @Test
    void shouldReturnNewSnapshotsAndLeaveTheOriginalUnchanged() {
        Catalog empty = Catalog.empty();
        Catalog one = empty.withSource(PAGEVIEWS, false);
        assertThat(empty.sources()).isEmpty();
        assertThat(one.sources()).containsOnlyKeys("PAGEVIEWS");
        assertThat(one.withoutSource("PAGEVIEWS").sources()).isEmpty();
        assertThat(one.sources()).containsOnlyKeys("PAGEVIEWS");
    }

    @Test
    void shouldRejectDuplicateSourceUnlessReplacingTheSameKind() {
        Catalog catalog = Catalog.empty().withSource(PAGEVIEWS, false);
        assertThatThrownBy(() -> catalog.withSource(PAGEVIEWS, false))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SqlErrorCode.ALREADY_EXISTS));
        assertThat(catalog.withSource(PAGEVIEWS, true).source("PAGEVIEWS")).isEqualTo(PAGEVIEWS);
        DataSource table = new DataSource("PAGEVIEWS", SourceKind.TABLE, List.of(
                new Column("ID", SqlType.STRING, Column.Role.PRIMARY_KEY, Optional.empty())), "t",
                SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false);
        assertThatThrownBy(() -> catalog.withSource(table, true)).hasMessageContaining("a stream PAGEVIEWS already exists");
    }

    @Test
    void shouldRejectDuplicateColumnsAndKeysOfTheWrongKind() {
        assertThatThrownBy(() -> new DataSource("S", SourceKind.STREAM, List.of(Column.value("A", SqlType.INTEGER),
                Column.value("A", SqlType.STRING)), "s", SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false))
                .hasMessage("Column 'A' is declared twice in stream S");
        assertThatThrownBy(() -> new DataSource("S", SourceKind.STREAM, List.of(
                new Column("K", SqlType.INTEGER, Column.Role.PRIMARY_KEY, Optional.empty())), "s",
                SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldResolveCustomTypesFromTheCatalog() {
        Statement.CreateType createType = (Statement.CreateType) SqlParser.parseStatement(
                "CREATE TYPE ADDRESS AS STRUCT<street STRING, `zip` INT>");
        Catalog catalog = Catalog.empty().withType(createType.name(),
                new TypeResolver(Catalog.empty()).resolve(createType.type()));
        Statement.CreateSource create = (Statement.CreateSource) SqlParser.parseStatement(
                "CREATE STREAM s (home ADDRESS, past ARRAY<ADDRESS>, m MAP<STRING, DECIMAL(4, 2)>) "
                        + "WITH (kafka_topic='s')");
        TypeResolver resolver = new TypeResolver(catalog);
        List<TableElement> elements = create.elements();
        assertThat(resolver.resolve(elements.get(0).type()).sql()).isEqualTo("STRUCT<`STREET` STRING, `zip` INTEGER>");
        assertThat(resolver.resolve(elements.get(1).type())).isInstanceOf(SqlType.Array.class);
        assertThat(resolver.resolve(elements.get(2).type())).isEqualTo(
                new SqlType.Map(SqlType.STRING, new SqlType.Decimal(4, 2)));
    }

    @Test
    void shouldReportUnknownCustomTypeAtItsPositionWithSuggestion() {
        Catalog catalog = Catalog.empty().withType("ADDRESS", SqlType.STRING);
        Statement.CreateSource create = (Statement.CreateSource) SqlParser.parseStatement(
                "CREATE STREAM s (a ADRESS) WITH (kafka_topic='s')");
        assertThatThrownBy(() -> new TypeResolver(catalog).resolve(create.elements().get(0).type()))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SqlErrorCode.TYPE_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("line 1:20: Type 'ADRESS' not found; did you mean 'ADDRESS'?");
                });
    }

    @Test
    void shouldRejectRegisteringATypeTwice() {
        Catalog catalog = Catalog.empty().withType("T", SqlType.STRING);
        assertThatThrownBy(() -> catalog.withType("T", SqlType.INTEGER))
                .hasMessage("Cannot register custom type 'T' since it is already registered with type: STRING");
        assertThat(catalog.withoutType("T").types()).isEmpty();
    }

    @Test
    void shouldValidateDecimalAndStructTypes() {
        assertThatThrownBy(() -> new SqlType.Decimal(2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SqlType.Struct(List.of(new SqlType.Field("A", SqlType.INTEGER),
                new SqlType.Field("A", SqlType.STRING)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SqlType.Decimal(10, 0).sql()).isEqualTo("DECIMAL(10, 0)");
    }
}
