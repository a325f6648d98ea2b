package io.runnel.sql.internal.parser;

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
import io.runnel.sql.internal.ast.TypeExpr;
import io.runnel.sql.internal.ast.WindowExpression;
import io.runnel.sql.internal.parser.RunnelSqlParser.AliasedRelationContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.AlterOptionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.AlterSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ArithmeticBinaryContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ArithmeticUnaryContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ArrayConstructorContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ArrayTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.AsymmetricJoinWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.BackQuotedIdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.BetweenContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.BooleanExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.BooleanLiteralContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.BooleanPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.CastContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ColumnConstraintContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ColumnContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ComparisonContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ComparisonOperatorContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ConcatenationContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.CreateAsSelectContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.CreateSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.CreateTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DecimalNumberContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DecimalTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DefineVariableContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DereferenceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DescribeFunctionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DescribeSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DescribeStreamsContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DescribeTablesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DigitIdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DistinctFromContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DoubleNumberContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DoubleQuotedIdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DropSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DropTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ExplainContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ExpressionListContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.FullJoinContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.FunctionArgumentContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.FunctionCallContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.FunctionCallStarContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.GraceOptionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.GracePeriodContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.HeaderConstraintContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.HeadersConstraintContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.HoppingWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.IdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.InListContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.InnerJoinContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.InsertIntoContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.InsertValuesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.IntegerContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.IntegerNumberContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.JoinTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.JoinWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.JoinedSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.KeyConstraintContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LambdaContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LeftJoinContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LikeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListFunctionsContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListPropertiesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListQueriesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListStreamsContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListTablesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListTopicsContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListTypesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ListVariablesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LiteralContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LiteralExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LogicalAndContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LogicalNotContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LogicalOrContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.MapConstructorContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.MapEntryContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.MapTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NamedTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NonReservedIdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NullLiteralContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NullPredicateContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NullPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NumberContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NumberPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NumericLiteralContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ParenthesizedContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PredicateContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PredicatedContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PrimaryExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PrimaryKeyConstraintContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PrintClauseContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PrintTopicContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PropertyValueContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.QualifiedColumnContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.QueryContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.QueryStatementContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.RelationContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.RetentionOptionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.RightJoinContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.RunScriptContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SearchedCaseContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SelectAllContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SelectAllOfSourceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SelectAllOfStructContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SelectItemContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SelectSingleContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SessionWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SetPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SimpleCaseContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StatementContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StringLiteralContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StringPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StructConstructorContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StructFieldContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StructTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StructTypeFieldContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SubscriptContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SymmetricJoinWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TableElementContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TablePropertiesContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TablePropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TerminateQueryContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TimeSpanContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TimeUnitContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TumblingWindowContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.UndefineVariableContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.UnquotedIdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.UnsetPropertyContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ValueDefaultContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ValueExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.VariableIdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.WhenClauseContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.WindowExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.WindowOptionContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the immutable AST from ANTLR's parse tree: one method per grammar alternative, each
 * dispatching on the labelled context class. Value checks the grammar cannot express (integer
 * ranges, DECIMAL precision, duplicate properties) are reported as {@link SqlParseException}s
 * with the position of the offending token.
 */
final class AstBuilder {

    // ------------------------------------------------------------------------------ statements

