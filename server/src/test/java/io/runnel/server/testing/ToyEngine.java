package io.runnel.server.testing;

import io.runnel.server.api.CommandStatus;
import io.runnel.server.api.ErrorCodes;
import io.runnel.server.api.KsqlEntity;
import io.runnel.server.api.QueryHandle;
import io.runnel.server.api.QueryHeader;
import io.runnel.server.api.RowSink;
import io.runnel.server.api.StatementException;
import io.runnel.server.api.StatementExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny in-memory engine that understands just enough SQL to drive every endpoint:
 * {@code CREATE STREAM name ...;}, {@code SHOW STREAMS;}, {@code SHOW FUNCTIONS;},
 * {@code DESCRIBE name;}, {@code SELECT * FROM name [EMIT CHANGES] [LIMIT n];}. Every stream has
 * the columns {@code ID INTEGER KEY, V STRING}. Push queries receive the rows inserted after they
 * start; pull queries return the rows inserted so far. Anything else is a syntax error at the
 * first word, with its line and column.
 */
public final class ToyEngine implements StatementExecutor {

    private static final Pattern CREATE = Pattern.compile("(?is)\\s*CREATE\\s+STREAM\\s+(\\w+).*");
    private static final Pattern DESCRIBE = Pattern.compile("(?is)\\s*DESCRIBE\\s+(\\w+)\\s*");
    private static final Pattern SELECT = Pattern.compile(
            "(?is)\\s*SELECT\\s+\\*\\s+FROM\\s+(\\w+)(\\s+EMIT\\s+CHANGES)?(?:\\s+LIMIT\\s+(\\d+))?\\s*;?\\s*");

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final Map<String, List<Map<String, Object>>> streams = new ConcurrentHashMap<>();
    private final Map<String, CommandStatus> commands = new ConcurrentHashMap<>();
    private final List<ToyQuery> queries = new CopyOnWriteArrayList<>();
    private int nextQuery;

    @Override
    public List<KsqlEntity> execute(String sqlText, Map<String, Object> properties) throws StatementException {
        List<KsqlEntity> results = new ArrayList<>();
        for (String statement : sqlText.split(";")) {
            if (statement.isBlank()) {
                continue;
            }
            String text = statement.strip() + ";";
            try {
                results.add(executeOne(text));
            } catch (StatementException e) {
                throw e.withEntities(results);
            }
        }
        return results;
    }

    private KsqlEntity executeOne(String text) throws StatementException {
        Matcher create = CREATE.matcher(text);
        if (create.matches()) {
            String name = create.group(1).toUpperCase(Locale.ROOT);
            if (streams.putIfAbsent(name, Collections.synchronizedList(new ArrayList<>())) != null) {
                throw new StatementException(ErrorCodes.BAD_STATEMENT,
                        "Cannot add stream '" + name + "': A stream with the same name already exists", text);
            }
            String commandId = "stream/`" + name + "`/create";
            CommandStatus status = CommandStatus.success("Stream created");
            commands.put(commandId, status);
            return new KsqlEntity.CommandStatusEntity(text, commandId, status, commands.size());
        }
        String upper = text.toUpperCase(Locale.ROOT).replace(";", "").strip();
        if (upper.equals("SHOW STREAMS")) {
            List<KsqlEntity.SourceInfo> infos = streams.keySet().stream().sorted()
                    .map(n -> new KsqlEntity.SourceInfo("STREAM", n, n.toLowerCase(Locale.ROOT), "KAFKA", "JSON", false))
                    .toList();
            return new KsqlEntity.StreamsList(text, infos);
        }
        if (upper.equals("SHOW FUNCTIONS")) {
            return new KsqlEntity.FunctionNameList(text, List.of(
                    new KsqlEntity.SimpleFunctionInfo("ABS", "SCALAR", "MATHEMATICAL"),
                    new KsqlEntity.SimpleFunctionInfo("COUNT", "AGGREGATE", "AGGREGATE")));
        }
        Matcher describe = DESCRIBE.matcher(text.replace(";", ""));
        if (describe.matches()) {
            String name = describe.group(1).toUpperCase(Locale.ROOT);
            if (!streams.containsKey(name)) {
                throw StatementException.badStatement(
                        "Could not find STREAM/TABLE '" + name + "' in the Metastore", text, 1, describe.start(1) + 1);
            }
            return new KsqlEntity.SourceDescriptionEntity(text, new KsqlEntity.SourceDescription(name, null, List.of(),
                    List.of(), List.of(
                            new KsqlEntity.FieldInfo("ID", KsqlEntity.SchemaInfo.of("INTEGER"), "KEY"),
                            new KsqlEntity.FieldInfo("V", KsqlEntity.SchemaInfo.of("STRING"), null)),
                    "STREAM", "", "", "", false, "KAFKA", "JSON", name.toLowerCase(Locale.ROOT), 1, 1, text));
        }
        if (SELECT.matcher(text).matches()) {
            throw new StatementException(ErrorCodes.QUERY_ENDPOINT,
                    "The following statement types should be issued to the websocket endpoint '/query':\n"
                            + "\t* PRINT\n\t* SELECT", text);
        }
        throw syntaxError(text);
    }

