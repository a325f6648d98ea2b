package io.runnel.sql.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command's persisted form, with and without the exec plan of its query. */
class CommandCodecTest {
    private static final String PLAN = "{\"type\":\"runnel-exec-plan\",\"version\":1,\"queryId\":\"CSAS_T_0\"}";

    @TempDir
    Path dir;

    @Test
    void shouldStoreThePlanAsAJsonObjectBesideTheStatement() {
        Command command = new Command(3, "CREATE STREAM T AS SELECT * FROM S;", Map.of("a", "b"), Optional.of(PLAN));

        String json = new String(CommandCodec.encode(command), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"type\":\"runnel-command\",\"version\":1,\"sequence\":3,"
                + "\"statement\":\"CREATE STREAM T AS SELECT * FROM S;\",\"properties\":{\"a\":\"b\"},\"plan\":" + PLAN + "}");
        assertThat(CommandCodec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(command);
    }

    @Test
    void shouldReadACommandWrittenBeforePlansWereStoredAsOneWithoutAPlan() {
        byte[] old = ("{\"type\":\"runnel-command\",\"version\":1,\"sequence\":0,"
                + "\"statement\":\"CREATE STREAM T AS SELECT * FROM S;\",\"properties\":{}}").getBytes(StandardCharsets.UTF_8);

        Command command = CommandCodec.decode(old);

        assertThat(command.plan()).isEmpty();
        assertThat(new String(CommandCodec.encode(command), StandardCharsets.UTF_8))
                .isEqualTo(new String(old, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseAPlanThatIsNotAJsonObject() {
        byte[] bad = ("{\"type\":\"runnel-command\",\"version\":1,\"sequence\":0,"
                + "\"statement\":\"CREATE STREAM T AS SELECT * FROM S;\",\"properties\":{},\"plan\":\"text\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CommandCodec.decode(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has a plan that is not a JSON object");
    }

    @Test
    void shouldKeepThePlanInTheCommandTopicAcrossRestarts() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir));
             TopicCommandLog commands = new TopicCommandLog(log, TopicCommandLog.DEFAULT_TOPIC)) {
            commands.append("CREATE STREAM S (ID INT KEY) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON');", Map.of());
            commands.append("CREATE STREAM T AS SELECT * FROM S;", Map.of(), Optional.of(PLAN));
        }
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir));
             TopicCommandLog commands = new TopicCommandLog(log, TopicCommandLog.DEFAULT_TOPIC)) {
            assertThat(commands.readAll()).extracting(Command::plan).containsExactly(Optional.empty(), Optional.of(PLAN));
        }
    }

    @Test
    void shouldKeepThePlanInAnInMemoryLog() {
        InMemoryCommandLog log = new InMemoryCommandLog();

        log.append("CREATE STREAM T AS SELECT * FROM S;", Map.of(), Optional.of(PLAN));

        assertThat(log.readAll()).extracting(Command::plan).containsExactly(Optional.of(PLAN));
    }
}
