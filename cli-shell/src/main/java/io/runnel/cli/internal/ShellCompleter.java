package io.runnel.cli.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes the word under the cursor with SQL keywords, shell commands and the names the
 * server knows (streams, tables, functions; supplied by the shell, refreshed after DDL).
 * Matching ignores case; keywords complete in upper case.
 */
public final class ShellCompleter implements Completer {

    static final List<String> KEYWORDS = List.of(
            "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "EMIT", "CHANGES", "FINAL", "LIMIT", "AS",
            "CREATE", "OR", "REPLACE", "STREAM", "TABLE", "SOURCE", "TYPE", "WITH", "DROP", "DELETE", "TOPIC",
            "IF", "EXISTS", "NOT", "AND", "IN", "BETWEEN", "LIKE", "IS", "NULL", "TRUE", "FALSE", "CASE", "WHEN",
            "THEN", "ELSE", "END", "CAST", "INSERT", "INTO", "VALUES", "SHOW", "LIST", "STREAMS", "TABLES",
            "QUERIES", "TOPICS", "FUNCTIONS", "PROPERTIES", "TYPES", "DESCRIBE", "EXTENDED", "EXPLAIN",
            "TERMINATE", "ALL", "PRINT", "PARTITION", "JOIN", "LEFT", "RIGHT", "FULL", "OUTER", "INNER", "ON",
            "WITHIN", "GRACE", "PERIOD", "WINDOW", "TUMBLING", "HOPPING", "SESSION", "SIZE", "ADVANCE",
            "RETENTION", "KEY", "PRIMARY", "HEADERS", "HEADER", "STRUCT", "ARRAY", "MAP", "INT", "INTEGER",
            "BIGINT", "DOUBLE", "DECIMAL", "BOOLEAN", "STRING", "VARCHAR", "BYTES", "DATE", "TIME", "TIMESTAMP",
            "SET", "UNSET", "RUN", "SCRIPT", "DEFINE", "UNDEFINE", "VARIABLES", "ASSERT", "PAUSE", "RESUME");

    static final List<String> COMMANDS = List.of("help", "exit", "quit", "output", "history");

    private final Supplier<Collection<String>> names;

    /** @param names the names to offer besides keywords; called on every completion */
    public ShellCompleter(Supplier<Collection<String>> names) {
        this.names = names;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String word : candidates(line.word().substring(0, line.wordCursor()))) {
            candidates.add(new Candidate(word));
        }
    }

    /** The completions of {@code prefix}, sorted. */
    public List<String> candidates(String prefix) {
        String p = prefix.toUpperCase(Locale.ROOT);
        TreeSet<String> out = new TreeSet<>();
        for (String k : KEYWORDS) {
            if (k.startsWith(p)) {
                out.add(k);
            }
        }
        for (String c : COMMANDS) {
            if (c.toUpperCase(Locale.ROOT).startsWith(p)) {
                out.add(c);
            }
        }
        for (String n : names.get()) {
            if (n.toUpperCase(Locale.ROOT).startsWith(p)) {
                out.add(n);
            }
        }
        return new ArrayList<>(out);
    }
}
