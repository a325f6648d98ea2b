package io.runnel.sql.internal.parser;

import static io.runnel.sql.internal.parser.ExpressionBuilder.expression;
import static io.runnel.sql.internal.parser.ExpressionBuilder.negate;
import static io.runnel.sql.internal.parser.ExpressionBuilder.number;
import static io.runnel.sql.internal.parser.ExpressionBuilder.primary;
import static io.runnel.sql.internal.parser.ExpressionBuilder.value;
import static io.runnel.sql.internal.parser.ParseTrees.error;
import static io.runnel.sql.internal.parser.ParseTrees.identifier;
import static io.runnel.sql.internal.parser.ParseTrees.intValue;
import static io.runnel.sql.internal.parser.ParseTrees.longValue;
import static io.runnel.sql.internal.parser.ParseTrees.position;
import static io.runnel.sql.internal.parser.ParseTrees.string;
import static io.runnel.sql.internal.parser.ParseTrees.unhandled;
import static io.runnel.sql.internal.parser.TypeBuilder.type;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlParseException;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.Property;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.Relation;
import io.runnel.sql.internal.ast.SelectItem;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.ast.TableElement;
import io.runnel.sql.internal.ast.TimeSpan;
import io.runnel.sql.internal.ast.WindowExpression;
import io.runnel.sql.internal.parser.RunnelSqlParser.AliasedRelationContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.AlterOptionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.AlterSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.AsymmetricJoinWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.BooleanPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ColumnConstraintContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.CreateAsSelectContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.CreateSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.CreateTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DefineVariableContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DescribeFunctionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DescribeSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DescribeStreamsContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DescribeTablesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DropSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DropTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ExplainContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ExpressionListContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.FullJoinContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.GraceOptionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.GracePeriodContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.HeaderConstraintContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.HeadersConstraintContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.HoppingWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.IdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.InnerJoinContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.InsertIntoContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.InsertValuesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.JoinTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.JoinWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.JoinedSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.KeyConstraintContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LeftJoinContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListFunctionsContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListPropertiesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListQueriesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListStreamsContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListTablesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListTopicsContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListTypesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListVariablesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NullPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NumberPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PrimaryKeyConstraintContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PrintClauseContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PrintTopicContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PropertyValueContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.QueryContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.QueryStatementContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.RelationContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.RetentionOptionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.RightJoinContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.RunScriptContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SelectAllContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SelectAllOfSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SelectAllOfStructContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SelectItemContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SelectSingleContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SessionWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SetPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StatementContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StringPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SymmetricJoinWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TableElementContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TablePropertiesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TablePropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TerminateQueryContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TimeSpanContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ValueExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TimeUnitContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TumblingWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.UndefineVariableContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.UnsetPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.WindowExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.WindowOptionContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Builds statement and query ASTs from ANTLR's parse tree: one method per grammar alternative,
 * dispatching on the labelled context class. Expressions are built by {@link ExpressionBuilder},
 * types by {@link TypeBuilder}. Checks the grammar cannot express (duplicate properties or window
 * options, integer ranges) are reported as {@link SqlParseException}s at the offending token.
 */
final class AstBuilder {

    private AstBuilder() {
    }

    // ------------------------------------------------------------------------------ statements

