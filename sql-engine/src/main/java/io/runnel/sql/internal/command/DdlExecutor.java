package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.engine.EngineResult;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.parser.ParsedStatement;
import io.runnel.sql.internal.parser.SqlFormatter;
import io.runnel.sql.internal.parser.SqlParser;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the statements that do not run queries: DDL into the catalog ({@code CREATE/DROP
 * STREAM|TABLE}, {@code CREATE SOURCE ...}, {@code ALTER}, {@code CREATE/DROP TYPE}), listings
 * ({@code SHOW/LIST STREAMS|TABLES|TOPICS|TYPES|PROPERTIES|VARIABLES}, {@code DESCRIBE}) and
 * session statements ({@code SET/UNSET/DEFINE/UNDEFINE}). The engine holds the current
 * {@link SessionContext} and replaces it with {@link Executed#session()} after each statement.
 *
 * <p>A statement that changes the catalog is applied in this order: validate everything (no side
 * effect on failure); create its topic if it asked for one ({@code PARTITIONS}); append it to the
 * {@link CommandLog} (with the session properties in force); return the new catalog; for
 * {@code DELETE TOPIC}, delete the topic last. So the log never holds a command whose validation
 * failed, and a crash between the steps leaves at worst an unused topic or an undeleted one.
 * {@link #replay} rebuilds the catalog from the log's commands without touching topics.
 *
 * <p>Errors are {@link SqlException}s with ksqlDB's messages (see the package documentation).
 * Not thread-safe for one session; distinct sessions may share an executor if the command log is
 * thread-safe (both implementations are).
 */
public final class DdlExecutor {

    private final EngineTopics topics;
    private final CommandLog commandLog;
    private final CreateSourceExecutor createSource;
    private final DropSourceExecutor dropSource;
    private final AlterSourceExecutor alterSource = new AlterSourceExecutor();
    private final TypeExecutor types = new TypeExecutor();
    private final ListingExecutor listing;

    /** An executor for an engine without persistent queries (no source reads another). */
    public DdlExecutor(EngineTopics topics, CommandLog commandLog) {
        this(topics, commandLog, SourceReferences.NONE);
    }

    /** {@code references} tells which sources read a source, so that DROP refuses to break them. */
    public DdlExecutor(EngineTopics topics, CommandLog commandLog, SourceReferences references) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.commandLog = Objects.requireNonNull(commandLog, "commandLog");
        this.dropSource = new DropSourceExecutor(references);
        this.createSource = new CreateSourceExecutor(topics);
        this.listing = new ListingExecutor(topics);
    }

    /** Whether {@link #execute} runs this statement (queries, INSERT, TERMINATE, ... are the engine's). */
    public static boolean handles(Statement statement) {
        return statement instanceof Statement.CreateSource
                || statement instanceof Statement.DropSource
                || statement instanceof Statement.AlterSource
                || statement instanceof Statement.CreateType
                || statement instanceof Statement.DropType
                || statement instanceof Statement.DescribeSource
                || statement instanceof Statement.DescribeSources
                || statement instanceof Statement.SetProperty
                || statement instanceof Statement.UnsetProperty
                || statement instanceof Statement.DefineVariable
                || statement instanceof Statement.UndefineVariable
                || (statement instanceof Statement.ListObjects show && ListingExecutor.lists(show.what()));
    }

    /** Runs a parsed statement; its text is what the command log records. */
    public Executed execute(ParsedStatement statement, SessionContext session) {
        Objects.requireNonNull(statement, "statement");
        return run(statement.text(), statement.statement(), session, false);
    }

    /** Runs a statement built in code; the command log records its formatted SQL. */
    public Executed execute(Statement statement, SessionContext session) {
        Objects.requireNonNull(statement, "statement");
        return run(SqlFormatter.format(statement), statement, session, false);
    }

    /**
     * The catalog the commands build, applied in order on an empty catalog, each with the
     * properties it was recorded with; topics are neither checked nor created nor deleted, and
     * nothing is appended. A command that fails now (e.g. after an incompatible upgrade) is an
     * IllegalStateException naming it: a catalog is never rebuilt with a gap.
     */
    public Catalog replay(List<Command> commands) {
        Catalog catalog = Catalog.empty();
        long expected = 0;
        for (Command command : commands) {
            if (command.sequence() != expected) {
                throw new IllegalStateException("command log has a gap: expected command " + expected + ", found "
                        + command.sequence());
            }
            expected++;
            catalog = replay(command, catalog);
        }
        return catalog;
    }

    /**
     * Applies one catalog command to {@code catalog}, as {@link #replay(List)} does for each: for an
     * engine whose log also holds commands of its own (persistent queries), replayed in between.
     */
    public Catalog replay(Command command, Catalog catalog) {
        SessionContext session = new SessionContext(catalog, command.properties(), java.util.Map.of());
        try {
            Statement statement = SqlParser.parseStatement(command.statement());
            return run(command.statement(), statement, session, true).session().catalog();
        } catch (SqlException e) {
            throw new IllegalStateException("command " + command.sequence() + " cannot be replayed: "
                    + e.getMessage() + " [" + command.statement() + "]", e);
        }
    }

    private Executed run(String text, Statement statement, SessionContext session, boolean replaying) {
        Objects.requireNonNull(session, "session");
        Catalog catalog = session.catalog();
        try {
            CatalogChange change = null;
            if (statement instanceof Statement.CreateSource s) change = createSource.execute(s, session, replaying);
            if (statement instanceof Statement.DropSource s) change = dropSource.execute(s, catalog);
            if (statement instanceof Statement.AlterSource s) change = alterSource.execute(s, catalog);
            if (statement instanceof Statement.CreateType s) change = types.create(s, catalog);
            if (statement instanceof Statement.DropType s) change = types.drop(s, catalog);
            if (change != null) return apply(text, statement, change, session, replaying);
        } catch (SqlException e) {
            throw located(e, statement);
        }
        if (replaying) throw new IllegalStateException("not a catalog command: " + text);
        if (statement instanceof Statement.ListObjects s && ListingExecutor.lists(s.what())) {
            return new Executed(session, listing.list(s, text, session));
        }
        if (statement instanceof Statement.DescribeSources s) {
            return new Executed(session, listing.describeAll(s, text, catalog));
        }
        if (statement instanceof Statement.DescribeSource s) {
            return new Executed(session, listing.describe(s, text, catalog));
        }
        if (statement instanceof Statement.SetProperty s) {
            SessionProperties.validate(s.name(), s.value());
            return done(session.withProperty(s.name(), s.value()), statement, text,
                    "Successfully changed local property '" + s.name() + "' to '" + s.value() + "'.");
        }
        if (statement instanceof Statement.UnsetProperty s) {
            SessionProperties.validateName(s.name());
            return done(session.withoutProperty(s.name()), statement, text,
                    "Successfully unset local property '" + s.name() + "'.");
        }
        if (statement instanceof Statement.DefineVariable s) {
            return done(session.withVariable(s.name(), s.value()), statement, text, "Defined variable " + s.name() + ".");
        }
        if (statement instanceof Statement.UndefineVariable s) {
            String message = session.variables().containsKey(s.name())
                    ? "Undefined variable " + s.name() + "." : "Variable '" + s.name() + "' is undefined";
            return done(session.withoutVariable(s.name()), statement, text, message);
        }
        throw new IllegalArgumentException("not a statement DdlExecutor runs: " + statement.getClass().getSimpleName());
    }

    private Executed apply(String text, Statement statement, CatalogChange change, SessionContext session,
                           boolean replaying) {
        if (change.catalog() == session.catalog()) return done(session, statement, text, change.message());
        Optional<CatalogChange.TopicAction> action = replaying ? Optional.empty() : change.topicAction();
        if (action.orElse(null) instanceof CatalogChange.TopicAction.Create create) {
            try {
                topics.create(create.topic(), create.partitions(), create.compacted());
            } catch (RuntimeException e) {
                throw new SqlException(SqlErrorCode.INVALID_PROPERTY, "Could not create topic '" + create.topic() + "': "
                        + e.getMessage());
            }
        }
        long sequence = replaying ? -1 : commandLog.append(text, session.properties()).sequence();
        if (action.orElse(null) instanceof CatalogChange.TopicAction.Delete delete && topics.exists(delete.topic())) {
            topics.delete(delete.topic());
        }
        return new Executed(session.withCatalog(change.catalog()), new EngineResult.CommandDone(text, change.message(),
                sequence, Optional.empty(), commandId(statement)));
    }

    private static Executed done(SessionContext session, Statement statement, String text, String message) {
        return new Executed(session, new EngineResult.CommandDone(text, message, -1, Optional.empty(),
                commandId(statement)));
    }

    /**
     * ksqlDB's command id of a statement this executor runs: {@code stream/`S`/create},
     * {@code table/`T`/drop}, {@code type/`ADDRESS`/create}, {@code session/setproperty/execute}, ...
     */
    public static String commandId(Statement statement) {
        if (statement instanceof Statement.CreateSource s) {
            return s.kind().name().toLowerCase(Locale.ROOT) + "/`" + s.name() + "`/create";
        } else if (statement instanceof Statement.DropSource s) {
            return s.kind().name().toLowerCase(Locale.ROOT) + "/`" + s.name() + "`/drop";
        } else if (statement instanceof Statement.AlterSource s) {
            return s.kind().name().toLowerCase(Locale.ROOT) + "/`" + s.name() + "`/alter";
        } else if (statement instanceof Statement.CreateType s) {
            return "type/`" + s.name() + "`/create";
        } else if (statement instanceof Statement.DropType s) {
            return "type/`" + s.name() + "`/drop";
        }
        return "session/" + statement.getClass().getSimpleName().toLowerCase(Locale.ROOT) + "/execute";
    }

    /** Errors without a position get the statement's, so users see where (code and message kept). */
    private static SqlException located(SqlException e, Statement statement) {
        if (e.line().isPresent()) return e;
        return e.withPosition(statement.position().line(), statement.position().column());
    }
}
