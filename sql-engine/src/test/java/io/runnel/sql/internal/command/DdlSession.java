package io.runnel.sql.internal.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.engine.EngineResult;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.parser.SqlParser;
import java.util.List;

/** A session over a real DdlExecutor, in-memory topics and command log: what the tests drive. */
final class DdlSession {

    final InMemoryTopics topics;
    final InMemoryCommandLog log = new InMemoryCommandLog();
    final DdlExecutor executor;
    SessionContext session = SessionContext.empty();

    DdlSession(String... existingTopics) {
        topics = InMemoryTopics.of(List.of(existingTopics));
        executor = new DdlExecutor(topics, log);
    }

    EngineResult run(String sql) {
        Executed executed = executor.execute(SqlParser.parse(sql, session.variables()).get(0), session);
        session = executed.session();
        return executed.result();
    }

    String message(String sql) {
        return ((EngineResult.CommandDone) run(sql)).message();
    }

    SqlException fails(String sql) {
        try {
            run(sql);
        } catch (SqlException e) {
            return e;
        }
        throw new AssertionError("expected an error from: " + sql);
    }

    void assertFails(String sql, String messagePart) {
        assertThatThrownBy(() -> run(sql)).isInstanceOf(SqlException.class).hasMessageContaining(messagePart);
    }

    DataSource source(String name) {
        return session.catalog().source(name);
    }
}
