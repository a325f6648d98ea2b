package io.runnel.sql.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.engine.EngineResult;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.sql.internal.catalog.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLogTest {

    private static final List<String> SCRIPT = List.of(
            "CREATE TYPE ADDRESS AS STRUCT<CITY STRING, ZIP INT>",
            "CREATE STREAM ORDERS (ID BIGINT KEY, SHIP_TO ADDRESS, TS BIGINT) WITH (KAFKA_TOPIC='orders',"
                    + " VALUE_FORMAT='JSON', TIMESTAMP='TS')",
            "CREATE TABLE USERS (ID STRING PRIMARY KEY, NAME STRING) WITH (KAFKA_TOPIC='users', VALUE_FORMAT='JSON',"
                    + " PARTITIONS=2)",
            "CREATE STREAM OLD (V INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON')",
            "DROP STREAM OLD",
            "ALTER TABLE USERS ADD COLUMN EMAIL STRING",
            "DROP TYPE ADDRESS",
            "CREATE STREAM DEFAULTED (V INT) WITH (KAFKA_TOPIC='orders')");

    @TempDir
    Path dir;

    @Test
    void shouldRecordEachCatalogChangeWithItsTextPropertiesAndSequence() {
        DdlSession ddl = new DdlSession("orders");
        ddl.run("SET 'ksql.persistence.default.format.value' = 'JSON'");
        var status = (EngineResult.CommandDone) ddl.run("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='orders')");
        assertThat(status.commandSequence()).isEqualTo(0L);
        assertThat(ddl.log.readAll()).containsExactly(new Command(0, "CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='orders')",
                Map.of("ksql.persistence.default.format.value", "JSON")));
    }

    @Test
    void shouldNotRecordFailedOrNoOpStatements() {
        DdlSession ddl = new DdlSession("orders");
        ddl.run("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON')");
        ddl.fails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON')");
        ddl.run("CREATE STREAM IF NOT EXISTS S (V INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON')");
        ddl.run("DROP TABLE IF EXISTS NOPE");
        ddl.run("SHOW STREAMS");
        assertThat(ddl.log.readAll()).hasSize(1);
    }

    @Test
    void shouldRebuildTheSameCatalogByReplayingTheCommands() {
        DdlSession ddl = runScript(new InMemoryCommandLog());
        Catalog replayed = new DdlExecutor(new InMemoryTopics(), new InMemoryCommandLog()).replay(ddl.log.readAll());
        assertSameCatalog(replayed, ddl.session.catalog());
    }

    @Test
    void shouldEncodeCommandsAsVersionedJson() {
        Command command = new Command(7, "DROP STREAM S", Map.of("auto.offset.reset", "earliest"));
        String json = new String(CommandCodec.encode(command), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"type\":\"runnel-command\",\"version\":1,\"sequence\":7,"
                + "\"statement\":\"DROP STREAM S\",\"properties\":{\"auto.offset.reset\":\"earliest\"}}");
        assertThat(CommandCodec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(command);
    }

    @Test
    void shouldRefuseRecordsOfAnotherTypeOrVersion() {
        assertThatThrownBy(() -> CommandCodec.decode("{\"type\":\"other\",\"version\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a runnel-command record");
        assertThatThrownBy(() -> CommandCodec.decode(("{\"type\":\"runnel-command\",\"version\":2,\"sequence\":0,"
                + "\"statement\":\"x\"}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported runnel-command version 2");
    }

    @Test
    void shouldRefuseToReplayALogWithAGap() {
        DdlExecutor executor = new DdlExecutor(new InMemoryTopics(), new InMemoryCommandLog());
        assertThatThrownBy(() -> executor.replay(List.of(new Command(1, "CREATE TYPE A AS INT", Map.of()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected command 0, found 1");
    }

    @Test
    void shouldKeepCommandsInALogTopicAcrossRestarts() {
        Catalog built;
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir).withFlushPolicy(FlushPolicy.NONE));
             TopicCommandLog commands = new TopicCommandLog(log, TopicCommandLog.DEFAULT_TOPIC)) {
            AdminTopics topics = new AdminTopics(log.admin());
            topics.create("orders", 1, false);
            built = runScript(commands, new DdlSession(), topics).session.catalog();
            assertThat(topics.partitions("users")).isEqualTo(java.util.OptionalInt.of(2));
            assertThat(commands.readAll()).hasSize(SCRIPT.size());
        }
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir).withFlushPolicy(FlushPolicy.NONE));
             TopicCommandLog commands = new TopicCommandLog(log, TopicCommandLog.DEFAULT_TOPIC)) {
            List<Command> read = commands.readAll();
            assertThat(read).extracting(Command::statement).containsExactlyElementsOf(SCRIPT);
            assertThat(read).extracting(Command::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertSameCatalog(new DdlExecutor(new AdminTopics(log.admin()), commands).replay(read), built);
            assertThat(commands.append("CREATE TYPE B AS INT", Map.of()).sequence()).isEqualTo(SCRIPT.size());
            AdminTopics topics = new AdminTopics(log.admin());
            assertThat(topics.names()).containsExactly("orders", "users");
            assertThat(topics.allNames()).contains(TopicCommandLog.DEFAULT_TOPIC, "users");
        }
    }

    private static DdlSession runScript(CommandLog log) {
        DdlSession ddl = new DdlSession("orders");
        return runScript(log, ddl, ddl.topics);
    }

    private static DdlSession runScript(CommandLog log, DdlSession ddl, EngineTopics topics) {
        DdlExecutor executor = new DdlExecutor(topics, log);
        for (int i = 0; i < SCRIPT.size(); i++) {
            if (i == SCRIPT.size() - 1) ddl.session = ddl.session.withProperty("ksql.persistence.default.format.value", "JSON");
            ddl.session = executor.execute(io.runnel.sql.internal.parser.SqlParser.parse(SCRIPT.get(i)).get(0),
                    ddl.session).session();
        }
        if (log instanceof InMemoryCommandLog memory) {
            memory.readAll().forEach(c -> ddl.log.append(c.statement(), c.properties()));
        }
        return ddl;
    }

    private static void assertSameCatalog(Catalog actual, Catalog expected) {
        assertThat(actual.sources()).isEqualTo(expected.sources());
        assertThat(actual.types()).isEqualTo(expected.types());
        assertThat(expected.sources()).containsOnlyKeys("ORDERS", "USERS", "DEFAULTED");
    }
}
