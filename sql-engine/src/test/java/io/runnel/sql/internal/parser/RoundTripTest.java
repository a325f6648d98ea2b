package io.runnel.sql.internal.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.SqlParseException;
import io.runnel.sql.internal.ast.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** parse(format(parse(s))) equals parse(s), positions aside, and format is a fixpoint. */
class RoundTripTest {

    @Test
    void shouldRoundTripEveryConformanceStatement() {
        Set<String> distinct = new LinkedHashSet<>();
        ConformanceStatements.load().forEach(e -> distinct.add(e.sql()));
        int checked = 0;
        for (String sql : distinct) {
            Statement parsed;
            try {
                parsed = SqlParser.parseStatement(sql);
            } catch (SqlParseException e) {
                continue; // statements of error tests; covered by ConformanceParseTest
            }
            assertRoundTrips(sql, parsed);
            checked++;
        }
        System.out.println("round-trip: " + checked + " distinct conformance statements");
        assertThat(checked).isGreaterThan(2000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT -5, - 5.50, -(a), -(-(b)), 2147483648, -2147483648, 1.5E3, 100.0E0, 1., .5 FROM s",
        "SELECT a FROM s WHERE NOT a AND b OR c = d AND e IS NOT NULL",
        "SELECT `key`, \"Type\", `we``ird`, `1st`, `SELECT` FROM `my stream` AS `x` EMIT CHANGES",
        "SELECT s.a->b->c, arr[1], m['k'][2], (a + b)[1], s.* , col->* FROM s",
        "SELECT CASE WHEN a THEN 1 ELSE 2 END, CASE a WHEN 1 THEN 'x' END FROM s",
        "SELECT TRANSFORM(a, x => x + 1), REDUCE(a, 0, (s, x) => s + x), COUNT(*), COUNT(DISTINCT a) FROM s",
        "SELECT a FROM l LEFT JOIN r WITHIN (1 SECOND, 2 MINUTES) GRACE PERIOD 3 HOURS ON l.id = r.id "
            + "FULL OUTER JOIN t ON t.id = l.id",
        "CREATE TABLE t WITH (KAFKA_TOPIC='t', PARTITIONS=-1, 'value.x'=TRUE) AS SELECT a, COUNT(*) FROM s "
            + "WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 5 SECONDS, RETENTION 2 DAYS, GRACE PERIOD 1 HOUR) "
            + "GROUP BY a HAVING COUNT(*) > 1 EMIT FINAL",
        "CREATE OR REPLACE SOURCE STREAM IF NOT EXISTS s (k INT KEY, h BYTES HEADER('x'), hs ARRAY<STRUCT<key BYTES, "
            + "value BYTES>> HEADERS, d DECIMAL(4, 2), m MAP<STRING, ARRAY<ADDRESS>>) WITH (kafka_topic='t')",
        "INSERT INTO s (a, `b`) VALUES (1, 'it''s', ARRAY[1, 2], MAP('a' := 1), STRUCT(F := 1))",
        "EXPLAIN SELECT a FROM s", "EXPLAIN CSAS_OUT_1", "DESCRIBE `STREAMS` EXTENDED", "DESCRIBE TABLES",
        "PRINT 'my.topic' FROM BEGINNING INTERVAL 2 LIMIT 10", "TERMINATE ALL", "SET 'a.b'='c'", "UNSET 'a'",
        "DEFINE x = 'y'", "UNDEFINE x", "RUN SCRIPT '/tmp/x.sql'", "SHOW ALL TOPICS EXTENDED", "LIST QUERIES",
        "DROP TABLE IF EXISTS t DELETE TOPIC", "CREATE TYPE ADDRESS AS STRUCT<street STRING, number INT>",
        "ALTER STREAM s ADD COLUMN a INT, ADD b STRING",
        "SELECT a FROM s WHERE a NOT BETWEEN 1 AND 2 AND b NOT IN (1, 2) AND c NOT LIKE 'a!%' ESCAPE '!' "
            + "AND d IS NOT DISTINCT FROM e AND f || g = 'x' PARTITION BY a, b LIMIT 5"
    })
    void shouldRoundTripHandWrittenStatements(String sql) {
        assertRoundTrips(sql, SqlParser.parseStatement(sql));
    }

    private static void assertRoundTrips(String sql, Statement parsed) {
        String printed = SqlFormatter.format(parsed);
        Statement reparsed;
        try {
            reparsed = SqlParser.parseStatement(printed);
        } catch (SqlParseException e) {
            throw new AssertionError("formatted SQL does not parse: " + e.getMessage() + "\n  original:  " + sql
                    + "\n  formatted: " + printed, e);
        }
        assertThat(AstWithoutPositions.of(reparsed)).as("round trip of %s%n  formatted: %s", sql, printed)
                .isEqualTo(AstWithoutPositions.of(parsed));
        assertThat(SqlFormatter.format(reparsed)).isEqualTo(printed);
    }
}
