package io.runnel.sql.internal.parser;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Splits SQL text into statements at top-level {@code ;} using only the lexer, so semicolons in
 * strings, quoted names and comments do not split, and no syntax is checked. Meant for shells that
 * collect input line by line before parsing (ksqlDB's CLI behaves the same way).
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /** The statement texts, trimmed, without their {@code ;}; empty statements are dropped. */
    public static List<String> split(String sql) {
        Objects.requireNonNull(sql, "sql");
        List<String> statements = new ArrayList<>();
        int start = -1;
        int stop = -1;
        for (Token token : tokens(sql)) {
            if (token.getType() == RunnelSqlLexer.UNRECOGNIZED) throwIfUnterminated(token);
            if (token.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (token.getType() == RunnelSqlLexer.SEMICOLON) {
                if (start >= 0) statements.add(sql.substring(start, stop + 1));
                start = -1;
            } else {
                if (start < 0) start = token.getStartIndex();
                stop = token.getStopIndex();
            }
        }
        if (start >= 0) statements.add(sql.substring(start, stop + 1));
        return statements;
    }

    /**
     * True when the input holds at least one statement and ends with {@code ;} outside strings,
     * quoted names and comments: the point at which a shell stops asking for more lines.
     */
    public static boolean isComplete(String sql) {
        Objects.requireNonNull(sql, "sql");
        Token last = null;
        boolean sawStatement = false;
        for (Token token : tokens(sql)) {
            if (token.getType() == RunnelSqlLexer.UNRECOGNIZED && isQuote(token.getText())) return false;
            if (token.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (token.getType() != RunnelSqlLexer.SEMICOLON) sawStatement = true;
            last = token;
        }
        return sawStatement && last != null && last.getType() == RunnelSqlLexer.SEMICOLON && !openComment(sql);
    }

    /** Every token up to (not including) EOF; the lexer never fails (unknown input is UNRECOGNIZED). */
    private static List<? extends Token> tokens(String sql) {
        RunnelSqlLexer lexer = new RunnelSqlLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        return lexer.getAllTokens();
    }

    private static boolean isQuote(String text) {
        return text.equals("'") || text.equals("\"") || text.equals("`");
    }

    /** A {@code /*} without its end lexes as '/' '*'; treat input ending inside it as incomplete. */
    private static boolean openComment(String sql) {
        int open = sql.lastIndexOf("/*");
        return open >= 0 && sql.indexOf("*/", open + 2) < 0 && !insideString(sql, open);
    }

    private static boolean insideString(String sql, int index) {
        boolean inside = false;
        for (int i = 0; i < index; i++) {
            if (sql.charAt(i) == '\'') inside = !inside;
        }
        return inside;
    }

    private static void throwIfUnterminated(Token token) {
        if (isQuote(token.getText())) {
            throw new SqlParseException(SqlErrorCode.LEXICAL_ERROR, Math.max(1, token.getLine()),
                    token.getCharPositionInLine() + 1, token.getText().equals("'") ? "unterminated string literal"
                    : "unterminated quoted identifier", token.getText(), List.of(), "close it with " + token.getText());
        }
    }
}
