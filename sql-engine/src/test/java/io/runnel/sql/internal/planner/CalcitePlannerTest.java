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
import io.runnel.sql.internal.plan.PlanBuilder;
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
                    "t", SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false), false);

    static PersistentQueryPlanner.Planned plan(String sql) {
        return new PersistentQueryPlanner(new RegistryFunctionResolver(FunctionRegistry.withBuiltIns()))
                .plan((Statement.CreateAsSelect) SqlParser.parseStatement(sql), CATALOG, 0);
    }

    static String show(PersistentQueryPlanner.Planned planned) {
        return planned.planning().calcitePlans();
    }

    @Test
    void explore() {
        for (String sql : List.of(
                "CREATE STREAM O AS SELECT ID, X FROM S WHERE X > 2 + 3 AND 1 = 1;",
                "CREATE STREAM O AS SELECT ID, X FROM S WHERE X > 2 AND X < 1;",
                "CREATE STREAM O AS SELECT ID, X FROM S WHERE UCASE(NAME) = 'A' AND RANDOM() > 0.5;",
                "CREATE STREAM O AS SELECT S.ID, X, V FROM S JOIN T ON S.ID = T.ID WHERE S.X > 1 AND T.V < 3 AND S.X + T.V = 4;",
                "CREATE STREAM O AS SELECT S.ID, X, V FROM S LEFT JOIN T ON S.ID = T.ID WHERE S.X > 1 AND T.V IS NULL;",
                "CREATE STREAM O AS SELECT S.ID, X, Y FROM S JOIN R WITHIN 1 HOUR ON S.ID = R.ID WHERE S.X > 1 AND R.Y < 3 AND ROWTIME > 5;",
                "CREATE TABLE O AS SELECT ID, COUNT(*) AS C FROM S WHERE X > 1 GROUP BY ID HAVING COUNT(*) > 1 + 1;",
                "CREATE TABLE O AS SELECT ID, COUNT(*) AS C FROM S WINDOW TUMBLING (SIZE 1 HOUR) GROUP BY ID HAVING COUNT(*) > 1;")) {
            PersistentQueryPlanner.Planned planned = plan(sql);
            try {
                CalcitePlanner.plan(planned.query(), "t", SourceFormats.of("KAFKA", "JSON"), Optional.empty(),
                        new RegistryFunctionResolver(FunctionRegistry.withBuiltIns()));
            } catch (CalcitePlanner.NotTranslatedException e) {
                e.getCause().printStackTrace(System.out);
            }
            System.out.println("=== " + sql + "\n" + show(planned) + "\n" + print(planned.plan()));
        }
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
