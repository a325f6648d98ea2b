package io.runnel.cli.internal;

import io.runnel.server.client.RunnelClientException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an error for the user: the message and, when the message names a position the way
 * ksqlDB's do ({@code line 2:15: ...}), the offending line of the statement with a caret under
 * the column. Never a stack trace. Stateless.
 */
public final class ErrorRenderer {

    private static final Pattern POSITION = Pattern.compile("line (\\d+):(\\d+)");

    public String render(RunnelClientException error, String statement) {
        if (!error.isServerError()) {
            return "Could not reach the server: " + error.getMessage() + "\n";
        }
        StringBuilder out = new StringBuilder(error.getMessage()).append('\n');
        String caret = caret(error.getMessage(), error.statementText() != null ? error.statementText() : statement);
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
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
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
