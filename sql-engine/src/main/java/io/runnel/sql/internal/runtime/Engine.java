package io.runnel.sql.internal.runtime;

import io.runnel.common.Time;
import io.runnel.log.Admin;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.LogClients;
import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.engine.EngineProperties;
import io.runnel.sql.engine.EngineResult;
import io.runnel.sql.engine.QueryListener;
import io.runnel.sql.engine.ScriptException;
import io.runnel.sql.engine.SqlEngine;
import io.runnel.sql.engine.StartedQuery;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.QueryAnalyzer;
import io.runnel.sql.internal.analyzer.RegistryFunctionResolver;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.SelectItem;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.command.AdminTopics;
import io.runnel.sql.internal.command.Command;
import io.runnel.sql.internal.command.DdlExecutor;
import io.runnel.sql.internal.command.Executed;
import io.runnel.sql.internal.command.SessionContext;
import io.runnel.sql.internal.command.SessionProperties;
import io.runnel.sql.internal.command.SourceProperties;
import io.runnel.sql.internal.command.TopicCommandLog;
import io.runnel.sql.internal.function.FunctionDescription;
import io.runnel.sql.internal.function.FunctionMetadata;
import io.runnel.sql.internal.function.FunctionRegistry;
import io.runnel.sql.internal.parser.ParsedStatement;
import io.runnel.sql.internal.parser.SqlParser;
import io.runnel.sql.internal.parser.StatementSplitter;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.plan.PersistentQueryPlanner;
import io.runnel.sql.internal.plan.json.ExecPlanReader;
import io.runnel.sql.internal.plan.json.ExecPlanWriter;
import io.runnel.sql.internal.plan.json.QueryPlan;
import io.runnel.sql.internal.plan.json.UnreadablePlanException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link SqlEngine}: the catalog (rebuilt from the command log at open), the persistent
 * queries, and the statements, queries and inserts run against them.
 *
 * <h2>Command log and restart protocol</h2>
 * The command topic ({@code _runnel_commands}) holds, in order, every statement that changed
 * the catalog or the set of persistent queries: DDL, {@code CREATE ... AS SELECT},
 * {@code INSERT INTO ... SELECT} and {@code TERMINATE}, each with the session properties in force.
 * A statement runs as: validate and plan (no side effect on failure); write the query's exec plan
 * as JSON and read it back ({@link ExecPlanWriter}, {@link ExecPlanReader}: the query runs the plan
 * as read, as a restart will); create the sink topic if missing; append the command with its plan;
 * change the catalog; start the query. At open the commands are replayed in order on an empty
 * catalog: DDL through the DDL executor; a query command with a plan from its plan (its sink
 * snapshot added to the catalog for CREATE ... AS SELECT; the SQL is not planned again, so a
 * changed planner does not change a running query's names or meaning); a query command without a
 * plan (written before plans were stored) re-planned with the same query number (so the same
 * query id, application id, consumer group and store names); a TERMINATE removing its query; then
 * the queries still standing are started and continue from their committed offsets, restoring
 * their stores from their changelogs. A crash after the topic
 * is created but before the append leaves an unused topic; after the append but before the start,
 * the query starts at the next open.
 *
 * <h2>Threading</h2>
 * Statements are serialized on one lock ({@code execute}); the catalog is an immutable value
 * published through a volatile field, so queries and inserts read a consistent snapshot without
 * the lock. Persistent queries run on their own stream threads, push queries on theirs plus one
 * reader thread each; pull queries and inserts run on the caller's thread.
 */
public final class Engine implements SqlEngine {
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    /** Whether a pull query on a table may scan it (true, as in ksqlDB) or must look keys up. */
    private static final String PULL_TABLE_SCAN = "ksql.query.pull.table.scan.enabled";

    private final EmbeddedLog ownedLog;
    private final EngineContext context;
    private final Map<String, String> defaults;
    private final FunctionRegistry registry;
    private final TopicCommandLog commandLog;
    private final DdlExecutor ddl;
    private final Inserter inserter;
    private final Freshness freshness = new Freshness(Time.SYSTEM);
    private final PullQueryStats pullStats = new PullQueryStats();
    private final Object lock = new Object();
    /** Persistent queries by id, in start order; written under {@link #lock}. */
    private final Map<String, PersistentQuery> queries = new ConcurrentHashMap<>();
    private final List<String> queryOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Running push queries by id, with their SQL. */
    private final Map<String, RunningPush> transientQueries = new ConcurrentHashMap<>();
    private final AtomicInteger transientNumber = new AtomicInteger();
    private volatile Catalog catalog = Catalog.empty();
    private int queryNumber;
    private volatile boolean closed;

    private Engine(EmbeddedLog ownedLog, LogClients log, Path stateDir, Map<String, ?> properties) {
        this.ownedLog = ownedLog;
        this.defaults = strings(properties);
        this.registry = FunctionRegistry.withBuiltIns();
        this.context = new EngineContext(log, stateDir, new RegistryFunctionResolver(registry),
                Long.parseLong(defaults.getOrDefault(EngineProperties.COMMIT_INTERVAL_MS, "200")),
                Long.parseLong(defaults.getOrDefault(EngineProperties.PULL_WAIT_MS, "10000")),
                Long.parseLong(defaults.getOrDefault(EngineProperties.CACHE_MAX_BYTES_BUFFERING,
                        Long.toString(EngineProperties.DEFAULT_CACHE_MAX_BYTES))));
        this.commandLog = new TopicCommandLog(log, TopicCommandLog.DEFAULT_TOPIC);
        this.ddl = new DdlExecutor(new AdminTopics(log.admin()), commandLog, this::readersOf);
        this.inserter = new Inserter(log, context.functions(), Time.SYSTEM);
        replay();
    }

    public static Engine open(Path dataDir, Map<String, ?> properties) {
        EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dataDir.resolve("log")));
        try {
            return new Engine(log, log, dataDir.resolve("state"), properties);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    public static Engine open(LogClients log, Path stateDir, Map<String, ?> properties) {
        return new Engine(null, log, stateDir, properties);
    }

    private static Map<String, String> strings(Map<String, ?> properties) {
        Map<String, String> out = new HashMap<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v.toString());
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ restart

    private void replay() {
        List<Command> commands = commandLog.readAll();
        Map<String, PersistentQuery> standing = new LinkedHashMap<>();
        Catalog c = Catalog.empty();
        for (Command command : commands) {
            try {
                c = replay(command, c, standing);
            } catch (SqlException e) {
                throw new IllegalStateException("command " + command.sequence() + " cannot be replayed: "
                        + e.getMessage() + " [" + command.statement() + "]", e);
            }
        }
        catalog = c;
        try (Admin admin = context.log().admin()) {
            PushQuery.deleteLeftovers(admin, context);
        }
        for (PersistentQuery q : standing.values()) {
            register(q);
            q.start(context);
        }
    }

    /** Applies one command: a catalog change, or a query planned (to start) or terminated. */
    private Catalog replay(Command command, Catalog c, Map<String, PersistentQuery> standing) {
        if (command.plan().isPresent()) {
            return replayPlan(command, c, standing);
        }
        Statement statement = SqlParser.parseStatement(command.statement());
        if (DdlExecutor.handles(statement)) {
            return ddl.replay(command, c);
        } else if (statement instanceof Statement.CreateAsSelect create) {
            PersistentQueryPlanner.Planned planned = planner(command.properties()).plan(create, c, queryNumber++);
            c = c.withSource(planned.sink(), create.orReplace());
            standing.put(planned.queryId(), new PersistentQuery(planned.queryId(), command.statement(),
                    planned.sink(), planned.plan()));
        } else if (statement instanceof Statement.InsertInto insert) {
            PersistentQueryPlanner.Planned planned = planner(command.properties()).plan(insert, c, queryNumber++);
            standing.put(planned.queryId(), new PersistentQuery(planned.queryId(), command.statement(),
                    planned.sink(), planned.plan()));
        } else if (statement instanceof Statement.Terminate terminate) {
            if (terminate.queryId().isPresent()) {
                standing.remove(terminate.queryId().get().toUpperCase(Locale.ROOT));
            } else {
                standing.clear();
            }
        } else {
            throw new IllegalStateException("command " + command.sequence() + " is not a command: "
                    + command.statement());
        }
        return c;
    }

    /** A query command with its stored plan: the plan runs as it was written; the SQL is only shown. */
    private Catalog replayPlan(Command command, Catalog c, Map<String, PersistentQuery> standing) {
        QueryPlan stored;
        try {
            stored = new ExecPlanReader(context.functions()).read(command.plan().get());
        } catch (UnreadablePlanException e) {
            throw new IllegalStateException("command " + command.sequence() + " cannot be replayed: its exec plan is "
                    + "unreadable: " + e.getMessage() + " [" + command.statement() + "]", e);
        }
        queryNumber++;
        if (stored.createsSink()) {
            c = c.withSource(stored.sink(), stored.replacesSink());
        }
        standing.put(stored.queryId(), new PersistentQuery(stored.queryId(), command.statement(), stored.sink(),
                stored.plan()));
        return c;
    }

    /**
     * The plan as the command log stores it, and the plan read back from that JSON: what the query
     * runs now and after every restart.
     */
    private record StoredPlan(String json, QueryPlan plan) {
        static StoredPlan of(PersistentQueryPlanner.Planned planned, boolean replace, Engine engine) {
            String json = ExecPlanWriter.write(new QueryPlan(planned.queryId(), planned.sink(), planned.createsSink(),
                    replace && planned.createsSink(), planned.plan()));
            return new StoredPlan(json, new ExecPlanReader(engine.context.functions()).read(json));
        }
    }

    /** A planner honouring the statement's session properties (SET, request properties, or a command's). */
    private PersistentQueryPlanner planner(Map<String, String> properties) {
        return new PersistentQueryPlanner(context.functions(), properties);
    }

    private void register(PersistentQuery q) {
        queries.put(q.id(), q);
        queryOrder.add(q.id());
    }

    // ------------------------------------------------------------------ statements

    @Override
    public List<EngineResult> execute(String sql, Map<String, ?> properties) {
        List<EngineResult> done = new ArrayList<>();
        List<String> texts;
        try {
            texts = StatementSplitter.split(sql);
        } catch (SqlException e) {
            throw new ScriptException(e, sql, done);
        }
        synchronized (lock) {
            checkOpen();
            SessionContext session = new SessionContext(catalog, requestProperties(properties), Map.of());
            for (String text : texts) {
                if (text.isBlank()) {
                    continue;
                }
                try {
                    for (ParsedStatement parsed : SqlParser.parse(text, session.variables())) {
                        session = session.withCatalog(catalog);
                        Step step = executeOne(parsed, session);
                        session = step.session();
                        done.add(step.result());
                    }
                } catch (SqlException e) {
                    throw new ScriptException(e, text.strip(), done);
                }
            }
        }
        return done;
    }

    /** Request properties the session knows (SET would accept them); others are the engine's. */
    private static Map<String, String> requestProperties(Map<String, ?> properties) {
        Map<String, String> out = new HashMap<>();
        strings(properties).forEach((k, v) -> {
            try {
                SessionProperties.validate(k, v);
                out.put(k, v);
            } catch (RuntimeException e) {
                // not a session property (e.g. auto.offset.reset for queries): not in the session
            }
        });
        return out;
    }

    private record Step(SessionContext session, EngineResult result) {
    }

    private Step executeOne(ParsedStatement parsed, SessionContext session) {
        Statement statement = parsed.statement();
        String text = parsed.text();
        if (statement instanceof Statement.QueryStatement || statement instanceof Statement.Print) {
            throw new SqlException(SqlErrorCode.QUERY_STATEMENT, "The following statement types should be issued "
                    + "to the websocket endpoint '/query':\n\t* PRINT\n\t* SELECT");
        }
        try {
            if (statement instanceof Statement.DropSource drop) {
                checkNoQueries(drop.name());
            }
            if (DdlExecutor.handles(statement)) {
                Executed executed = ddl.execute(parsed, session);
                catalog = executed.session().catalog();
                return new Step(executed.session(), withQueries(executed.result()));
            }
            if (statement instanceof Statement.CreateAsSelect create) {
                return new Step(session, createAsSelect(text, create, session));
            }
            if (statement instanceof Statement.InsertInto insert) {
                return new Step(session, insertInto(text, insert, session));
            }
            if (statement instanceof Statement.InsertValues insert) {
                inserter.insert(insert, catalog);
                return new Step(session, new EngineResult.CommandDone(text, "Inserted 1 row into "
                        + insert.target() + ".", -1, Optional.empty(), "insert/`" + insert.target() + "`/values"));
            }
            if (statement instanceof Statement.Terminate terminate) {
                return new Step(session, terminate(text, terminate, session));
            }
            if (statement instanceof Statement.ListObjects list && list.what() == Statement.Listable.QUERIES) {
                return new Step(session, new EngineResult.QueryList(text, queryInfos()));
            }
            if (statement instanceof Statement.ListObjects list && list.what() == Statement.Listable.FUNCTIONS) {
                return new Step(session, functions(text));
            }
            if (statement instanceof Statement.DescribeFunction describe) {
                FunctionDescription d = registry.describe(describe.name());
                FunctionMetadata m = d.metadata();
                return new Step(session, new EngineResult.FunctionDescribed(text, d.name(), d.kind().name(),
                        m.description(), m.author(), m.version(), m.source(), d.overloads().stream()
                        .map(o -> new EngineResult.FunctionOverload(o.signature(), o.description())).toList()));
            }
            if (statement instanceof Statement.Explain explain && explain.queryId().isPresent()) {
                return new Step(session, explain(text, explain.queryId().get()));
            }
            if (statement instanceof Statement.Explain explain && explain.statement().isPresent()) {
                return new Step(session, Explainer.notRunning(text, explain.statement().get(), catalog,
                        planner(session.properties()), context, queryNumber));
            }
        } catch (SqlException e) {
            throw e.line().isPresent() ? e : e.withPosition(statement.position().line(), statement.position().column());
        }
        throw new SqlException(SqlErrorCode.UNSUPPORTED_FEATURE, statement.position().line(),
                statement.position().column(), statement.getClass().getSimpleName()
                + " statements are not supported by the engine yet");
    }

    /** ksqlDB refuses to drop a source that a persistent query reads or writes. */
    private void checkNoQueries(String name) {
        List<String> readers = new ArrayList<>();
        List<String> writers = new ArrayList<>();
        for (PersistentQuery q : orderedQueries()) {
            if (q.reads(name)) {
                readers.add(q.id());
            }
            if (q.sink().name().equals(name)) {
                writers.add(q.id());
            }
        }
        if (!readers.isEmpty() || !writers.isEmpty()) {
            throw new SqlException(SqlErrorCode.INVALID_DDL, "Cannot drop " + name + ".\n"
                    + "The following queries read from this source: [" + String.join(", ", readers) + "].\n"
                    + "The following queries write into this source: [" + String.join(", ", writers) + "].\n"
                    + "You need to terminate them before dropping " + name + ".");
        }
    }

    private Set<String> readersOf(String source) {
        Set<String> out = new java.util.TreeSet<>();
        for (PersistentQuery q : orderedQueries()) {
            if (q.reads(source)) {
                out.add(q.sink().name());
            }
        }
        return out;
    }

    private EngineResult createAsSelect(String text, Statement.CreateAsSelect create, SessionContext session) {
        Optional<DataSource> existing = catalog.findSource(create.name());
        if (existing.isPresent() && create.ifNotExists()) {
            return new EngineResult.CommandDone(text, "Cannot add " + create.kind().name().toLowerCase(Locale.ROOT) + " "
                    + create.name() + ": A " + existing.get().kind().name().toLowerCase(Locale.ROOT)
                    + " with the same name already exists.", -1, Optional.empty(), DdlExecutor.commandId(create));
        }
        if (existing.isPresent() && orderedQueries().stream().anyMatch(q -> q.sink().name().equals(create.name()))) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_FEATURE, "Cannot replace " + create.name()
                    + " while a query writes it; TERMINATE the query first.");
        }
        PersistentQueryPlanner.Planned planned = planner(session.properties()).plan(create, catalog, queryNumber);
        checkCoPartitioned(planned);
        StoredPlan stored = StoredPlan.of(planned, create.orReplace(), this);
        PersistentQuery query = new PersistentQuery(planned.queryId(), text, planned.sink(), stored.plan().plan());
        ensureSinkTopic(planned.sink().topic(), planned.plan(), SourceProperties.parse(
                create.properties(), SourceProperties.Statement.CREATE_AS_SELECT)
                .partitions());
        long sequence = commandLog.append(text, session.properties(), Optional.of(stored.json())).sequence();
        queryNumber++;
        catalog = catalog.withSource(planned.sink(), create.orReplace());
        register(query);
        query.start(context);
        return new EngineResult.CommandDone(text, "Created query with ID " + query.id(), sequence,
                Optional.of(query.id()), create.kind().name().toLowerCase(Locale.ROOT) + "/`" + create.name()
                + "`/create");
    }

    private EngineResult insertInto(String text, Statement.InsertInto insert, SessionContext session) {
        PersistentQueryPlanner.Planned planned = planner(session.properties()).plan(insert, catalog, queryNumber);
        checkCoPartitioned(planned);
        StoredPlan stored = StoredPlan.of(planned, false, this);
        PersistentQuery query = new PersistentQuery(planned.queryId(), text, planned.sink(), stored.plan().plan());
        long sequence = commandLog.append(text, session.properties(), Optional.of(stored.json())).sequence();
        queryNumber++;
        register(query);
        query.start(context);
        return new EngineResult.CommandDone(text, "Created query with ID " + query.id(), sequence,
                Optional.of(query.id()), "stream/`" + planned.sink().name() + "`/insert");
    }

    /** ksqlDB's error when the sides of a join on their keys read topics of different partition counts. */
    private void checkCoPartitioned(PersistentQueryPlanner.Planned planned) {
        try (Admin admin = context.log().admin()) {
            io.runnel.sql.internal.plan.CoPartitioning.check(planned.query(), topic -> admin.listTopics(true).contains(topic)
                    ? java.util.OptionalInt.of(admin.describeTopic(topic).partitions()) : java.util.OptionalInt.empty());
        }
    }

    /** Creates the sink topic when missing: PARTITIONS if given, else as many partitions as the source topic. */
    private void ensureSinkTopic(String topic, ExecNode.Sink plan,
                                 java.util.OptionalInt requested) {
        try (Admin admin = context.log().admin()) {
            if (!admin.listTopics(true).contains(topic)) {
                int partitions = requested.isPresent() ? requested.getAsInt() : admin.describeTopic(
                        ExecNode.sourcesOf(plan).get(0).source().topic()).partitions();
                admin.createTopic(io.runnel.sql.internal.command.AdminTopics.newTopic(topic, partitions, Map.of()));
            }
        }
    }

    private EngineResult terminate(String text, Statement.Terminate terminate, SessionContext session) {
        List<PersistentQuery> targets = new ArrayList<>();
        if (terminate.queryId().isPresent()) {
            String id = terminate.queryId().get().toUpperCase(Locale.ROOT);
            PersistentQuery q = queries.get(id);
            RunningPush push = q == null ? pushQuery(terminate.queryId().get()) : null;
            if (push != null) {
                // A push query is not in the command log: it only stops.
                push.query().close();
                return new EngineResult.CommandDone(text, "Query terminated.", -1,
                        Optional.of(push.query().id()), "terminate/" + push.query().id() + "/execute");
            }
            if (q == null) {
                throw new SqlException(SqlErrorCode.QUERY_NOT_FOUND, "Unknown queryId: " + terminate.queryId().get());
            }
            targets.add(q);
        } else {
            targets.addAll(orderedQueries());
        }
        long sequence = commandLog.append(text, session.properties()).sequence();
        try (Admin admin = context.log().admin()) {
            for (PersistentQuery q : targets) {
                q.stop();
                queries.remove(q.id());
                queryOrder.remove(q.id());
                q.deleteState(admin, context.stateDir());
            }
        }
        String id = terminate.queryId().map(s -> s.toUpperCase(Locale.ROOT)).orElse("ALL");
        return new EngineResult.CommandDone(text, "Query terminated.", sequence,
                terminate.queryId().map(s -> s.toUpperCase(Locale.ROOT)), "terminate/" + id + "/execute");
    }

    private RunningPush pushQuery(String id) {
        for (RunningPush r : transientQueries.values()) {
            if (r.query().id().equalsIgnoreCase(id)) {
                return r;
            }
        }
        return null;
    }

    private List<PersistentQuery> orderedQueries() {
        List<PersistentQuery> out = new ArrayList<>();
        for (String id : queryOrder) {
            PersistentQuery q = queries.get(id);
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    private List<EngineResult.QueryInfo> queryInfos() {
        List<EngineResult.QueryInfo> out = new ArrayList<>();
        orderedQueries().forEach(q -> out.add(q.info()));
        transientQueries.values().stream().sorted(java.util.Comparator.comparing(r -> r.query().id()))
                .forEach(r -> out.add(new EngineResult.QueryInfo(r.query().id(), "PUSH", r.sql(), List.of(), List.of(),
                        "RUNNING", Optional.empty())));
        return out;
    }

    private record RunningPush(StartedQuery query, String sql) {
    }

    /** A description with the persistent queries reading and writing each source; other results as they are. */
    private EngineResult withQueries(EngineResult result) {
        if (!(result instanceof EngineResult.SourceDescriptions described)) {
            return result;
        }
        return new EngineResult.SourceDescriptions(described.statementText(),
                described.sources().stream().map(this::withQueries).toList(), described.single());
    }

    private EngineResult.SourceDetails withQueries(EngineResult.SourceDetails source) {
        List<EngineResult.QueryInfo> readers = new ArrayList<>();
        List<EngineResult.QueryInfo> writers = new ArrayList<>();
        for (PersistentQuery q : orderedQueries()) {
            if (q.reads(source.name())) {
                readers.add(q.info());
            }
            if (q.sink().name().equals(source.name())) {
                writers.add(q.info());
            }
        }
        return source.withQueries(readers, writers);
    }

    private EngineResult explain(String text, String queryId) {
        PersistentQuery q = queries.get(queryId.toUpperCase(Locale.ROOT));
        if (q == null) {
            throw new SqlException(SqlErrorCode.QUERY_NOT_FOUND, "Query with id:" + queryId + " does not exist, "
                    + "use SHOW QUERIES to view the full set of running queries.");
        }
        return Explainer.running(text, q);
    }

    private EngineResult functions(String text) {
        List<EngineResult.FunctionInfo> out = new ArrayList<>();
        for (FunctionDescription d : registry.list()) {
            out.add(new EngineResult.FunctionInfo(d.name(), d.kind().name(), d.metadata().category()));
        }
        out.sort(java.util.Comparator.comparing(EngineResult.FunctionInfo::name));
        return new EngineResult.FunctionList(text, out);
    }

    // ------------------------------------------------------------------ queries and inserts

    @Override
    public StartedQuery query(String sql, Map<String, ?> properties, QueryListener listener) {
        checkOpen();
        List<ParsedStatement> parsed = SqlParser.parse(sql, Map.of());
        if (parsed.size() != 1) {
            throw new SqlException(SqlErrorCode.NOT_A_QUERY, "Expected exactly one query, got " + parsed.size()
                    + " statements");
        }
        Statement statement = parsed.get(0).statement();
        Map<String, String> props = new HashMap<>(defaults);
        props.putAll(strings(properties));
        if (statement instanceof Statement.Print print) {
            return PrintQuery.run(context, "print_" + transientNumber.incrementAndGet(), print, listener);
        }
        if (!(statement instanceof Statement.QueryStatement select)) {
            throw new SqlException(SqlErrorCode.NOT_A_QUERY, statement.position().line(), statement.position().column(),
                    "Statement is not a query: use the /ksql endpoint for " + statement.getClass().getSimpleName());
        }
        Catalog snapshot = catalog;
        Query selected = select.query();
        if (selected.isPullQuery()) {
            PullQueryWhere.checkPseudoColumns(selected);
            selected = WindowBoundLiterals.rewrite(selected);
        }
        TransientSelect prepared = TransientSelect.of(selected, snapshot, context.functions());
        AnalyzedQuery query = new QueryAnalyzer(snapshot, context.functions()).forTransientQuery()
                .analyze(prepared.query(), Optional.empty());
        String source = query.source().name();
        if (select.query().isPullQuery()) {
            PullQuery.validate(query);
            PullQueryWhere.check(query, !"false".equalsIgnoreCase(props.get(PULL_TABLE_SCAN)));
            if (query.source().kind() == SourceKind.TABLE && !query.source().readOnly() && feeding(source).isEmpty()) {
                throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "The `" + source + "` table isn't queryable. "
                        + "To derive a queryable table, you can do 'CREATE TABLE QUERYABLE_" + source
                        + " AS SELECT * FROM " + source + "'. See https://cnfl.io/queries for more info.");
            }
            try (Admin admin = context.log().admin()) {
                List<PersistentQuery> feeding = feeding(source);
                freshness.await(admin, feeding, context.pullWaitMs());
                PullRows rows = StoreRows.of(query.source(), feeding, Time.SYSTEM, context.pullWaitMs(), pullStats)
                        .orElseGet(() -> new TopicRows(context.log(), query.source(),
                                admin.describeTopic(query.source().topic()).partitions(), pullStats));
                boolean selectAll = select.query().select().stream()
                        .anyMatch(i -> i instanceof SelectItem.AllColumns);
                return PullQuery.run("pull_" + PersistentQueryPlanner.idPart(source) + "_"
                        + transientNumber.incrementAndGet(), query, selectAll, prepared, rows, listener);
            }
        }
        String id = "transient_" + PersistentQueryPlanner.idPart(source) + "_" + transientNumber.incrementAndGet();
        boolean earliest = "earliest".equalsIgnoreCase(props.get(EngineProperties.AUTO_OFFSET_RESET));
        PushQuery push = PushQuery.start(context, id, query, earliest, prepared, listener, () -> transientQueries.remove(id));
        transientQueries.put(id, new RunningPush(push, sql.strip()));
        return push;
    }

    /** How pull queries read their rows so far (store lookups, store scans, topic scans). */
    PullQueryStats pullQueryStats() {
        return pullStats;
    }

    /** The running queries feeding {@code source}, directly or through others, upstream first. */
    private List<PersistentQuery> feeding(String source) {
        List<PersistentQuery> out = new ArrayList<>();
        collectFeeding(source, out, new java.util.HashSet<>());
        return out;
    }

    private void collectFeeding(String source, List<PersistentQuery> out, Set<String> seen) {
        if (!seen.add(source)) {
            return;
        }
        for (PersistentQuery q : orderedQueries()) {
            if (q.sink().name().equals(source)) {
                for (DataSource read : q.sources()) {
                    collectFeeding(read.name(), out, seen);
                }
                if (!out.contains(q)) {
                    out.add(q);
                }
            }
        }
    }

    @Override
    public void insert(String target, List<Map<String, Object>> rows) {
        DataSource source = insertTarget(target);
        for (Map<String, Object> row : rows) {
            inserter.insertJson(source, row);
        }
    }

    @Override
    public CompletableFuture<Void> insertAsync(String target, Map<String, Object> row) {
        return inserter.insertJsonAsync(insertTarget(target), row).thenApply(sent -> null);
    }

    private DataSource insertTarget(String target) {
        checkOpen();
        Catalog snapshot = catalog;
        // An unquoted name, as ksqlDB's clients send it, is upper case in the catalog.
        String name = snapshot.findSource(target).isPresent() ? target : target.toUpperCase(Locale.ROOT);
        return inserter.target(snapshot, name);
    }

    @Override
    public boolean isHealthy() {
        // A failed query shows in SHOW QUERIES; the engine still serves (as ksqlDB's healthcheck does).
        return !closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (RunningPush running : List.copyOf(transientQueries.values())) {
            StartedQuery q = running.query();
            try {
                q.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot close query " + q.id(), e);
            }
        }
        for (PersistentQuery q : orderedQueries()) {
            q.stop();
        }
        inserter.close();
        commandLog.close();
        if (ownedLog != null) {
            ownedLog.close();
        }
    }

    /**
     * The live catalog of an engine opened by {@link #open}, read at each call (for tools of this
     * module that encode records by the catalog's formats, such as the conformance runners).
     */
    public static java.util.function.Supplier<Catalog> catalogOf(SqlEngine engine) {
        if (!(engine instanceof Engine e)) {
            throw new IllegalArgumentException("not an engine of this module: " + engine.getClass().getName());
        }
        return () -> e.catalog;
    }
}