    private static StatementException syntaxError(String text) {
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i++;
        }
        int end = i;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        String word = text.substring(i, Math.max(end, Math.min(i + 1, text.length())));
        return StatementException.badStatement("line " + line + ":" + column + ": Syntax error at or near '"
                + word + "'", text, line, column);
    }

    @Override
    public QueryHandle query(String sql, Map<String, Object> properties, RowSink sink) throws StatementException {
        Matcher select = SELECT.matcher(sql);
        if (!select.matches()) {
            throw syntaxError(sql);
        }
        String name = select.group(1).toUpperCase(Locale.ROOT);
        List<Map<String, Object>> rows = streams.get(name);
        if (rows == null) {
            throw StatementException.badStatement(name + " does not exist.", sql, 1, select.start(1) + 1);
        }
        boolean push = select.group(2) != null;
        int limit = select.group(3) == null ? -1 : Integer.parseInt(select.group(3));
        String id;
        synchronized (this) {
            id = (push ? "transient_" : "pull_") + name + "_" + (++nextQuery);
        }
        ToyQuery query = new ToyQuery(id, name, sink, limit);
        // Visible to inserts at once, but rows wait (on the query's lock) until the header is out.
        synchronized (query) {
            queries.add(query);
            sink.header(new QueryHeader(id, List.of(new QueryHeader.Column("ID", "INTEGER", !push),
                    QueryHeader.Column.value("V", "STRING"))));
        }
        if (!push) {
            List<Map<String, Object>> snapshot;
            synchronized (rows) {
                snapshot = List.copyOf(rows);
            }
            for (Map<String, Object> row : snapshot) {
                query.offer(row);
            }
            query.finish(null);
        }
        return query;
    }

    @Override
    public void insert(String target, List<Map<String, Object>> rows) throws StatementException {
        List<Map<String, Object>> stored = streams.get(target.toUpperCase(Locale.ROOT));
        if (stored == null) {
            throw new StatementException(ErrorCodes.BAD_STATEMENT, "Cannot insert values into an unknown stream: "
                    + target, null);
        }
        for (Map<String, Object> given : rows) {
            Map<String, Object> row = plain(given);
            if (!(row.get("ID") instanceof Integer)) {
                throw StatementException.badRequest("Column ID must be an INTEGER: " + row.get("ID"));
            }
            stored.add(row);
            for (ToyQuery q : queries) {
                if (q.stream.equals(target.toUpperCase(Locale.ROOT)) && q.id.startsWith("transient_")) {
                    q.offer(row);
                }
            }
        }
    }

    /** The row with parsed JSON nodes (what /inserts-stream passes) as plain Java values. */
    private static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof com.fasterxml.jackson.databind.JsonNode n
                ? MAPPER.convertValue(n, Object.class) : v));
        return out;
    }

    @Override
    public Optional<CommandStatus> commandStatus(String commandId) {
        return Optional.ofNullable(commands.get(commandId));
    }

    @Override
    public String clusterId() {
        return "toy-cluster";
    }

    /** The rows of a stream, each as {@code [ID, V]}. */
    public List<String> executeQueryRows(String stream) {
        List<Map<String, Object>> rows = streams.get(stream);
        synchronized (rows) {
            return rows.stream().map(r -> "[" + r.get("ID") + ", " + r.get("V") + "]").toList();
        }
    }

    /** Every query started so far, oldest first. */
    public List<ToyQuery> queries() {
        return List.copyOf(queries);
    }

    /** The most recently started query. */
    public ToyQuery lastQuery() {
        return queries.get(queries.size() - 1);
    }

    /** A running toy query; records whether it was closed. */
    public static final class ToyQuery implements QueryHandle {
        private final String id;
        private final String stream;
        private final RowSink sink;
        private final int limit;
        private final CountDownLatch closed = new CountDownLatch(1);
        private int sent;
        private volatile boolean done;

        ToyQuery(String id, String stream, RowSink sink, int limit) {
            this.id = id;
            this.stream = stream;
            this.sink = sink;
            this.limit = limit;
        }

        synchronized void offer(Map<String, Object> row) {
            if (done) {
                return;
            }
            sink.row(new ArrayList<>(java.util.Arrays.asList(row.get("ID"), row.get("V"))));
            sent++;
            if (limit >= 0 && sent >= limit) {
                finish("Limit Reached");
            }
        }

        synchronized void finish(String message) {
            if (!done) {
                done = true;
                sink.complete(message);
            }
        }

        /** Makes the query fail, as an engine error after the header would. */
        public synchronized void fail(String message) {
            if (!done) {
                done = true;
                sink.error(new StatementException(ErrorCodes.SERVER_ERROR, message, null));
            }
        }

        @Override
        public String queryId() {
            return id;
        }

        /** Not synchronized: a row may be waiting for a slow client while holding the lock. */
        @Override
        public void close() {
            done = true;
            closed.countDown();
        }

        public boolean isClosed() {
            return closed.getCount() == 0;
        }

        /** Waits (at most {@code seconds}) until the query is closed; whether it was. */
        public boolean awaitClosed(long seconds) throws InterruptedException {
            return closed.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
