package io.runnel.sql.internal.parser;

import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Property;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.Relation;
import io.runnel.sql.internal.ast.SelectItem;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.ast.TableElement;
import io.runnel.sql.internal.ast.TimeSpan;
import io.runnel.sql.internal.ast.TypeExpr;
import io.runnel.sql.internal.ast.WindowExpression;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints an AST back as SQL that parses to the same AST (positions aside). Binary operators are
 * always parenthesized, so the output never depends on precedence; names are quoted only when
 * needed. Used for round-trip tests, EXPLAIN output and the SQL stored with exec plans.
 */
public final class SqlFormatter {

    private SqlFormatter() {
    }

    // ------------------------------------------------------------------------------ statements

    public static String format(Statement statement) {
        if (statement instanceof Statement.QueryStatement s) return query(s.query());
        if (statement instanceof Statement.CreateSource s) return createSource(s);
        if (statement instanceof Statement.CreateAsSelect s) {
            return "CREATE " + (s.orReplace() ? "OR REPLACE " : "") + s.kind() + " "
                    + (s.ifNotExists() ? "IF NOT EXISTS " : "") + name(s.name()) + with(s.properties())
                    + " AS " + query(s.query());
        }
        if (statement instanceof Statement.InsertInto s) {
            return "INSERT INTO " + name(s.target()) + with(s.properties()) + " " + query(s.query());
        }
        if (statement instanceof Statement.InsertValues s) {
            String columns = s.columns().isEmpty() ? "" : " (" + join(s.columns(), SqlFormatter::name) + ")";
            return "INSERT INTO " + name(s.target()) + columns + " VALUES (" + join(s.values(), SqlFormatter::format) + ")";
        }
        if (statement instanceof Statement.DropSource s) {
            return "DROP " + s.kind() + " " + (s.ifExists() ? "IF EXISTS " : "") + name(s.name())
                    + (s.deleteTopic() ? " DELETE TOPIC" : "");
        }
        if (statement instanceof Statement.AlterSource s) {
            return "ALTER " + s.kind() + " " + name(s.name()) + " "
                    + join(s.addedColumns(), c -> "ADD COLUMN " + name(c.name()) + " " + format(c.type()));
        }
        if (statement instanceof Statement.CreateType s) {
            return "CREATE TYPE " + (s.ifNotExists() ? "IF NOT EXISTS " : "") + name(s.name()) + " AS " + format(s.type());
        }
        if (statement instanceof Statement.DropType s) {
            return "DROP TYPE " + (s.ifExists() ? "IF EXISTS " : "") + name(s.name());
        }
        if (statement instanceof Statement.ListObjects s) {
            return "SHOW " + (s.allTopics() ? "ALL " : "") + s.what() + (s.extended() ? " EXTENDED" : "");
        }
        if (statement instanceof Statement.DescribeSources s) {
            return "DESCRIBE " + (s.kind() == io.runnel.sql.internal.ast.SourceKind.STREAM ? "STREAMS" : "TABLES")
                    + (s.extended() ? " EXTENDED" : "");
        }
        if (statement instanceof Statement.DescribeSource s) {
            return "DESCRIBE " + name(s.name()) + (s.extended() ? " EXTENDED" : "");
        }
        if (statement instanceof Statement.DescribeFunction s) return "DESCRIBE FUNCTION " + name(s.name());
        if (statement instanceof Statement.Explain s) {
            return "EXPLAIN " + s.statement().map(SqlFormatter::format).orElseGet(() -> name(s.queryId().orElseThrow()));
        }
        if (statement instanceof Statement.Print s) {
            return "PRINT " + name(s.topic()) + (s.fromBeginning() ? " FROM BEGINNING" : "")
                    + (s.interval().isPresent() ? " INTERVAL " + s.interval().getAsInt() : "")
                    + (s.limit().isPresent() ? " LIMIT " + s.limit().getAsInt() : "");
        }
        if (statement instanceof Statement.Terminate s) {
            return "TERMINATE " + s.queryId().map(SqlFormatter::name).orElse("ALL");
        }
        if (statement instanceof Statement.SetProperty s) {
            return "SET " + Identifiers.quoteString(s.name()) + " = " + Identifiers.quoteString(s.value());
        }
        if (statement instanceof Statement.UnsetProperty s) return "UNSET " + Identifiers.quoteString(s.name());
        if (statement instanceof Statement.DefineVariable s) {
            return "DEFINE " + name(s.name()) + " = " + Identifiers.quoteString(s.value());
        }
        if (statement instanceof Statement.UndefineVariable s) return "UNDEFINE " + name(s.name());
        if (statement instanceof Statement.RunScript s) return "RUN SCRIPT " + Identifiers.quoteString(s.path());
        throw new IllegalStateException("unhandled statement " + statement.getClass().getSimpleName());
    }

