package io.runnel.sql.internal.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlException;
import io.runnel.sql.internal.plan.PersistentQueryPlanner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which query shapes go through the Calcite phase and which are planned without it (the
 * fallback). Every shape the engine runs is listed with its expected fallback reason; today none
 * falls back: the only untranslated shape (a join expression that reads no column of its side)
 * is one the analyzer already rejects.
 */
class PlannedShapesTest {

    private static final List<String> SHAPES = List.of(
            "CREATE STREAM O AS SELECT * FROM S;",
            "CREATE STREAM O AS SELECT ID, X * 2 AS D, UCASE(NAME) AS U FROM S WHERE X IN (1, 2, 3) OR NAME LIKE 'a%';",
            "CREATE STREAM O AS SELECT ID, CASE WHEN X > 1 THEN 'big' ELSE 'small' END AS C FROM S "
                    + "WHERE CAST(X AS BIGINT) > 10000000000 OR X / 0 = 1;",
            "CREATE STREAM O AS SELECT X, ID FROM S PARTITION BY X;",
            "CREATE STREAM O AS SELECT ID, EXPLODE(ARRAY[X, 1]) AS E FROM S WHERE ROWTIME > '2020-01-01';",
            "CREATE STREAM O AS SELECT ID, TRANSFORM(ARRAY[X], v => v + 1) AS T FROM S "
                    + "WHERE ARRAY_CONTAINS(TRANSFORM(ARRAY[X], v => v * 2), 4);",
            "CREATE STREAM O AS SELECT ID, STRUCT(A := X) AS ST FROM S WHERE MAP('a' := X)['a'] = 1;",
            "CREATE TABLE O AS SELECT ID, V FROM T WHERE V IS NOT NULL AND NOT (V = 3);",
            "CREATE TABLE O AS SELECT NAME, COUNT(*) AS C, SUM(X) AS T FROM S WHERE X > 0 GROUP BY NAME "
                    + "HAVING SUM(X) > 10 AND COUNT(*) < 100;",
            "CREATE TABLE O AS SELECT NAME, X, COUNT(*) AS C FROM S GROUP BY NAME, X;",
            "CREATE TABLE O AS SELECT ID, COUNT(*) AS C FROM S WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 5 SECONDS) "
                    + "GROUP BY ID HAVING WINDOWSTART > 0 EMIT CHANGES;",
            "CREATE TABLE O AS SELECT ID, COUNT(*) AS C FROM S WINDOW SESSION (1 MINUTE) GROUP BY ID EMIT FINAL;",
            "CREATE TABLE O AS SELECT V, SUM(ID) AS C FROM T GROUP BY V;",
            "CREATE STREAM O AS SELECT S.ID, X, V FROM S JOIN T ON S.ID = T.ID WHERE S.X > 1;",
            "CREATE STREAM O AS SELECT S.ID, X, V FROM S LEFT JOIN T ON S.X = T.ID WHERE S.X > 1 AND T.V > 2;",
            "CREATE STREAM O AS SELECT ROWKEY, X, Y FROM S FULL OUTER JOIN R WITHIN 1 HOUR ON S.ID = R.ID "
                    + "WHERE ROWKEY > 1;",
            "CREATE STREAM O AS SELECT S.ID, X, Y FROM S RIGHT JOIN R WITHIN 1 HOUR ON S.ID = R.ID WHERE R.Y > 1;",
            "CREATE TABLE O AS SELECT T.ID, V, W FROM T LEFT JOIN U ON T.V = U.ID WHERE W > 1;",
            "CREATE TABLE O AS SELECT S.ID, COUNT(*) AS C FROM S JOIN T ON S.ID = T.ID WHERE S.X > 1 GROUP BY S.ID;",
            "CREATE STREAM O AS SELECT S.ID, X, V, W FROM S JOIN T ON S.ID = T.ID JOIN U ON S.ID = U.ID "
                    + "WHERE S.X > 1 AND W < 3;");

    @Test
    void shouldPlanEveryListedShapeThroughCalcite() {
        Map<String, Optional<String>> fallbacks = new LinkedHashMap<>();
        for (String sql : SHAPES) {
            PersistentQueryPlanner.Planned planned = CalcitePlannerTest.plan(sql);
            fallbacks.put(sql, planned.planning().fallback());
        }
        Map<String, Optional<String>> expected = new LinkedHashMap<>();
        SHAPES.forEach(sql -> expected.put(sql, Optional.empty()));
        assertThat(fallbacks).isEqualTo(expected);
    }

    @Test
    void shouldLeaveAJoinOnAConstantToTheAnalyzer() {
        assertThatThrownBy(() -> CalcitePlannerTest.plan(
                "CREATE STREAM O AS SELECT S.ID, X, V FROM S JOIN T ON 1 = T.ID;")).isInstanceOf(SqlException.class);
    }
}