    static Statement statement(StatementContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof QueryStatementContext c) return new Statement.QueryStatement(query(c.query()), at);
        if (ctx instanceof ListPropertiesContext) return list(Statement.Listable.PROPERTIES, false, false, at);
        if (ctx instanceof ListTopicsContext c) {
            return list(Statement.Listable.TOPICS, c.EXTENDED() != null, c.ALL() != null, at);
        }
        if (ctx instanceof ListStreamsContext c) return list(Statement.Listable.STREAMS, c.EXTENDED() != null, false, at);
        if (ctx instanceof ListTablesContext c) return list(Statement.Listable.TABLES, c.EXTENDED() != null, false, at);
        if (ctx instanceof ListFunctionsContext) return list(Statement.Listable.FUNCTIONS, false, false, at);
        if (ctx instanceof ListTypesContext) return list(Statement.Listable.TYPES, false, false, at);
        if (ctx instanceof ListVariablesContext) return list(Statement.Listable.VARIABLES, false, false, at);
        if (ctx instanceof ListQueriesContext c) return list(Statement.Listable.QUERIES, c.EXTENDED() != null, false, at);
        if (ctx instanceof DescribeStreamsContext c) {
            return new Statement.DescribeSources(SourceKind.STREAM, c.EXTENDED() != null, at);
        }
        if (ctx instanceof DescribeTablesContext c) {
            return new Statement.DescribeSources(SourceKind.TABLE, c.EXTENDED() != null, at);
        }
        if (ctx instanceof DescribeFunctionContext c) return new Statement.DescribeFunction(identifier(c.identifier()), at);
        if (ctx instanceof DescribeSourceContext c) {
            return new Statement.DescribeSource(identifier(c.sourceName().identifier()), c.EXTENDED() != null, at);
        }
        if (ctx instanceof PrintTopicContext c) return print(c, at);
        if (ctx instanceof TerminateQueryContext c) {
            return new Statement.Terminate(c.ALL() != null ? Optional.empty() : Optional.of(identifier(c.identifier())), at);
        }
        if (ctx instanceof SetPropertyContext c) {
            return new Statement.SetProperty(string(c.STRING(0)), string(c.STRING(1)), at);
        }
        if (ctx instanceof UnsetPropertyContext c) return new Statement.UnsetProperty(string(c.STRING()), at);
        if (ctx instanceof DefineVariableContext c) {
            return new Statement.DefineVariable(identifier(c.identifier()), string(c.STRING()), at);
        }
        if (ctx instanceof UndefineVariableContext c) return new Statement.UndefineVariable(identifier(c.identifier()), at);
        if (ctx instanceof RunScriptContext c) return new Statement.RunScript(string(c.STRING()), at);
        if (ctx instanceof CreateSourceContext c) return createSource(c, at);
        if (ctx instanceof CreateAsSelectContext c) return createAsSelect(c, at);
        if (ctx instanceof InsertIntoContext c) {
            return new Statement.InsertInto(identifier(c.sourceName().identifier()), properties(c.tableProperties()),
                    query(c.query()), at);
        }
        if (ctx instanceof InsertValuesContext c) return insertValues(c, at);
        if (ctx instanceof DropSourceContext c) {
            return new Statement.DropSource(c.STREAM() != null ? SourceKind.STREAM : SourceKind.TABLE,
                    c.EXISTS() != null, identifier(c.sourceName().identifier()), c.DELETE() != null, at);
        }
        if (ctx instanceof CreateTypeContext c) {
            return new Statement.CreateType(identifier(c.identifier()), c.EXISTS() != null, type(c.type()), at);
        }
        if (ctx instanceof DropTypeContext c) {
            return new Statement.DropType(identifier(c.identifier()), c.EXISTS() != null, at);
        }
        if (ctx instanceof AlterSourceContext c) return alterSource(c, at);
        if (ctx instanceof ExplainContext c) {
            return c.statement() != null
                    ? new Statement.Explain(Optional.of(statement(c.statement())), Optional.empty(), at)
                    : new Statement.Explain(Optional.empty(), Optional.of(identifier(c.identifier())), at);
        }
        throw unhandled(ctx);
    }

    private static Statement list(Statement.Listable what, boolean extended, boolean all, Position at) {
        return new Statement.ListObjects(what, extended, all, at);
    }

    private static Statement print(PrintTopicContext c, Position at) {
        String topic = c.identifier() != null ? identifier(c.identifier()) : string(c.STRING());
        PrintClauseContext clause = c.printClause();
        OptionalInt interval = clause.INTERVAL() != null ? OptionalInt.of(intValue(clause.integer(0))) : OptionalInt.empty();
        OptionalInt limit = OptionalInt.empty();
        if (clause.LIMIT() != null) {
            limit = OptionalInt.of(intValue(clause.integer(clause.integer().size() - 1)));
        }
        return new Statement.Print(topic, clause.BEGINNING() != null, interval, limit, at);
    }

    private static Statement createSource(CreateSourceContext c, Position at) {
        List<TableElement> elements = new ArrayList<>();
        if (c.tableElements() != null) {
            for (TableElementContext element : c.tableElements().tableElement()) {
                elements.add(tableElement(element));
            }
        }
        return new Statement.CreateSource(c.STREAM() != null ? SourceKind.STREAM : SourceKind.TABLE,
                c.REPLACE() != null, c.SOURCE() != null, c.EXISTS() != null, identifier(c.sourceName().identifier()),
                elements, properties(c.tableProperties()), at);
    }

    private static Statement createAsSelect(CreateAsSelectContext c, Position at) {
        return new Statement.CreateAsSelect(c.STREAM() != null ? SourceKind.STREAM : SourceKind.TABLE,
                c.REPLACE() != null, c.EXISTS() != null, identifier(c.sourceName().identifier()),
                properties(c.tableProperties()), query(c.query()), at);
    }

    private static Statement insertValues(InsertValuesContext c, Position at) {
        List<String> columns = new ArrayList<>();
        if (c.columnList() != null) {
            for (IdentifierContext column : c.columnList().identifier()) columns.add(identifier(column));
        }
        List<Expression> values = new ArrayList<>();
        for (ExpressionContext value : c.valueList().expression()) values.add(expression(value));
        return new Statement.InsertValues(identifier(c.sourceName().identifier()), columns, values, at);
    }

    private static Statement alterSource(AlterSourceContext c, Position at) {
        List<TableElement> columns = new ArrayList<>();
        for (AlterOptionContext option : c.alterOption()) {
            columns.add(new TableElement(identifier(option.identifier()), type(option.type()),
                    TableElement.Constraint.VALUE, Optional.empty(), position(option)));
        }
        return new Statement.AlterSource(c.STREAM() != null ? SourceKind.STREAM : SourceKind.TABLE,
                identifier(c.sourceName().identifier()), columns, at);
    }

    private static TableElement tableElement(TableElementContext c) {
        TableElement.Constraint constraint = TableElement.Constraint.VALUE;
        Optional<String> headerKey = Optional.empty();
        ColumnConstraintContext columnConstraint = c.columnConstraint();
        if (columnConstraint instanceof PrimaryKeyConstraintContext) {
            constraint = TableElement.Constraint.PRIMARY_KEY;
        } else if (columnConstraint instanceof KeyConstraintContext) {
            constraint = TableElement.Constraint.KEY;
        } else if (columnConstraint instanceof HeadersConstraintContext) {
            constraint = TableElement.Constraint.HEADERS;
        } else if (columnConstraint instanceof HeaderConstraintContext header) {
            constraint = TableElement.Constraint.HEADERS;
            headerKey = Optional.of(string(header.STRING()));
        } else if (columnConstraint != null) {
            throw unhandled(columnConstraint);
        }
        return new TableElement(identifier(c.identifier()), type(c.type()), constraint, headerKey, position(c));
    }

    private static List<Property> properties(TablePropertiesContext ctx) {
        List<Property> properties = new ArrayList<>();
        if (ctx == null) return properties;
        Set<String> seen = new HashSet<>();
        for (TablePropertyContext property : ctx.tableProperty()) {
            String name = property.identifier() != null
                    ? identifier(property.identifier()).toUpperCase(Locale.ROOT)
                    : string(property.STRING()).toUpperCase(Locale.ROOT);
            if (!seen.add(name)) {
                throw error(SqlErrorCode.INVALID_STATEMENT, property.getStart(), "duplicate property '" + name + "'",
                        "give each property once");
            }
            properties.add(new Property(name, propertyValue(property.propertyValue()), position(property)));
        }
        return properties;
    }

    private static Expression.Literal propertyValue(PropertyValueContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof StringPropertyContext c) return new Expression.StringLiteral(string(c.STRING()), at);
        if (ctx instanceof BooleanPropertyContext c) return new Expression.BooleanLiteral(c.booleanValue().TRUE() != null, at);
        if (ctx instanceof NullPropertyContext) return new Expression.NullLiteral(at);
        if (ctx instanceof NumberPropertyContext c) {
            Expression.Literal number = number(c.number());
            return c.MINUS() != null ? negate(number, at) : number;
        }
        throw unhandled(ctx);
    }

    // --------------------------------------------------------------------------------- queries

    static Query query(QueryContext ctx) {
        List<SelectItem> select = new ArrayList<>();
        for (SelectItemContext item : ctx.selectItem()) select.add(selectItem(item));
        Optional<Query.Emit> emit = Optional.empty();
        if (ctx.EMIT() != null) emit = Optional.of(ctx.FINAL() != null ? Query.Emit.FINAL : Query.Emit.CHANGES);
        if (ctx.partitionBy != null && ctx.partitionBy.valueExpression().isEmpty()) {
            throw error(SqlErrorCode.INVALID_STATEMENT, ctx.partitionBy.getStart(),
                    "PARTITION BY requires at least one expression", null);
        }
        return new Query(
                select,
                relation(ctx.relation()),
                Optional.ofNullable(ctx.windowExpression()).map(AstBuilder::window),
                Optional.ofNullable(ctx.where).map(ExpressionBuilder::expression),
                expressionList(ctx.groupBy),
                expressionList(ctx.partitionBy),
                Optional.ofNullable(ctx.having).map(ExpressionBuilder::expression),
                emit,
                ctx.LIMIT() != null ? OptionalInt.of(intValue(ctx.integer())) : OptionalInt.empty(),
                position(ctx));
    }

    private static List<Expression> expressionList(ExpressionListContext ctx) {
        List<Expression> expressions = new ArrayList<>();
        if (ctx == null) return expressions;
        for (ValueExpressionContext expression : ctx.valueExpression()) expressions.add(value(expression));
        return expressions;
    }

    private static SelectItem selectItem(SelectItemContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof SelectAllContext) return new SelectItem.AllColumns(Optional.empty(), at);
        if (ctx instanceof SelectAllOfSourceContext c) {
            return new SelectItem.AllColumns(Optional.of(identifier(c.identifier())), at);
        }
        if (ctx instanceof SelectAllOfStructContext c) return new SelectItem.AllStructFields(primary(c.primaryExpression()), at);
        if (ctx instanceof SelectSingleContext c) {
            return new SelectItem.SingleColumn(expression(c.expression()),
                    Optional.ofNullable(c.identifier()).map(ParseTrees::identifier), at);
        }
        throw unhandled(ctx);
    }

    private static Relation relation(RelationContext ctx) {
        Relation relation = source(ctx.aliasedRelation());
        for (JoinedSourceContext joined : ctx.joinedSource()) {
            relation = new Relation.Join(relation, source(joined.aliasedRelation()), joinType(joined.joinType()),
                    Optional.ofNullable(joined.joinWindow()).map(AstBuilder::joinWindow), expression(joined.expression()),
                    position(joined));
        }
        return relation;
    }

    private static Relation.Source source(AliasedRelationContext ctx) {
        return new Relation.Source(identifier(ctx.sourceName().identifier()),
                Optional.ofNullable(ctx.identifier()).map(ParseTrees::identifier), position(ctx));
    }

    private static Relation.JoinType joinType(JoinTypeContext ctx) {
        if (ctx instanceof InnerJoinContext) return Relation.JoinType.INNER;
        if (ctx instanceof LeftJoinContext) return Relation.JoinType.LEFT;
        if (ctx instanceof RightJoinContext) return Relation.JoinType.RIGHT;
        if (ctx instanceof FullJoinContext) return Relation.JoinType.FULL;
        throw unhandled(ctx);
    }

    private static Relation.JoinWindow joinWindow(JoinWindowContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof SymmetricJoinWindowContext c) {
            TimeSpan span = timeSpan(c.timeSpan());
            return new Relation.JoinWindow(span, span, grace(c.gracePeriod()), at);
        }
        if (ctx instanceof AsymmetricJoinWindowContext c) {
            return new Relation.JoinWindow(timeSpan(c.before), timeSpan(c.after), grace(c.gracePeriod()), at);
        }
        throw unhandled(ctx);
    }

    private static Optional<TimeSpan> grace(GracePeriodContext ctx) {
        return ctx == null ? Optional.empty() : Optional.of(timeSpan(ctx.timeSpan()));
    }

    private static WindowExpression window(WindowExpressionContext ctx) {
        Position at = position(ctx);
        Optional<TimeSpan> retention = Optional.empty();
        Optional<TimeSpan> grace = Optional.empty();
        List<WindowOptionContext> options = ctx instanceof TumblingWindowContext t ? t.windowOption()
                : ctx instanceof HoppingWindowContext h ? h.windowOption()
                : ctx instanceof SessionWindowContext s ? s.windowOption()
                : List.of();
        for (WindowOptionContext option : options) {
            if (option instanceof RetentionOptionContext r) {
                if (retention.isPresent()) throw duplicateClause(option, "RETENTION");
                retention = Optional.of(timeSpan(r.timeSpan()));
            } else if (option instanceof GraceOptionContext g) {
                if (grace.isPresent()) throw duplicateClause(option, "GRACE PERIOD");
                grace = grace(g.gracePeriod());
            }
        }
        if (ctx instanceof TumblingWindowContext c) {
            return new WindowExpression.Tumbling(timeSpan(c.timeSpan()), retention, grace, at);
        }
        if (ctx instanceof HoppingWindowContext c) {
            return new WindowExpression.Hopping(timeSpan(c.size), timeSpan(c.advance), retention, grace, at);
        }
        if (ctx instanceof SessionWindowContext c) {
            return new WindowExpression.Session(timeSpan(c.timeSpan()), retention, grace, at);
        }
        throw unhandled(ctx);
    }

    private static SqlParseException duplicateClause(ParserRuleContext ctx, String clause) {
        return error(SqlErrorCode.INVALID_STATEMENT, ctx.getStart(), "duplicate " + clause + " in window", null);
    }

    private static TimeSpan timeSpan(TimeSpanContext ctx) {
        return new TimeSpan(longValue(ctx.integer().INTEGER_VALUE().getSymbol()), timeUnit(ctx.timeUnit()), position(ctx));
    }

    private static TimeUnit timeUnit(TimeUnitContext ctx) {
        return switch (ctx.getStart().getType()) {
            case RunnelSqlParser.MILLISECOND, RunnelSqlParser.MILLISECONDS -> TimeUnit.MILLISECONDS;
            case RunnelSqlParser.SECOND, RunnelSqlParser.SECONDS -> TimeUnit.SECONDS;
            case RunnelSqlParser.MINUTE, RunnelSqlParser.MINUTES -> TimeUnit.MINUTES;
            case RunnelSqlParser.HOUR, RunnelSqlParser.HOURS -> TimeUnit.HOURS;
            case RunnelSqlParser.DAY, RunnelSqlParser.DAYS -> TimeUnit.DAYS;
            default -> throw unhandled(ctx);
        };
    }
}
