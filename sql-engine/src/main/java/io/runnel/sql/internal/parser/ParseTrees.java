package io.runnel.sql.internal.parser;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlParseException;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.parser.RunnelSqlParser.BackQuotedIdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DigitIdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DoubleQuotedIdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.IdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.IntegerContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NonReservedIdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.UnquotedIdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.VariableIdentifierContext;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Values read off parse-tree tokens, shared by the builders: normalized identifiers, string and
 * integer literal values, 1-based positions, and the errors raised for invalid values.
 */
final class ParseTrees {

    private ParseTrees() {
    }

    static long longValue(Token token) {
        try {
            return Long.parseLong(token.getText());
        } catch (NumberFormatException e) {
            throw error(SqlErrorCode.INVALID_LITERAL, token, "Invalid numeric literal: " + token.getText(),
                    "use a DECIMAL literal such as " + token.getText() + ".0");
        }
    }

    static int intValue(IntegerContext ctx) {
        Token token = ctx.getStart();
        long value = longValue(token);
        if (value > Integer.MAX_VALUE) {
            throw error(SqlErrorCode.INVALID_LITERAL, token, "number " + token.getText() + " is too large here", null);
        }
        return (int) value;
    }

    static String string(TerminalNode node) {
        return string(node.getSymbol());
    }

    static String string(Token token) {
        String text = token.getText();
        return text.substring(1, text.length() - 1).replace("''", "'");
    }


    // ----------------------------------------------------------------------------- identifiers

    static String identifier(IdentifierContext ctx) {
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

    static SqlParseException error(SqlErrorCode code, Token token, String detail, String hint) {
        Position at = position(token);
        String text = token.getType() == Token.EOF ? null : token.getText();
        return new SqlParseException(code, at.line(), at.column(), detail, text, List.of(), hint);
    }

    static IllegalStateException unhandled(ParserRuleContext ctx) {
        return new IllegalStateException("AstBuilder does not handle " + ctx.getClass().getSimpleName());
    }
}
