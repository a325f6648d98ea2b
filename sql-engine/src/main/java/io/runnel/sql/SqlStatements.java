package io.runnel.sql;

import io.runnel.sql.internal.parser.StatementSplitter;
import java.util.List;

/**
 * Public helpers for tools that handle SQL text before it reaches the engine, e.g. the shell
 * collecting multi-line input. Only the lexer runs here: syntax is checked when a statement is
 * executed.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    /**
     * Splits a script at top-level {@code ;} (not inside strings, quoted names or comments) into
     * trimmed statement texts without the {@code ;}; empty statements are dropped.
     *
     * @throws SqlParseException on an unterminated string or quoted name
     */
    public static List<String> split(String sql) {
        return StatementSplitter.split(sql);
    }

    /** True when the input ends with a complete statement ({@code ;} outside strings and comments). */
    public static boolean isComplete(String sql) {
        return StatementSplitter.isComplete(sql);
    }
}