    private static String createSource(Statement.CreateSource s) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (s.orReplace()) sql.append("OR REPLACE ");
        if (s.readOnlySource()) sql.append("SOURCE ");
        sql.append(s.kind()).append(' ');
        if (s.ifNotExists()) sql.append("IF NOT EXISTS ");
        sql.append(name(s.name()));
        if (!s.elements().isEmpty()) sql.append(" (").append(join(s.elements(), SqlFormatter::tableElement)).append(')');
        return sql.append(with(s.properties())).toString();
    }

    private static String tableElement(TableElement element) {
        String constraint = switch (element.constraint()) {
            case VALUE -> "";
            case KEY -> " KEY";
            case PRIMARY_KEY -> " PRIMARY KEY";
            case HEADERS -> element.headerKey().map(k -> " HEADER(" + Identifiers.quoteString(k) + ")").orElse(" HEADERS");
        };
        return name(element.name()) + " " + format(element.type()) + constraint;
    }

    private static String with(List<Property> properties) {
        if (properties.isEmpty()) return "";
        return " WITH (" + join(properties, p -> name(p.name()) + "=" + format(p.value())) + ")";
    }

    // --------------------------------------------------------------------------------- queries

    public static String query(Query query) {
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(join(query.select(), SqlFormatter::selectItem));
        sql.append(" FROM ").append(relation(query.from()));
        query.window().ifPresent(w -> sql.append(" WINDOW ").append(window(w)));
        query.where().ifPresent(w -> sql.append(" WHERE ").append(format(w)));
        if (!query.groupBy().isEmpty()) sql.append(" GROUP BY ").append(join(query.groupBy(), SqlFormatter::format));
        if (!query.partitionBy().isEmpty()) {
            sql.append(" PARTITION BY ").append(join(query.partitionBy(), SqlFormatter::format));
        }
        query.having().ifPresent(h -> sql.append(" HAVING ").append(format(h)));
        query.emit().ifPresent(e -> sql.append(" EMIT ").append(e));
        query.limit().ifPresent(l -> sql.append(" LIMIT ").append(l));
        return sql.toString();
    }

    private static String selectItem(SelectItem item) {
        if (item instanceof SelectItem.AllColumns a) return a.source().map(s -> name(s) + ".*").orElse("*");
        if (item instanceof SelectItem.AllStructFields a) return primary(a.struct()) + "->*";
        if (item instanceof SelectItem.SingleColumn c) {
            return format(c.expression()) + c.alias().map(a -> " AS " + name(a)).orElse("");
        }
        throw new IllegalStateException("unhandled select item " + item.getClass().getSimpleName());
    }

    private static String relation(Relation relation) {
        if (relation instanceof Relation.Source s) return name(s.name()) + s.alias().map(a -> " " + name(a)).orElse("");
        if (relation instanceof Relation.Join j) {
            return relation(j.left()) + " " + j.type().sql() + " " + relation(j.right())
                    + j.within().map(w -> " " + within(w)).orElse("") + " ON " + format(j.criteria());
        }
        throw new IllegalStateException("unhandled relation " + relation.getClass().getSimpleName());
    }

    private static String within(Relation.JoinWindow window) {
        boolean symmetric = window.before().amount() == window.after().amount()
                && window.before().unit() == window.after().unit();
        String spans = symmetric ? timeSpan(window.before())
                : "(" + timeSpan(window.before()) + ", " + timeSpan(window.after()) + ")";
        return "WITHIN " + spans + window.grace().map(g -> " GRACE PERIOD " + timeSpan(g)).orElse("");
    }

    /** A window clause as SQL, e.g. {@code TUMBLING (SIZE 1 MINUTES)}. */
    public static String format(WindowExpression window) {
        return window(window);
    }

    private static String window(WindowExpression window) {
        String options = window.retention().map(r -> ", RETENTION " + timeSpan(r)).orElse("")
                + window.grace().map(g -> ", GRACE PERIOD " + timeSpan(g)).orElse("");
        if (window instanceof WindowExpression.Tumbling t) return "TUMBLING (SIZE " + timeSpan(t.size()) + options + ")";
        if (window instanceof WindowExpression.Hopping h) {
            return "HOPPING (SIZE " + timeSpan(h.size()) + ", ADVANCE BY " + timeSpan(h.advance()) + options + ")";
        }
        if (window instanceof WindowExpression.Session s) return "SESSION (" + timeSpan(s.gap()) + options + ")";
        throw new IllegalStateException("unhandled window " + window.getClass().getSimpleName());
    }

    private static String timeSpan(TimeSpan span) {
        return span.amount() + " " + span.unit();
    }

    // ----------------------------------------------------------------------------- expressions

    public static String format(Expression e) {
        if (e instanceof Expression.Literal literal) return literal(literal);
        if (e instanceof Expression.ColumnRef c) return c.qualifier().map(q -> name(q) + ".").orElse("") + name(c.name());
        if (e instanceof Expression.Dereference d) return primary(d.base()) + "->" + name(d.field());
        if (e instanceof Expression.Subscript s) return primary(s.base()) + "[" + format(s.index()) + "]";
        if (e instanceof Expression.FunctionCall f) {
            String args = f.star() ? "*" : (f.distinct() ? "DISTINCT " : "") + join(f.arguments(), SqlFormatter::format);
            return name(f.name()) + "(" + args + ")";
        }
        if (e instanceof Expression.Lambda l) {
            String parameters = l.parameters().size() == 1 ? name(l.parameters().get(0))
                    : "(" + join(l.parameters(), SqlFormatter::name) + ")";
            return parameters + " => " + format(l.body());
        }
        if (e instanceof Expression.Cast c) return "CAST(" + format(c.operand()) + " AS " + format(c.type()) + ")";
        if (e instanceof Expression.ArrayConstructor a) return "ARRAY[" + join(a.elements(), SqlFormatter::format) + "]";
        if (e instanceof Expression.MapConstructor m) {
            return "MAP(" + join(m.entries(), x -> format(x.key()) + " := " + format(x.value())) + ")";
        }
        if (e instanceof Expression.StructConstructor s) {
            return "STRUCT(" + join(s.fields(), f -> name(f.name()) + " := " + format(f.value())) + ")";
        }
        if (e instanceof Expression.Arithmetic a) {
            return "(" + format(a.left()) + " " + a.operator().symbol() + " " + format(a.right()) + ")";
        }
        if (e instanceof Expression.Negation n) return "-(" + format(n.operand()) + ")";
        if (e instanceof Expression.Concat c) return "(" + format(c.left()) + " || " + format(c.right()) + ")";
        if (e instanceof Expression.Comparison c) {
            return "(" + format(c.left()) + " " + c.operator().symbol() + " " + format(c.right()) + ")";
        }
        if (e instanceof Expression.Logical l) return "(" + format(l.left()) + " " + l.operator() + " " + format(l.right()) + ")";
        if (e instanceof Expression.Not n) return "(NOT " + format(n.operand()) + ")";
        if (e instanceof Expression.IsNull n) return "(" + format(n.operand()) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
        if (e instanceof Expression.Between b) {
            return "(" + format(b.value()) + not(b.negated()) + " BETWEEN " + format(b.lower()) + " AND "
                    + format(b.upper()) + ")";
        }
        if (e instanceof Expression.InList i) {
            return "(" + format(i.value()) + not(i.negated()) + " IN (" + join(i.list(), SqlFormatter::format) + "))";
        }
        if (e instanceof Expression.Like l) {
            return "(" + format(l.value()) + not(l.negated()) + " LIKE " + format(l.pattern())
                    + l.escape().map(c -> " ESCAPE " + Identifiers.quoteString(String.valueOf(c))).orElse("") + ")";
        }
        if (e instanceof Expression.SearchedCase c) return "CASE" + whens(c.whens(), c.elseValue());
        if (e instanceof Expression.SimpleCase c) return "CASE " + format(c.operand()) + whens(c.whens(), c.elseValue());
        throw new IllegalStateException("unhandled expression " + e.getClass().getSimpleName());
    }

    /** An expression in a position that takes only a primary expression (before [..] or ->). */
    private static String primary(Expression e) {
        boolean primary = e instanceof Expression.ColumnRef || e instanceof Expression.Dereference
                || e instanceof Expression.Subscript || e instanceof Expression.FunctionCall
                || e instanceof Expression.Cast || e instanceof Expression.ArrayConstructor
                || e instanceof Expression.MapConstructor || e instanceof Expression.StructConstructor;
        return primary ? format(e) : "(" + format(e) + ")";
    }

    private static String not(boolean negated) {
        return negated ? " NOT" : "";
    }

    private static String whens(List<Expression.WhenClause> whens, Optional<Expression> elseValue) {
        return whens.stream().map(w -> " WHEN " + format(w.condition()) + " THEN " + format(w.result()))
                .collect(Collectors.joining())
                + elseValue.map(e -> " ELSE " + format(e)).orElse("") + " END";
    }

    private static String literal(Expression.Literal literal) {
        if (literal instanceof Expression.NullLiteral) return "NULL";
        if (literal instanceof Expression.BooleanLiteral b) return b.bool() ? "TRUE" : "FALSE";
        if (literal instanceof Expression.IntegerLiteral i) return Integer.toString(i.number());
        if (literal instanceof Expression.LongLiteral l) return Long.toString(l.number());
        if (literal instanceof Expression.DecimalLiteral d) return decimal(d.number());
        if (literal instanceof Expression.DoubleLiteral d) {
            String text = Double.toString(d.number());
            return text.contains("E") ? text : text + "E0";
        }
        if (literal instanceof Expression.StringLiteral s) return Identifiers.quoteString(s.text());
        throw new IllegalStateException("unhandled literal " + literal.getClass().getSimpleName());
    }

    /** Plain digits with the scale as written; a point is always present so it reads back as DECIMAL. */
    private static String decimal(BigDecimal number) {
        String text = number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
        return text.contains(".") ? text : text + ".";
    }

    // ----------------------------------------------------------------------------------- types

    public static String format(TypeExpr type) {
        if (type instanceof TypeExpr.Primitive p) return p.kind().name();
        if (type instanceof TypeExpr.Decimal d) return "DECIMAL(" + d.precision() + ", " + d.scale() + ")";
        if (type instanceof TypeExpr.Array a) return "ARRAY<" + format(a.element()) + ">";
        if (type instanceof TypeExpr.Map m) return "MAP<" + format(m.key()) + ", " + format(m.value()) + ">";
        if (type instanceof TypeExpr.Struct s) {
            // An empty STRUCT keeps a space between its brackets: the lexer reads "<>" as not-equal.
            return s.fields().isEmpty() ? "STRUCT< >"
                    : "STRUCT<" + join(s.fields(), f -> name(f.name()) + " " + format(f.type())) + ">";
        }
        if (type instanceof TypeExpr.Named n) return name(n.name());
        throw new IllegalStateException("unhandled type " + type.getClass().getSimpleName());
    }

    private static String name(String name) {
        return Identifiers.format(name);
    }

    private static <T> String join(List<T> items, Function<T, String> format) {
        return items.stream().map(format).collect(Collectors.joining(", "));
    }
}
