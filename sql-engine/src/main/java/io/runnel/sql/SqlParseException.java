package io.runnel.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SQL text that cannot be parsed. Always has a position ({@link #lineNumber()},
 * {@link #columnNumber()}, both 1-based), the offending token as written (empty at end of input),
 * the tokens that would have been accepted there (pruned to a readable list) and, when one can be
 * guessed, a hint such as {@code did you mean FROM?}.
 *
 * <p>Message shape: {@code line 1:15: mismatched input 'FORM' expecting 'FROM'; did you mean FROM?}
 */
public final class SqlParseException extends SqlException {

    private static final long serialVersionUID = 1L;

    private final String offendingToken;
    private final List<String> expected;
    private final String hint;
    private final String detail;

    /**
     * @param detail the message without the position prefix, e.g. {@code mismatched input 'FORM' expecting 'FROM'}
     * @param offendingToken the token text at the error, or {@code null} at end of input
     * @param expected what would have been accepted, readable (e.g. {@code 'FROM'}, {@code an identifier})
     * @param hint a suggestion to show after the message, or {@code null}
     */
    public SqlParseException(SqlErrorCode errorCode, int line, int column, String detail, String offendingToken,
                             List<String> expected, String hint) {
        super(errorCode, line, column, format(line, column, detail, hint));
        this.detail = Objects.requireNonNull(detail, "detail");
        this.offendingToken = offendingToken;
        this.expected = List.copyOf(expected);
        this.hint = hint;
    }

    private static String format(int line, int column, String detail, String hint) {
        return "line " + line + ":" + column + ": " + detail + (hint == null ? "" : "; " + hint);
    }

    /** The 1-based line of the error. */
    public int lineNumber() {
        return line().orElseThrow();
    }

    /** The 1-based column of the error. */
    public int columnNumber() {
        return column().orElseThrow();
    }

    /** The message without position and hint. */
    public String detail() {
        return detail;
    }

    /** The token text where parsing failed; empty at end of input. */
    public Optional<String> offendingToken() {
        return Optional.ofNullable(offendingToken);
    }

    /** What the parser would have accepted at the error position, e.g. {@code ['FROM', ',']}. */
    public List<String> expected() {
        return expected;
    }

    /** A suggestion for the user, e.g. {@code did you mean FROM?}. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
