package io.runnel.sql.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.runnel.sql.internal.row.Row;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyConstraintsTest {
    private static final Catalog CATALOG = Catalog.empty()
            .withSource(table("T", List.of(key("ID", SqlType.INTEGER)), Optional.empty()), false)
            .withSource(table("M", List.of(key("A", SqlType.STRING), key("B", SqlType.BIGINT)), Optional.empty()), false)
            .withSource(table("D", List.of(key("X", SqlType.DOUBLE)), Optional.empty()), false)
            .withSource(table("W", List.of(key("ID", SqlType.INTEGER)), Optional.of(new SourceFormats.KeyWindow(
                    SourceFormats.KeyWindow.Kind.TUMBLING, Optional.of(10_000L)))), false)
            .withSource(new DataSource("S", SourceKind.STREAM, List.of(new Column("ID", SqlType.INTEGER,
                    Column.Role.KEY, Optional.empty()),
                    Column.value("V", SqlType.STRING)), "s", SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false),
                    false);

    private static Column key(String name, SqlType type) {
        return new Column(name, type, Column.Role.PRIMARY_KEY, Optional.empty());
    }

    private static DataSource table(String name, List<Column> keys, Optional<SourceFormats.KeyWindow> window) {
        List<Column> columns = new java.util.ArrayList<>(keys);
        columns.add(Column.value("V", SqlType.STRING));
        return new DataSource(name, SourceKind.TABLE, columns, name.toLowerCase(java.util.Locale.ROOT),
                new SourceFormats("KAFKA", "JSON", window), Optional.empty(), false);
    }

    private static Optional<List<KeyConstraints.Lookup>> lookups(String select) {
        Statement.QueryStatement q = (Statement.QueryStatement) SqlParser.parseStatement(select);
        AnalyzedQuery analyzed = new QueryAnalyzer(CATALOG, new RegistryFunctionResolver(FunctionRegistry.withBuiltIns()))
                .forTransientQuery().analyze(q.query(), Optional.empty());
        return KeyConstraints.of(analyzed);
    }

    private static KeyConstraints.Lookup lookup(Object... key) {
        return new KeyConstraints.Lookup(Row.wrap(key), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void shouldLookUpTheKeysOfEqualityAndInListsInEveryDisjunct() {
        assertThat(lookups("SELECT * FROM T WHERE ID = 3;")).contains(List.of(lookup(3)));
        assertThat(lookups("SELECT * FROM T WHERE 3 = ID AND V = 'x';")).contains(List.of(lookup(3)));
        assertThat(lookups("SELECT * FROM T WHERE ID IN (1, -2);")).contains(List.of(lookup(1), lookup(-2)));
        assertThat(lookups("SELECT * FROM T WHERE ID = 1 OR (ID = 2 AND V = 'y');"))
                .contains(List.of(lookup(1), lookup(2)));
    }

    @Test
    void shouldLookUpEveryCombinationOfTheKeyColumnsOfAMultiColumnKey() {
        assertThat(lookups("SELECT * FROM M WHERE A IN ('p', 'q') AND B = 7;"))
                .contains(List.of(lookup("p", 7L), lookup("q", 7L)));
    }

    @Test
    void shouldScanWhenSomeDisjunctDoesNotFixEveryKeyColumn() {
        assertThat(lookups("SELECT * FROM T;")).isEmpty();
        assertThat(lookups("SELECT * FROM T WHERE V = 'x';")).isEmpty();
        assertThat(lookups("SELECT * FROM T WHERE ID = 1 OR V = 'x';")).isEmpty();
        assertThat(lookups("SELECT * FROM T WHERE ID > 1;")).isEmpty();
        assertThat(lookups("SELECT * FROM T WHERE ID <> 1;")).isEmpty();
        assertThat(lookups("SELECT * FROM M WHERE A = 'p';")).isEmpty();
        assertThat(lookups("SELECT * FROM S WHERE ID = 1;")).isEmpty();
    }

    @Test
    void shouldScanWhenALiteralIsNotExactlyAValueOfTheKeyType() {
        assertThat(lookups("SELECT * FROM T WHERE ID = 1.0;")).isEmpty();
        assertThat(lookups("SELECT * FROM T WHERE ID IN (1, 2.5);")).isEmpty();
        assertThat(lookups("SELECT * FROM T WHERE ID = 1 + 1;")).isEmpty();
        assertThat(lookups("SELECT * FROM D WHERE X = 1.0;")).isEmpty();
    }

    @Test
    void shouldNarrowTheWindowStartsByWindowStartAndWindowEndBounds() {
        assertThat(lookups("SELECT * FROM W WHERE ID = 1 AND WINDOWSTART >= 10000 AND WINDOWSTART < 30000;"))
                .contains(List.of(new KeyConstraints.Lookup(Row.wrap(new Object[] {1}), 10_000, 29_999)));
        assertThat(lookups("SELECT * FROM W WHERE ID = 1 AND WINDOWEND = 20000;"))
                .contains(List.of(new KeyConstraints.Lookup(Row.wrap(new Object[] {1}), 10_000, 10_000)));
        assertThat(lookups("SELECT * FROM W WHERE ID = 1 AND 5000 < WINDOWSTART;"))
                .contains(List.of(new KeyConstraints.Lookup(Row.wrap(new Object[] {1}), 5_001, Long.MAX_VALUE)));
        assertThat(lookups("SELECT * FROM W WHERE ID = 1 AND WINDOWSTART BETWEEN 0 AND 9;"))
                .contains(List.of(new KeyConstraints.Lookup(Row.wrap(new Object[] {1}), 0, 9)));
    }

    @Test
    void shouldDropADisjunctWhoseWindowBoundsExcludeEveryWindow() {
        assertThat(lookups("SELECT * FROM W WHERE (ID = 1 AND WINDOWSTART > 5 AND WINDOWSTART < 3) OR ID = 2;"))
                .contains(List.of(lookup(2)));
    }
}