    Statement statement(StatementContext ctx) {
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

    private Statement print(PrintTopicContext c, Position at) {
        String topic = c.identifier() != null ? identifier(c.identifier()) : string(c.STRING());
        PrintClauseContext clause = c.printClause();
        OptionalInt interval = clause.INTERVAL() != null ? OptionalInt.of(intValue(clause.integer(0))) : OptionalInt.empty();
        OptionalInt limit = OptionalInt.empty();
        if (clause.LIMIT() != null) {
            limit = OptionalInt.of(intValue(clause.integer(clause.integer().size() - 1)));
        }
        return new Statement.Print(topic, clause.BEGINNING() != null, interval, limit, at);
    }

    private Statement createSource(CreateSourceContext c, Position at) {
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

    private Statement createAsSelect(CreateAsSelectContext c, Position at) {
        return new Statement.CreateAsSelect(c.STREAM() != null ? SourceKind.STREAM : SourceKind.TABLE,
                c.REPLACE() != null, c.EXISTS() != null, identifier(c.sourceName().identifier()),
                properties(c.tableProperties()), query(c.query()), at);
    }

    private Statement insertValues(InsertValuesContext c, Position at) {
        List<String> columns = new ArrayList<>();
        if (c.columnList() != null) {
            for (IdentifierContext column : c.columnList().identifier()) columns.add(identifier(column));
        }
        List<Expression> values = new ArrayList<>();
        for (ExpressionContext value : c.valueList().expression()) values.add(expression(value));
        return new Statement.InsertValues(identifier(c.sourceName().identifier()), columns, values, at);
    }

    private Statement alterSource(AlterSourceContext c, Position at) {
        List<TableElement> columns = new ArrayList<>();
        for (AlterOptionContext option : c.alterOption()) {
            columns.add(new TableElement(identifier(option.identifier()), type(option.type()),
                    TableElement.Constraint.VALUE, Optional.empty(), position(option)));
        }
        return new Statement.AlterSource(c.STREAM() != null ? SourceKind.STREAM : SourceKind.TABLE,
                identifier(c.sourceName().identifier()), columns, at);
    }

    private TableElement tableElement(TableElementContext c) {
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

    private List<Property> properties(TablePropertiesContext ctx) {
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

    private Expression.Literal propertyValue(PropertyValueContext ctx) {
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

    Query query(QueryContext ctx) {
        List<SelectItem> select = new ArrayList<>();
        for (SelectItemContext item : ctx.selectItem()) select.add(selectItem(item));
        Optional<Query.Emit> emit = Optional.empty();
        if (ctx.EMIT() != null) emit = Optional.of(ctx.FINAL() != null ? Query.Emit.FINAL : Query.Emit.CHANGES);
        return new Query(
                select,
                relation(ctx.relation()),
                Optional.ofNullable(ctx.windowExpression()).map(this::window),
                Optional.ofNullable(ctx.where).map(this::expression),
                expressionList(ctx.groupBy),
                expressionList(ctx.partitionBy),
                Optional.ofNullable(ctx.having).map(this::expression),
                emit,
                ctx.LIMIT() != null ? OptionalInt.of(intValue(ctx.integer())) : OptionalInt.empty(),
                position(ctx));
    }

    private List<Expression> expressionList(ExpressionListContext ctx) {
        List<Expression> expressions = new ArrayList<>();
        if (ctx == null) return expressions;
        for (ExpressionContext expression : ctx.expression()) expressions.add(expression(expression));
        return expressions;
    }

    private SelectItem selectItem(SelectItemContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof SelectAllContext) return new SelectItem.AllColumns(Optional.empty(), at);
        if (ctx instanceof SelectAllOfSourceContext c) {
            return new SelectItem.AllColumns(Optional.of(identifier(c.identifier())), at);
        }
        if (ctx instanceof SelectAllOfStructContext c) return new SelectItem.AllStructFields(primary(c.primaryExpression()), at);
        if (ctx instanceof SelectSingleContext c) {
            return new SelectItem.SingleColumn(expression(c.expression()),
                    Optional.ofNullable(c.identifier()).map(this::identifier), at);
        }
        throw unhandled(ctx);
    }

    private Relation relation(RelationContext ctx) {
        Relation relation = source(ctx.aliasedRelation());
        for (JoinedSourceContext joined : ctx.joinedSource()) {
            relation = new Relation.Join(relation, source(joined.aliasedRelation()), joinType(joined.joinType()),
                    Optional.ofNullable(joined.joinWindow()).map(this::joinWindow), expression(joined.expression()),
                    position(joined));
        }
        return relation;
    }

    private Relation.Source source(AliasedRelationContext ctx) {
        return new Relation.Source(identifier(ctx.sourceName().identifier()),
                Optional.ofNullable(ctx.identifier()).map(this::identifier), position(ctx));
    }

    private static Relation.JoinType joinType(JoinTypeContext ctx) {
        if (ctx instanceof InnerJoinContext) return Relation.JoinType.INNER;
        if (ctx instanceof LeftJoinContext) return Relation.JoinType.LEFT;
        if (ctx instanceof RightJoinContext) return Relation.JoinType.RIGHT;
        if (ctx instanceof FullJoinContext) return Relation.JoinType.FULL;
        throw unhandled(ctx);
    }

    private Relation.JoinWindow joinWindow(JoinWindowContext ctx) {
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

    private Optional<TimeSpan> grace(GracePeriodContext ctx) {
        return ctx == null ? Optional.empty() : Optional.of(timeSpan(ctx.timeSpan()));
    }

    private WindowExpression window(WindowExpressionContext ctx) {
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

    private SqlParseException duplicateClause(ParserRuleContext ctx, String clause) {
        return error(SqlErrorCode.INVALID_STATEMENT, ctx.getStart(), "duplicate " + clause + " in window", null);
    }

    private TimeSpan timeSpan(TimeSpanContext ctx) {
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

    // ----------------------------------------------------------------------------- expressions

    Expression expression(ExpressionContext ctx) {
        return booleanExpression(ctx.booleanExpression());
    }

    private Expression booleanExpression(BooleanExpressionContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof PredicatedContext c) {
            Expression value = value(c.valueExpression());
            return c.predicate() == null ? value : predicate(value, c.predicate(), at);
        }
        if (ctx instanceof LogicalNotContext c) return new Expression.Not(booleanExpression(c.booleanExpression()), at);
        if (ctx instanceof LogicalAndContext c) {
            return new Expression.Logical(Expression.LogicalOperator.AND, booleanExpression(c.left),
                    booleanExpression(c.right), at);
        }
        if (ctx instanceof LogicalOrContext c) {
            return new Expression.Logical(Expression.LogicalOperator.OR, booleanExpression(c.left),
                    booleanExpression(c.right), at);
        }
        throw unhandled(ctx);
    }

    private Expression predicate(Expression value, PredicateContext ctx, Position at) {
        if (ctx instanceof ComparisonContext c) {
            return new Expression.Comparison(comparisonOperator(c.comparisonOperator()), value, value(c.right), at);
        }
        if (ctx instanceof DistinctFromContext c) {
            return new Expression.Comparison(c.NOT() != null ? Expression.ComparisonOperator.IS_NOT_DISTINCT_FROM
                    : Expression.ComparisonOperator.IS_DISTINCT_FROM, value, value(c.right), at);
        }
        if (ctx instanceof BetweenContext c) {
            return new Expression.Between(value, value(c.lower), value(c.upper), c.NOT() != null, at);
        }
        if (ctx instanceof InListContext c) {
            List<Expression> list = new ArrayList<>();
            for (ExpressionContext e : c.expression()) list.add(expression(e));
            return new Expression.InList(value, list, c.NOT() != null, at);
        }
        if (ctx instanceof LikeContext c) {
            Optional<Character> escape = Optional.empty();
            if (c.escape != null) {
                String text = string(c.escape);
                if (text.length() != 1) {
                    throw error(SqlErrorCode.INVALID_LITERAL, c.escape, "ESCAPE must be a single character, got '"
                            + text + "'", null);
                }
                escape = Optional.of(text.charAt(0));
            }
            return new Expression.Like(value, value(c.pattern), escape, c.NOT() != null, at);
        }
        if (ctx instanceof NullPredicateContext c) return new Expression.IsNull(value, c.NOT() != null, at);
        throw unhandled(ctx);
    }

    private static Expression.ComparisonOperator comparisonOperator(ComparisonOperatorContext ctx) {
        return switch (ctx.getStart().getType()) {
            case RunnelSqlParser.EQ -> Expression.ComparisonOperator.EQUAL;
            case RunnelSqlParser.NEQ -> Expression.ComparisonOperator.NOT_EQUAL;
            case RunnelSqlParser.LT -> Expression.ComparisonOperator.LESS_THAN;
            case RunnelSqlParser.LTE -> Expression.ComparisonOperator.LESS_THAN_OR_EQUAL;
            case RunnelSqlParser.GT -> Expression.ComparisonOperator.GREATER_THAN;
            case RunnelSqlParser.GTE -> Expression.ComparisonOperator.GREATER_THAN_OR_EQUAL;
            default -> throw unhandled(ctx);
        };
    }

    private Expression value(ValueExpressionContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof ValueDefaultContext c) return primary(c.primaryExpression());
        if (ctx instanceof ArithmeticUnaryContext c) {
            Expression operand = value(c.valueExpression());
            if (c.operator.getType() == RunnelSqlParser.PLUS) return operand;
            return operand instanceof Expression.Literal literal && isNumeric(literal)
                    ? negate(literal, at)
                    : new Expression.Negation(operand, at);
        }
        if (ctx instanceof ArithmeticBinaryContext c) {
            Expression.ArithmeticOperator operator = switch (c.operator.getType()) {
                case RunnelSqlParser.PLUS -> Expression.ArithmeticOperator.ADD;
                case RunnelSqlParser.MINUS -> Expression.ArithmeticOperator.SUBTRACT;
                case RunnelSqlParser.ASTERISK -> Expression.ArithmeticOperator.MULTIPLY;
                case RunnelSqlParser.SLASH -> Expression.ArithmeticOperator.DIVIDE;
                case RunnelSqlParser.PERCENT -> Expression.ArithmeticOperator.MODULUS;
                default -> throw unhandled(ctx);
            };
            return new Expression.Arithmetic(operator, value(c.left), value(c.right), at);
        }
        if (ctx instanceof ConcatenationContext c) return new Expression.Concat(value(c.left), value(c.right), at);
        throw unhandled(ctx);
    }

    private Expression primary(PrimaryExpressionContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof LiteralExpressionContext c) return literal(c.literal());
        if (ctx instanceof ColumnContext c) return new Expression.ColumnRef(Optional.empty(), identifier(c.identifier()), at);
        if (ctx instanceof QualifiedColumnContext c) {
            return new Expression.ColumnRef(Optional.of(identifier(c.qualifier)), identifier(c.name), at);
        }
        if (ctx instanceof DereferenceContext c) return new Expression.Dereference(primary(c.base), identifier(c.field), at);
        if (ctx instanceof SubscriptContext c) return new Expression.Subscript(primary(c.base), value(c.index), at);
        if (ctx instanceof ParenthesizedContext c) return expression(c.expression());
        if (ctx instanceof FunctionCallStarContext c) {
            return new Expression.FunctionCall(identifier(c.identifier()), List.of(), false, true, at);
        }
        if (ctx instanceof FunctionCallContext c) {
            List<Expression> arguments = new ArrayList<>();
            for (FunctionArgumentContext argument : c.functionArgument()) arguments.add(functionArgument(argument));
            return new Expression.FunctionCall(identifier(c.identifier()), arguments, c.DISTINCT() != null, false, at);
        }
        if (ctx instanceof CastContext c) return new Expression.Cast(expression(c.expression()), type(c.type()), at);
        if (ctx instanceof SearchedCaseContext c) {
            return new Expression.SearchedCase(whens(c.whenClause()),
                    Optional.ofNullable(c.elseValue).map(this::expression), at);
        }
        if (ctx instanceof SimpleCaseContext c) {
            return new Expression.SimpleCase(expression(c.operand), whens(c.whenClause()),
                    Optional.ofNullable(c.elseValue).map(this::expression), at);
        }
        if (ctx instanceof ArrayConstructorContext c) {
            List<Expression> elements = new ArrayList<>();
            for (ExpressionContext e : c.expression()) elements.add(expression(e));
            return new Expression.ArrayConstructor(elements, at);
        }
        if (ctx instanceof MapConstructorContext c) {
            List<Expression.MapEntry> entries = new ArrayList<>();
            for (MapEntryContext e : c.mapEntry()) {
                entries.add(new Expression.MapEntry(expression(e.key), expression(e.value)));
            }
            return new Expression.MapConstructor(entries, at);
        }
        if (ctx instanceof StructConstructorContext c) {
            List<Expression.StructField> fields = new ArrayList<>();
            for (StructFieldContext f : c.structField()) {
                fields.add(new Expression.StructField(identifier(f.identifier()), expression(f.expression())));
            }
            return new Expression.StructConstructor(fields, at);
        }
        throw unhandled(ctx);
    }

    private Expression functionArgument(FunctionArgumentContext ctx) {
        if (ctx.lambda() == null) return expression(ctx.expression());
        LambdaContext lambda = ctx.lambda();
        List<String> parameters = new ArrayList<>();
        for (IdentifierContext parameter : lambda.identifier()) parameters.add(identifier(parameter));
        return new Expression.Lambda(parameters, expression(lambda.expression()), position(lambda));
    }

    private List<Expression.WhenClause> whens(List<WhenClauseContext> contexts) {
        List<Expression.WhenClause> whens = new ArrayList<>();
        for (WhenClauseContext when : contexts) {
            whens.add(new Expression.WhenClause(expression(when.condition), expression(when.result)));
        }
        return whens;
    }

    // -------------------------------------------------------------------------------- literals

    private Expression.Literal literal(LiteralContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof NullLiteralContext) return new Expression.NullLiteral(at);
        if (ctx instanceof BooleanLiteralContext c) return new Expression.BooleanLiteral(c.booleanValue().TRUE() != null, at);
        if (ctx instanceof StringLiteralContext c) return new Expression.StringLiteral(string(c.STRING()), at);
        if (ctx instanceof NumericLiteralContext c) return number(c.number());
        throw unhandled(ctx);
    }

    private Expression.Literal number(NumberContext ctx) {
        Position at = position(ctx);
        Token token = ctx.getStart();
        String text = token.getText();
        if (ctx instanceof IntegerNumberContext) {
            long value = longValue(token);
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                    ? new Expression.IntegerLiteral((int) value, at)
                    : new Expression.LongLiteral(value, at);
        }
        if (ctx instanceof DecimalNumberContext) {
            return new Expression.DecimalLiteral(new BigDecimal(text), at);
        }
        if (ctx instanceof DoubleNumberContext) {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw error(SqlErrorCode.INVALID_LITERAL, token, "Number overflows DOUBLE: " + text, null);
            }
            return new Expression.DoubleLiteral(value, at);
        }
        throw unhandled(ctx);
    }

    private static boolean isNumeric(Expression.Literal literal) {
        return literal instanceof Expression.IntegerLiteral || literal instanceof Expression.LongLiteral
                || literal instanceof Expression.DecimalLiteral || literal instanceof Expression.DoubleLiteral;
    }

    /** {@code -literal} as one literal, so {@code -5} is the INT -5 (and prints back the same). */
    private static Expression.Literal negate(Expression.Literal literal, Position at) {
        if (literal instanceof Expression.IntegerLiteral i) return new Expression.IntegerLiteral(-i.number(), at);
        if (literal instanceof Expression.LongLiteral l) return new Expression.LongLiteral(-l.number(), at);
        if (literal instanceof Expression.DecimalLiteral d) return new Expression.DecimalLiteral(d.number().negate(), at);
        if (literal instanceof Expression.DoubleLiteral d) return new Expression.DoubleLiteral(-d.number(), at);
        throw new IllegalStateException("not numeric: " + literal);
    }

    private long longValue(Token token) {
        try {
            return Long.parseLong(token.getText());
        } catch (NumberFormatException e) {
            throw error(SqlErrorCode.INVALID_LITERAL, token, "Invalid numeric literal: " + token.getText(),
                    "use a DECIMAL literal such as " + token.getText() + ".0");
        }
    }

    private int intValue(IntegerContext ctx) {
        Token token = ctx.getStart();
        long value = longValue(token);
        if (value > Integer.MAX_VALUE) {
            throw error(SqlErrorCode.INVALID_LITERAL, token, "number " + token.getText() + " is too large here", null);
        }
        return (int) value;
    }

    private static String string(TerminalNode node) {
        return string(node.getSymbol());
    }

    private static String string(Token token) {
        String text = token.getText();
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    // ----------------------------------------------------------------------------------- types

    TypeExpr type(TypeContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof ArrayTypeContext c) return new TypeExpr.Array(type(c.type()), at);
        if (ctx instanceof MapTypeContext c) return new TypeExpr.Map(type(c.key), type(c.value), at);
        if (ctx instanceof StructTypeContext c) {
            List<TypeExpr.Field> fields = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (StructTypeFieldContext field : c.structTypeField()) {
                String name = identifier(field.identifier());
                if (!names.add(name)) {
                    throw error(SqlErrorCode.INVALID_STATEMENT, field.getStart(), "duplicate field '" + name
                            + "' in STRUCT", null);
                }
                fields.add(new TypeExpr.Field(name, type(field.type()), position(field)));
            }
            return new TypeExpr.Struct(fields, at);
        }
        if (ctx instanceof DecimalTypeContext c) {
            long precision = longValue(c.precision);
            long scale = longValue(c.scale);
            if (precision < 1 || precision > 1000) {
                throw error(SqlErrorCode.INVALID_STATEMENT, c.precision, "DECIMAL precision must be between 1 and 1000: "
                        + precision, null);
            }
            if (scale > precision) {
                throw error(SqlErrorCode.INVALID_STATEMENT, c.scale, "DECIMAL scale must not exceed precision "
                        + precision + ": " + scale, null);
            }
            return new TypeExpr.Decimal((int) precision, (int) scale, at);
        }
        if (ctx instanceof NamedTypeContext c) return namedType(c, at);
        throw unhandled(ctx);
    }

    private TypeExpr namedType(NamedTypeContext c, Position at) {
        String name = identifier(c.identifier());
        TypeExpr.PrimitiveKind kind = switch (name) {
            case "BOOLEAN" -> TypeExpr.PrimitiveKind.BOOLEAN;
            case "INT", "INTEGER" -> TypeExpr.PrimitiveKind.INTEGER;
            case "BIGINT" -> TypeExpr.PrimitiveKind.BIGINT;
            case "DOUBLE" -> TypeExpr.PrimitiveKind.DOUBLE;
            case "STRING", "VARCHAR" -> TypeExpr.PrimitiveKind.STRING;
            case "BYTES" -> TypeExpr.PrimitiveKind.BYTES;
            case "DATE" -> TypeExpr.PrimitiveKind.DATE;
            case "TIME" -> TypeExpr.PrimitiveKind.TIME;
            case "TIMESTAMP" -> TypeExpr.PrimitiveKind.TIMESTAMP;
            default -> null;
        };
        if (kind != null) return new TypeExpr.Primitive(kind, at);
        if (name.equals("DECIMAL") || name.equals("ARRAY") || name.equals("MAP") || name.equals("STRUCT")) {
            String example = switch (name) {
                case "DECIMAL" -> "DECIMAL(10, 2)";
                case "ARRAY" -> "ARRAY<STRING>";
                case "MAP" -> "MAP<STRING, INT>";
                default -> "STRUCT<A INT, B STRING>";
            };
            throw error(SqlErrorCode.INVALID_STATEMENT, c.getStart(), name + " needs type parameters",
                    "write e.g. " + example);
        }
        return new TypeExpr.Named(name, at);
    }

    // ----------------------------------------------------------------------------- identifiers

    String identifier(IdentifierContext ctx) {
        Token token = ctx.getStart();
        String text = token.getText();
        if (ctx instanceof UnquotedIdentifierContext || ctx instanceof NonReservedIdentifierContext) {
            return Identifiers.normalizeUnquoted(text);
        }
        if (ctx instanceof DoubleQuotedIdentifierContext || ctx instanceof BackQuotedIdentifierContext) {
            String name = Identifiers.unquote(text);
            if (name.isEmpty()) {
                throw error(SqlErrorCode.INVALID_STATEMENT, token, "empty quoted identifier " + text, null);
            }
            return name;
        }
        if (ctx instanceof DigitIdentifierContext) {
            throw error(SqlErrorCode.SYNTAX_ERROR, token, "identifier '" + text + "' starts with a digit",
                    "quote it as `" + text + "`");
        }
        if (ctx instanceof VariableIdentifierContext) {
            throw error(SqlErrorCode.UNDEFINED_VARIABLE, token, "variable " + text + " is not defined",
                    "define it first with DEFINE " + text.substring(2, text.length() - 1) + " = 'value';");
        }
        throw unhandled(ctx);
    }

    // ---------------------------------------------------------------------------------- helpers

    static Position position(ParserRuleContext ctx) {
        return position(ctx.getStart());
    }

    static Position position(Token token) {
        return new Position(Math.max(1, token.getLine()), Math.max(0, token.getCharPositionInLine()) + 1);
    }

    private static SqlParseException error(SqlErrorCode code, Token token, String detail, String hint) {
        Position at = position(token);
        String text = token.getType() == Token.EOF ? null : token.getText();
        return new SqlParseException(code, at.line(), at.column(), detail, text, List.of(), hint);
    }

    private static IllegalStateException unhandled(ParserRuleContext ctx) {
        return new IllegalStateException("AstBuilder does not handle " + ctx.getClass().getSimpleName());
    }
}
