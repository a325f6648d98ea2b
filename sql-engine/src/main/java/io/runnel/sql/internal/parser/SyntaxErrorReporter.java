package io.runnel.sql.internal.parser;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlParseException;
import io.runnel.sql.internal.catalog.NameSuggester;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the first ANTLR syntax error into a {@link SqlParseException} (thrown from inside the
 * parse, which ends it). The expected-token set ANTLR computes is pruned to something a person can
 * read: identifier-like tokens become "an identifier", the many tokens that can start an
 * expression become "an expression", non-reserved keywords are dropped when an identifier is
 * expected anyway, and the list is capped.
 */
final class SyntaxErrorReporter extends BaseErrorListener {

    static final SyntaxErrorReporter INSTANCE = new SyntaxErrorReporter();

    private static final int MAX_EXPECTED = 10;
    private static final String IDENTIFIER = "an identifier";
    private static final String NUMBER = "a number";
    private static final String STRING = "a string";
    private static final String EXPRESSION = "an expression";
    private static final String TYPE = "a type";
    private static final String END = "end of input";

    /** Keywords that start a clause after a source name, where a misspelling reads as an alias. */
    private static final List<String> CLAUSE_KEYWORDS = List.of(
            "FROM", "WHERE", "WINDOW", "GROUP", "PARTITION", "HAVING", "EMIT", "LIMIT", "JOIN", "INNER", "LEFT",
            "RIGHT", "FULL", "OUTER", "WITHIN", "ON");

    private static final Set<Integer> EXPRESSION_STARTERS = Set.of(
            RunnelSqlParser.NULL, RunnelSqlParser.TRUE, RunnelSqlParser.FALSE, RunnelSqlParser.STRING,
            RunnelSqlParser.INTEGER_VALUE, RunnelSqlParser.DECIMAL_VALUE, RunnelSqlParser.FLOATING_POINT_VALUE,
            RunnelSqlParser.CASE, RunnelSqlParser.CAST, RunnelSqlParser.ARRAY, RunnelSqlParser.MAP,
            RunnelSqlParser.STRUCT, RunnelSqlParser.LPAREN, RunnelSqlParser.MINUS, RunnelSqlParser.PLUS,
            RunnelSqlParser.NOT);

    private SyntaxErrorReporter() {
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        int safeLine = Math.max(1, line);
        int column = Math.max(0, charPositionInLine) + 1;
        if (!(offendingSymbol instanceof Token token)) {
            // Lexer errors: every character is matched by some rule, so this is defensive only.
            throw new SqlParseException(SqlErrorCode.LEXICAL_ERROR, safeLine, column, "unrecognized input", null,
                    List.of(), null);
        }
        if (token.getType() == RunnelSqlLexer.UNRECOGNIZED) {
            throw lexicalError(token, safeLine, column);
        }
        Parser parser = (Parser) recognizer;
        List<String> keywords = expectedKeywords(parser, token, e);
        SqlParseException misspelled = misspelledKeywordBefore(parser, token, keywords);
        if (misspelled != null) throw misspelled;
        List<String> expected = expectedTokens(parser, token, e);
        String offending = token.getType() == Token.EOF ? null : token.getText();
        String detail;
        if (offending == null) {
            detail = "unexpected end of input" + describeExpected(expected);
        } else if (expected.isEmpty()) {
            detail = "syntax error at or near '" + offending + "'";
        } else {
            detail = "mismatched input '" + offending + "'" + describeExpected(expected);
        }
        String hint = hint(token, parser.getVocabulary(), keywords.isEmpty() ? Keywords.all() : keywords, expected);
        throw new SqlParseException(SqlErrorCode.SYNTAX_ERROR, safeLine, column, detail, offending, expected, hint);
    }

