package io.runnel.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.server.api.KsqlEntity;
import io.runnel.server.client.RunnelClient;
import io.runnel.server.client.RunnelClientException;
import io.runnel.server.client.StreamedQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive SQL shell: reads statements (several lines, ended by {@code ;}), sends them
 * through a {@link RunnelClient}, and prints the results as tables or JSON. Push queries print
 * rows as they arrive until their LIMIT or Ctrl-C (which stops the query, not the shell).
 *
 * <p>Local commands: {@code help}, {@code exit} / {@code quit}, {@code output [table|json]},
 * {@code RUN SCRIPT 'file';}, {@code SET 'name' = 'value';} and {@code UNSET 'name';} (request
 * properties sent with every statement, as in ksqlDB's CLI).
 *
 * <p>Single-threaded, except that Ctrl-C arrives on JLine's signal thread and only closes the
 * running query.
 */
public final class Shell {

    private static final Pattern RUN_SCRIPT = Pattern.compile("(?is)RUN\\s+SCRIPT\\s+'((?:[^']|'')*)'\\s*;");
    private static final Pattern SET = Pattern.compile("(?is)SET\\s+'((?:[^']|'')*)'\\s*=\\s*'((?:[^']|'')*)'\\s*;");
    private static final Pattern UNSET = Pattern.compile("(?is)UNSET\\s+'((?:[^']|'')*)'\\s*;");
    private static final Pattern OUTPUT = Pattern.compile("(?is)OUTPUT(?:\\s+(\\w+))?\\s*;?");
    private static final Pattern PUSH = Pattern.compile("(?is)\\bEMIT\\s+(CHANGES|FINAL)\\b");
    private static final Pattern LIMIT = Pattern.compile("(?is)\\bLIMIT\\s+\\d+\\s*;?\\s*$");
    private static final TypeReference<List<KsqlEntity>> ENTITIES = new TypeReference<>() { };

    private final RunnelClient client;
    private final Terminal terminal;
    private final PrintWriter out;
    private final Path historyFile;
    private final ObjectMapper json = new ObjectMapper();
    private final StatementSplitter splitter = new StatementSplitter();
    private final TableRenderer tables = new TableRenderer();
    private final EntityRenderer entities = new EntityRenderer();
    private final ErrorRenderer errors = new ErrorRenderer();
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Set<String> names = new ConcurrentSkipListSet<>();
    private OutputFormat format;

    /** What a statement asks of the loop. */
    private enum Outcome { OK, FAILED, EXIT }

    /**
     * A shell that prints to the terminal.
     *
     * @param historyFile where typed lines are kept between sessions; null for none
     */
    public Shell(RunnelClient client, Terminal terminal, Path historyFile, OutputFormat format) {
        this(client, terminal, terminal.writer(), historyFile, format);
    }

    /** A shell that prints to {@code out} (scripts: {@code --execute}, {@code --file}). */
    public Shell(RunnelClient client, Terminal terminal, PrintWriter out, Path historyFile, OutputFormat format) {
        this.client = Objects.requireNonNull(client, "client");
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.out = Objects.requireNonNull(out, "out");
        this.historyFile = historyFile;
        this.format = Objects.requireNonNull(format, "format");
    }

    /** Reads and runs statements until {@code exit} or end of input; returns the exit code. */
    public int runInteractive() {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("runnel")
                .completer(new ShellCompleter(this::names))
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // Continuation lines of a statement are usually indented: keep them too.
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        LineReader reader = builder.build();
        printBanner();
        refreshNames();
        StringBuilder buffer = new StringBuilder();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(buffer.length() == 0 ? "runnel> " : "      > ");
                } catch (UserInterruptException e) {
                    buffer.setLength(0);
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (buffer.length() == 0 && isLocalCommand(line)) {
                    if (local(line) == Outcome.EXIT) {
                        return 0;
                    }
                    continue;
                }
                buffer.append(line).append('\n');
                StatementSplitter.Result split = splitter.split(buffer.toString());
                buffer.setLength(0);
                if (!split.isComplete()) {
                    buffer.append(split.remainder());
                }
                for (String statement : split.statements()) {
                    if (execute(statement) == Outcome.EXIT) {
                        return 0;
                    }
                }
            }
        } finally {
            saveHistory(reader);
            out.flush();
        }
    }

    /**
     * Runs every statement of a script (for {@code --execute}, {@code --file} and
     * {@code RUN SCRIPT}); a last statement without {@code ;} is run too. Stops at the first
     * failure; returns whether all succeeded.
     */
    public boolean runScript(String script) {
        StatementSplitter.Result split = splitter.split(script);
        List<String> statements = new ArrayList<>(split.statements());
        if (!split.isComplete()) {
            statements.add(split.remainder().strip() + ";");
        }
        for (String statement : statements) {
            Outcome outcome = execute(statement);
            if (outcome == Outcome.FAILED) {
                return false;
            }
            if (outcome == Outcome.EXIT) {
                return true;
            }
        }
        return true;
    }

    /** The names offered by completion: streams, tables and functions seen on the server. */
    public Collection<String> names() {
        return names;
    }

    private Outcome execute(String statement) {
        // Sent without leading comments, so that positions in errors refer to what was sent.
        String body = StatementSplitter.stripLeadingComments(statement);
        try {
            if (isLocalCommand(body)) {
                return local(body);
            }
            Matcher m;
            if ((m = RUN_SCRIPT.matcher(body)).matches()) {
                return runScriptFile(m.group(1).replace("''", "'"));
            }
            if ((m = SET.matcher(body)).matches()) {
                properties.put(m.group(1).replace("''", "'"), m.group(2).replace("''", "'"));
                println("Successfully changed local property '" + m.group(1) + "' to '" + m.group(2) + "'.");
                return Outcome.OK;
            }
            if ((m = UNSET.matcher(body)).matches()) {
                Object old = properties.remove(m.group(1).replace("''", "'"));
                println(old == null ? "Property '" + m.group(1) + "' was not set."
                        : "Successfully unset local property '" + m.group(1) + "' (value was '" + old + "').");
                return Outcome.OK;
            }
            if (body.regionMatches(true, 0, "SELECT", 0, 6) || body.regionMatches(true, 0, "PRINT", 0, 5)) {
                return query(body);
            }
            List<KsqlEntity> results = client.execute(body, properties);
            print(results);
            if (results.stream().anyMatch(e -> e instanceof KsqlEntity.CommandStatusEntity)) {
                refreshNames();
            }
            return Outcome.OK;
        } catch (RunnelClientException e) {
            out.print(errors.render(e, body));
            out.flush();
            return Outcome.FAILED;
        }
    }

    private Outcome query(String statement) {
        boolean push = PUSH.matcher(statement).find() || statement.regionMatches(true, 0, "PRINT", 0, 5);
        // Ctrl-C from the moment the query is sent: stops the query, never the shell.
        CancelOnInterrupt cancel = new CancelOnInterrupt();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> cancel.interrupt());
        StreamedQuery query = null;
        try {
            query = client.streamQuery(statement, properties);
            cancel.attach(query);
            if (format == OutputFormat.JSON) {
                println(toJson(Map.of("queryId", query.queryId(), "columnNames", query.columnNames(),
                        "columnTypes", query.columnTypes())));
                for (List<Object> row = query.next(); row != null; row = query.next()) {
                    println(toJson(row));
                }
            } else if (!push) {
                List<List<String>> rows = new ArrayList<>();
                for (List<Object> row = query.next(); row != null; row = query.next()) {
                    rows.add(TableRenderer.cells(row, json));
                }
                out.print(tables.render(query.columnNames(), rows));
            } else {
                streamRows(query);
            }
            if (push) {
                if (!query.isClosed() && LIMIT.matcher(statement).find()) {
                    println("Limit Reached");
                }
                println("Query terminated");
            }
            return Outcome.OK;
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            if (query != null) {
                query.close();
            }
            out.flush();
        }
    }

    /** Closes the running query on Ctrl-C, including one that arrives before it started. */
    private static final class CancelOnInterrupt {
        private StreamedQuery query;
        private boolean interrupted;

        synchronized void attach(StreamedQuery started) {
            query = started;
            if (interrupted) {
                started.close();
            }
        }

        synchronized void interrupt() {
            interrupted = true;
            if (query != null) {
                query.close();
            }
        }
    }

    /** Prints push-query rows one by one as they arrive, in columns sized by the header. */
    private void streamRows(StreamedQuery query) {
        int[] widths = new int[query.columnNames().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(query.columnNames().get(i).length(), 12);
        }
        String border = tables.border(widths);
        println(border);
        println(tables.line(query.columnNames(), widths));
        println(border);
        for (List<Object> row = query.next(); row != null; row = query.next()) {
            println(tables.line(TableRenderer.cells(row, json), widths));
        }
        println(border);
    }

    private void print(List<KsqlEntity> results) {
        if (format == OutputFormat.JSON) {
            try {
                println(json.writerFor(ENTITIES).withDefaultPrettyPrinter().writeValueAsString(results));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        for (KsqlEntity entity : results) {
            out.print(entities.render(entity));
        }
        out.flush();
    }

    private Outcome runScriptFile(String file) {
        String script;
        try {
            script = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            println("Cannot read script '" + file + "': " + e.getMessage());
            return Outcome.FAILED;
        }
        return runScript(script) ? Outcome.OK : Outcome.FAILED;
    }

    private static boolean isLocalCommand(String line) {
        String word = line.strip().replaceAll(";+$", "").strip().split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return word.equals("help") || word.equals("exit") || word.equals("quit") || word.equals("output");
    }

    private Outcome local(String line) {
        String text = line.strip().replaceAll(";+$", "").strip();
        String word = text.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
        switch (word) {
            case "exit", "quit" -> {
                return Outcome.EXIT;
            }
            case "help" -> {
                printHelp();
                return Outcome.OK;
            }
            default -> {
                Matcher m = OUTPUT.matcher(text);
                if (!m.matches()) {
                    println("Usage: output [table|json]");
                    return Outcome.FAILED;
                }
                if (m.group(1) != null) {
                    try {
                        format = OutputFormat.parse(m.group(1));
                    } catch (IllegalArgumentException e) {
                        println(e.getMessage());
                        return Outcome.FAILED;
                    }
                }
                println("Output format: " + format.name());
                return Outcome.OK;
            }
        }
    }

    private void refreshNames() {
        for (String statement : List.of("SHOW STREAMS;", "SHOW TABLES;", "SHOW FUNCTIONS;")) {
            try {
                for (KsqlEntity e : client.execute(statement, properties)) {
                    if (e instanceof KsqlEntity.StreamsList s) {
                        s.streams().forEach(i -> names.add(i.name()));
                    } else if (e instanceof KsqlEntity.TablesList t) {
                        t.tables().forEach(i -> names.add(i.name()));
                    } else if (e instanceof KsqlEntity.FunctionNameList f) {
                        f.functions().forEach(i -> names.add(i.name()));
                    }
                }
            } catch (RunnelClientException e) {
                // Completion is best effort: a server without the statement offers fewer names.
            }
        }
    }

    private void printBanner() {
        println("Runnel shell, connected to " + client.uri() + ". Type 'help' for help, 'exit' to leave.");
        println("Statements end with ';'. Ctrl-C stops a running query.");
        println("");
    }

    private void printHelp() {
        println("""
                Statements are ksqlDB SQL, ended by ';' (they may span several lines), for example:
                  CREATE STREAM pageviews (user_id STRING KEY, page STRING) WITH (kafka_topic='pageviews', value_format='JSON');
                  SHOW STREAMS;   DESCRIBE pageviews;   SHOW QUERIES;
                  SELECT * FROM pageviews EMIT CHANGES LIMIT 10;     (Ctrl-C stops it)
                Shell commands:
                  help                      this text
                  exit | quit               leave the shell (Ctrl-D too)
                  output [table|json]       show or change how results print
                  RUN SCRIPT 'file.sql';    run the statements of a file
                  SET 'name' = 'value';     a property sent with every statement (UNSET 'name'; removes it)
                Tab completes keywords and the names of streams, tables and functions.""");
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private void println(String text) {
        out.println(text);
        out.flush();
    }

    private void saveHistory(LineReader reader) {
        if (historyFile == null) {
            return;
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            println("Could not save history to " + historyFile + ": " + e.getMessage());
        }
    }
}
