package io.runnel.sql.internal.parser;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlParseException;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.ast.TypeExpr;
import io.runnel.sql.internal.parser.RunnelSqlParser.StatementContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Entry point of the SQL front end: text in, AST out. Stateless and thread-safe.
 *
 * <p>Every method either returns an AST or throws {@link SqlParseException} (with a 1-based line and
 * column); no other exception escapes, whatever the input. Parsing first runs ANTLR's fast SLL
 * mode and falls back to full LL only when SLL fails, which is also when errors are reported.
 * Brackets nested deeper than {@value #MAX_NESTING} levels are rejected up front; any stack
 * overflow left (e.g. thousands of chained operators) is still reported as a SqlParseException.
 */
public final class SqlParser {

    /** Deepest bracket nesting accepted; far beyond hand-written SQL, well within the JVM stack. */
    static final int MAX_NESTING = 256;

    private SqlParser() {
    }

    /** Parses a script of {@code ;}-separated statements (the last {@code ;} may be left out). */
    public static List<ParsedStatement> parse(String sql) {
        Objects.requireNonNull(sql, "sql");
        return guarded(() -> {
            CharStream input = CharStreams.fromString(sql);
            RunnelSqlParser.StatementsContext script = run(input, RunnelSqlParser::statements);
            List<ParsedStatement> statements = new ArrayList<>();
            for (StatementContext statement : script.statement()) {
                String text = input.getText(Interval.of(statement.getStart().getStartIndex(),
                        statement.getStop().getStopIndex()));
                statements.add(new ParsedStatement(text, AstBuilder.statement(statement)));
            }
            return statements;
        });
    }

    /** Parses a script after replacing {@code ${name}} by the given variables (see {@link VariableSubstitutor}). */
    public static List<ParsedStatement> parse(String sql, Map<String, String> variables) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(variables, "variables");
        return parse(VariableSubstitutor.substitute(sql, variables));
    }

    /** Parses exactly one statement (a trailing {@code ;} is allowed). */
    public static Statement parseStatement(String sql) {
        Objects.requireNonNull(sql, "sql");
        return guarded(() -> AstBuilder.statement(
                run(CharStreams.fromString(sql), RunnelSqlParser::singleStatement).statement()));
    }

    /** Parses one expression, e.g. {@code a + 1 > b}. */
    public static Expression parseExpression(String sql) {
        Objects.requireNonNull(sql, "sql");
        return guarded(() -> ExpressionBuilder.expression(
                run(CharStreams.fromString(sql), RunnelSqlParser::singleExpression).expression()));
    }

    /** Parses one data type, e.g. {@code ARRAY<DECIMAL(10, 2)>}. */
    public static TypeExpr parseType(String sql) {
        Objects.requireNonNull(sql, "sql");
        return guarded(() -> TypeBuilder.type(run(CharStreams.fromString(sql), RunnelSqlParser::singleType).type()));
    }

    private static <T extends ParserRuleContext> T run(CharStream input, Function<RunnelSqlParser, T> rule) {
        RunnelSqlLexer lexer = new RunnelSqlLexer(input);
        lexer.removeErrorListeners();
        lexer.addErrorListener(SyntaxErrorReporter.INSTANCE);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        checkNesting(tokens);
        RunnelSqlParser parser = new RunnelSqlParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return rule.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(SyntaxErrorReporter.INSTANCE);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return rule.apply(parser);
        }
    }

    /**
     * Rejects brackets nested deeper than {@link #MAX_NESTING} before parsing, so absurd input
     * fails with a precise error instead of exhausting the parser's stack.
     */
    private static void checkNesting(CommonTokenStream tokens) {
        tokens.fill();
        int depth = 0;
        for (Token token : tokens.getTokens()) {
            int type = token.getType();
            if (type == RunnelSqlLexer.LPAREN || type == RunnelSqlLexer.LBRACKET) {
                if (++depth > MAX_NESTING) {
                    throw new SqlParseException(SqlErrorCode.TOO_DEEPLY_NESTED, Math.max(1, token.getLine()),
                            token.getCharPositionInLine() + 1, "brackets nested deeper than " + MAX_NESTING + " levels",
                            token.getText(), List.of(), "simplify the statement");
                }
            } else if (type == RunnelSqlLexer.RPAREN || type == RunnelSqlLexer.RBRACKET) {
                depth = Math.max(0, depth - 1);
            }
        }
    }

    private interface ParseStep<T> {
        T run();
    }

    /** The contract: an AST or a SqlParseException, never anything else. */
    private static <T> T guarded(ParseStep<T> step) {
        try {
            return step.run();
        } catch (SqlParseException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new SqlParseException(SqlErrorCode.TOO_DEEPLY_NESTED, 1, 1, "statement is nested too deeply",
                    null, List.of(), "simplify the expression");
        } catch (RuntimeException e) {
            SqlParseException wrapped = new SqlParseException(SqlErrorCode.PARSER_INTERNAL_ERROR, 1, 1,
                    "internal parser error: " + e, null, List.of(), "please report this statement as a bug");
            wrapped.initCause(e);
            throw wrapped;
        }
    }
}