    /**
     * A misspelled keyword is often taken for an alias ({@code SELECT a FORM s} reads FORM as the
     * alias of a; {@code FROM s WHRE a = 1} reads WHRE as the alias of s) and the error surfaces one
     * token later. When the previous token is an identifier close to a keyword expected here, or
     * to a clause keyword, report the misspelling itself.
     */
    private static SqlParseException misspelledKeywordBefore(Parser parser, Token token, List<String> keywords) {
        if (!(parser.getInputStream() instanceof BufferedTokenStream tokens)) return null;
        int index = token.getTokenIndex() - 1;
        while (index >= 0 && tokens.get(index).getChannel() != Token.DEFAULT_CHANNEL) index--;
        if (index < 0) return null;
        Token previous = tokens.get(index);
        if (previous.getType() != RunnelSqlParser.IDENTIFIER) return null;
        Optional<String> keyword = NameSuggester.closest(previous.getText(), keywords);
        boolean expectedHere = keyword.isPresent();
        if (!expectedHere) keyword = NameSuggester.closest(previous.getText(), CLAUSE_KEYWORDS);
        if (keyword.isEmpty() || keyword.get().equalsIgnoreCase(previous.getText())) return null;
        String detail = expectedHere
                ? "mismatched input '" + previous.getText() + "' expecting '" + keyword.get() + "'"
                : "syntax error at or near '" + previous.getText() + "'";
        return new SqlParseException(SqlErrorCode.SYNTAX_ERROR, Math.max(1, previous.getLine()),
                previous.getCharPositionInLine() + 1, detail, previous.getText(),
                expectedHere ? List.of("'" + keyword.get() + "'") : List.of(), "did you mean " + keyword.get() + "?");
    }

    private static SqlParseException lexicalError(Token token, int line, int column) {
        String text = token.getText();
        String detail;
        String hint = null;
        switch (text) {
            case "'" -> {
                detail = "unterminated string literal";
                hint = "close it with ' (write '' for a quote inside a string)";
            }
            case "\"", "`" -> {
                detail = "unterminated quoted identifier";
                hint = "close it with " + text;
            }
            case "$" -> {
                detail = "unexpected character '$'";
                hint = "variables are written ${name}";
            }
            default -> detail = "unexpected character '" + text + "'";
        }
        return new SqlParseException(SqlErrorCode.LEXICAL_ERROR, line, column, detail, text, List.of(), hint);
    }

    private static IntervalSet rawExpected(Parser parser, Token token, RecognitionException e) {
        try {
            if (e instanceof NoViableAltException noViable
                    && noViable.getStartToken().getTokenIndex() != token.getTokenIndex()) {
                // The decision started earlier and failed at this token: what would have been
                // accepted here is what the configurations still alive before it could match.
                return deadEndExpected(noViable);
            }
            if (e != null && e.getExpectedTokens() != null) {
                return e.getExpectedTokens();
            }
            return parser.getExpectedTokens();
        } catch (RuntimeException ignored) {
            return new IntervalSet();
        }
    }

    private static IntervalSet deadEndExpected(NoViableAltException e) {
        IntervalSet expected = new IntervalSet();
        ATNConfigSet configs = e.getDeadEndConfigs();
        if (configs == null) return expected;
        for (ATNConfig config : configs) {
            ATNState state = config.state;
            for (int i = 0; i < state.getNumberOfTransitions(); i++) {
                Transition transition = state.transition(i);
                if (!transition.isEpsilon() && transition.label() != null) expected.addAll(transition.label());
            }
        }
        return expected;
    }

