package io.runnel.cli.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits typed text into complete statements, each ended by a {@code ;} that is outside string
 * literals ({@code 'it''s'}), quoted identifiers ({@code "a;b"}, {@code `a;b`}), line comments
 * ({@code -- ...}) and block comments ({@code /* ... *}{@code /}). Text after the last
 * {@code ;} is the unfinished remainder (the shell keeps reading lines until it is complete).
 * Statements made only of whitespace and comments are dropped. Stateless.
 */
public final class StatementSplitter {

    /**
     * The outcome of a split.
     *
     * @param statements complete statements, trimmed, each ending with {@code ;}
     * @param remainder  the unfinished text after the last complete statement (may be blank)
     */
    public record Result(List<String> statements, String remainder) {
        public Result {
            statements = List.copyOf(statements);
        }

        /** Whether nothing but whitespace or comments is left unfinished. */
        public boolean isComplete() {
            return onlyCommentsOrBlank(remainder);
        }
    }

    private enum State { CODE, SINGLE_QUOTE, DOUBLE_QUOTE, BACKTICK, LINE_COMMENT, BLOCK_COMMENT }

    public Result split(String text) {
        List<String> statements = new ArrayList<>();
        State state = State.CODE;
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            switch (state) {
                case CODE -> {
                    if (c == '\'') {
                        state = State.SINGLE_QUOTE;
                    } else if (c == '"') {
                        state = State.DOUBLE_QUOTE;
                    } else if (c == '`') {
                        state = State.BACKTICK;
                    } else if (c == '-' && next == '-') {
                        state = State.LINE_COMMENT;
                        i++;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        i++;
                    } else if (c == ';') {
                        String statement = text.substring(start, i + 1);
                        if (!onlyCommentsOrBlank(statement.substring(0, statement.length() - 1))) {
                            statements.add(statement.strip());
                        }
                        start = i + 1;
                    }
                }
                case SINGLE_QUOTE -> {
                    if (c == '\'') {
                        if (next == '\'') {
                            i++;
                        } else {
                            state = State.CODE;
                        }
                    }
                }
                case DOUBLE_QUOTE -> {
                    if (c == '"') {
                        state = State.CODE;
                    }
                }
                case BACKTICK -> {
                    if (c == '`') {
                        state = State.CODE;
                    }
                }
                case LINE_COMMENT -> {
                    if (c == '\n') {
                        state = State.CODE;
                    }
                }
                case BLOCK_COMMENT -> {
                    if (c == '*' && next == '/') {
                        state = State.CODE;
                        i++;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
            i++;
        }
        return new Result(statements, text.substring(start));
    }

    /** Whether the text holds nothing but whitespace and comments. */
    static boolean onlyCommentsOrBlank(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            } else {
                return false;
            }
        }
        return true;
    }

    /** The statement without leading comments and whitespace (for classifying it). */
    public static String stripLeadingComments(String statement) {
        int i = 0;
        while (i < statement.length()) {
            if (Character.isWhitespace(statement.charAt(i))) {
                i++;
            } else if (statement.startsWith("--", i)) {
                int end = statement.indexOf('\n', i);
                i = end < 0 ? statement.length() : end + 1;
            } else if (statement.startsWith("/*", i)) {
                int end = statement.indexOf("*/", i + 2);
                i = end < 0 ? statement.length() : end + 2;
            } else {
                break;
            }
        }
        return statement.substring(i);
    }
}
