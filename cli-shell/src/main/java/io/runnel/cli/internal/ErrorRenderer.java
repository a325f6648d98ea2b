package io.runnel.cli.internal;

import io.runnel.server.client.RunnelClientException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an error for the user: the message and, when the position is known (sent by the
 * server, or named in the message the way ksqlDB's are: {@code line 2:15: ...}), the offending
 * line of the statement with a caret under the column. Never a stack trace. Stateless.
 */
public final class ErrorRenderer {

    private static final Pattern POSITION = Pattern.compile("line (\\d+):(\\d+)");

    public String render(RunnelClientException error, String statement) {
        if (!error.isServerError()) {
            return "Could not reach the server: " + error.getMessage() + "\n";
        }
        StringBuilder out = new StringBuilder(error.getMessage()).append('\n');
        String text = error.statementText() != null ? error.statementText() : statement;
        String caret = error.line() > 0 && error.column() > 0
                ? caret(error.line(), error.column(), text)
                : caret(error.getMessage(), text);
        if (!caret.isEmpty()) {
            out.append(caret);
        }
        return out.toString();
    }

    /**
     * The offending line and a caret under the column, or empty if the message names no position
     * within {@code statement}.
     */
    public String caret(String message, String statement) {
        if (message == null || statement == null) {
            return "";
        }
        Matcher m = POSITION.matcher(message);
        if (!m.find()) {
            return "";
        }
        return caret(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), statement);
    }

    /** Line {@code line} of the statement and a caret under {@code column}; empty if out of range. */
    public String caret(int line, int column, String statement) {
        if (statement == null) {
            return "";
        }
        String[] lines = statement.split("\n", -1);
        if (line < 1 || line > lines.length || column < 1) {
            return "";
        }
        String text = lines[line - 1].replace('\t', ' ');
        if (column > text.length() + 1) {
            return "";
        }
        return text + "\n" + " ".repeat(column - 1) + "^\n";
    }
}