    private static List<String> expectedKeywords(Parser parser, Token token, RecognitionException e) {
        List<String> keywords = new ArrayList<>();
        Vocabulary vocabulary = parser.getVocabulary();
        for (int type : rawExpected(parser, token, e).toList()) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && Character.isLetter(literal.charAt(1))) {
                keywords.add(literal.substring(1, literal.length() - 1));
            }
        }
        return keywords;
    }

    private static List<String> expectedTokens(Parser parser, Token token, RecognitionException e) {
        List<Integer> types = rawExpected(parser, token, e).toList();
        Vocabulary vocabulary = parser.getVocabulary();
        boolean identifier = types.contains(RunnelSqlParser.IDENTIFIER);
        boolean expression = identifier && types.contains(RunnelSqlParser.STRING)
                && types.contains(RunnelSqlParser.INTEGER_VALUE) && types.contains(RunnelSqlParser.CASE);
        boolean dataType = identifier && !expression && typeExpected(parser, e);
        Set<String> readable = new LinkedHashSet<>();
        if (expression) readable.add(EXPRESSION);
        if (dataType) readable.add(TYPE);
        for (int type : types) {
            if (expression && (EXPRESSION_STARTERS.contains(type) || isIdentifierLike(type))) continue;
            if (dataType && isIdentifierLike(type)) continue;
            if (identifier && NonReservedKeywords.contains(type)) continue;
            readable.add(describe(type, vocabulary));
        }
        List<String> result = new ArrayList<>(readable);
        if (result.size() > MAX_EXPECTED) {
            int more = result.size() - MAX_EXPECTED;
            result = new ArrayList<>(result.subList(0, MAX_EXPECTED));
            result.add("(" + more + " more)");
        }
        return result;
    }

    /** True when the parser was reading a data type where it failed. */
    private static boolean typeExpected(Parser parser, RecognitionException e) {
        RuleContext rule = e != null && e.getCtx() != null ? e.getCtx() : parser.getContext();
        if (rule instanceof RunnelSqlParser.TypeContext) return true;
        if (e instanceof NoViableAltException noViable && noViable.getDeadEndConfigs() != null) {
            for (ATNConfig config : noViable.getDeadEndConfigs()) {
                if (config.state.ruleIndex == RunnelSqlParser.RULE_type) return true;
            }
        }
        return false;
    }

    private static boolean isIdentifierLike(int type) {
        return type == RunnelSqlParser.IDENTIFIER || type == RunnelSqlParser.QUOTED_IDENTIFIER
                || type == RunnelSqlParser.BACKQUOTED_IDENTIFIER || type == RunnelSqlParser.DIGIT_IDENTIFIER
                || type == RunnelSqlParser.VARIABLE_REFERENCE;
    }

    private static String describe(int type, Vocabulary vocabulary) {
        if (type == Token.EOF) return END;
        if (isIdentifierLike(type)) return IDENTIFIER;
        if (type == RunnelSqlParser.STRING) return STRING;
        if (type == RunnelSqlParser.INTEGER_VALUE || type == RunnelSqlParser.DECIMAL_VALUE
                || type == RunnelSqlParser.FLOATING_POINT_VALUE) {
            return NUMBER;
        }
        String literal = vocabulary.getLiteralName(type);
        return literal != null ? literal : vocabulary.getDisplayName(type);
    }

    private static String describeExpected(List<String> expected) {
        if (expected.isEmpty()) return "";
        if (expected.size() == 1) return " expecting " + expected.get(0);
        return " expecting {" + String.join(", ", expected) + "}";
    }

    private static String hint(Token token, Vocabulary vocabulary, List<String> keywords, List<String> expected) {
        if (token.getType() == Token.EOF) {
            return null;
        }
        String text = token.getText();
        if (token.getType() == RunnelSqlParser.IDENTIFIER) {
            Optional<String> keyword = NameSuggester.closest(text, keywords);
            if (keyword.isPresent() && !keyword.get().equalsIgnoreCase(text)) {
                return "did you mean " + keyword.get() + "?";
            }
        }
        String literal = vocabulary.getLiteralName(token.getType());
        boolean reservedWord = literal != null && Character.isLetter(literal.charAt(1))
                && !NonReservedKeywords.contains(token.getType());
        if (reservedWord && (expected.contains(IDENTIFIER) || expected.contains(EXPRESSION))) {
            return "'" + text + "' is a reserved word; quote it as `" + text.toUpperCase(Locale.ROOT)
                    + "` to use it as a name";
        }
        if (token.getType() == RunnelSqlParser.DIGIT_IDENTIFIER) {
            return "identifiers must not start with a digit; quote it as `" + text + "`";
        }
        return null;
    }
}
