package io.runnel.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.client.RunnelClient;
import io.runnel.server.testing.ToyEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shell driven by scripted input on a dumb terminal, talking to a real server. */
@Timeout(60)
class ShellTest {

    @TempDir
    Path dir;

    private ToyEngine engine;
    private RunnelServer server;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<PipedOutputStream> keyboards = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        engine = new ToyEngine();
        server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0), engine);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        for (PipedOutputStream keyboard : keyboards) {
            keyboard.close();
        }
    }

    /**
     * A dumb terminal over a pipe. Lines of {@code input} are typed one at a time, each when the
     * shell shows a prompt (like a person would); the pipe stays open, so every script ends with
     * {@code exit}.
     */
    private Terminal terminal(String input) throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keyboard, 1 << 16);
        keyboards.add(keyboard);
        OutputStream screen = new PromptTypist(output, keyboard, input.split("(?<=\n)"));
        return TerminalBuilder.builder().system(false).streams(in, screen)
                .type(Terminal.TYPE_DUMB).dumb(true).build();
    }

    /** Passes output through and types the next line whenever a prompt ends what was printed. */
    private static final class PromptTypist extends OutputStream {
        private final OutputStream screen;
        private final OutputStream keyboard;
        private final String[] lines;
        private final StringBuilder tail = new StringBuilder();
        private int next;

        PromptTypist(OutputStream screen, OutputStream keyboard, String[] lines) {
            this.screen = screen;
            this.keyboard = keyboard;
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            screen.write(b);
            tail.append((char) b);
            if (tail.length() > 16) {
                tail.delete(0, tail.length() - 16);
            }
            String t = tail.toString();
            if ((t.endsWith("runnel> ") || t.endsWith("      > ")) && next < lines.length) {
                tail.setLength(0);
                keyboard.write(lines[next++].getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
            }
        }
    }

    private String interactive(String input) throws Exception {
        try (Terminal terminal = terminal(input)) {
            Shell shell = new Shell(RunnelClient.create(server.uri()), terminal, dir.resolve("history"),
                    OutputFormat.TABLE);
            assertThat(shell.runInteractive()).isZero();
        }
        return text();
    }

    /** What the terminal printed, with its line ends as {@code \n}. */
    private String text() {
        return output.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void shouldRunAStatementTypedOverSeveralLinesOnceItsSemicolonArrives() throws Exception {
        String out = interactive("CREATE STREAM S\n  (ID INT KEY, V STRING)\n  WITH (kafka_topic='s');\nSHOW STREAMS;\nexit\n");

        assertThat(out).contains("| Stream created |");
        assertThat(out).contains("| S           | s           | KAFKA      | JSON         | false    |");
    }

    @Test
    void shouldPrintErrorsWithACaretAndKeepGoing() throws Exception {
        String out = interactive("SHOW STREAMS;\n  CREATE STREEM X;\nSHOW STREAMS;\nexit\n");

        assertThat(out).contains("line 1:1: Syntax error at or near 'CREATE'\nCREATE STREEM X;\n^\n");
        assertThat(out).doesNotContain("Exception");
        assertThat(out.split("Stream Name", -1)).hasSize(3);
    }

    @Test
    void shouldRenderPullQueryResultsAsAnAlignedTable() throws Exception {
        engine.execute("CREATE STREAM S (ID INT KEY, V STRING);", Map.of());
        engine.insert("S", List.of(Map.of("ID", 1, "V", "alpha"), Map.of("ID", 22, "V", "b")));

        String out = interactive("SELECT * FROM S;\nexit\n");

        assertThat(out).contains("""
                +----+-------+
                | ID | V     |
                +----+-------+
                | 1  | alpha |
                | 22 | b     |
                +----+-------+
                """);
    }

    @Test
    void shouldPrintPushQueryRowsAsTheyArriveUntilTheLimit() throws Exception {
        engine.execute("CREATE STREAM S (ID INT KEY, V STRING);", Map.of());
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            awaitPushQuery();
            insert(1, "a");
            insert(2, "b");
        });

        String out = interactive("SELECT * FROM S EMIT CHANGES LIMIT 2;\nexit\n");

        producer.get(30, TimeUnit.SECONDS);
        assertThat(out).contains("| 1            | a            |\n| 2            | b            |\n")
                .contains("Limit Reached\nQuery terminated");
    }

    @Test
    void shouldStopThePushQueryNotTheShellOnCtrlC() throws Exception {
        engine.execute("CREATE STREAM S (ID INT KEY, V STRING);", Map.of());
        try (Terminal terminal = terminal("SELECT * FROM S EMIT CHANGES;\nSHOW STREAMS;\nexit\n")) {
            CompletableFuture<Void> interrupter = CompletableFuture.runAsync(() -> {
                awaitPushQuery();
                insert(1, "a");
                terminal.raise(Terminal.Signal.INT);
            });
            Shell shell = new Shell(RunnelClient.create(server.uri()), terminal, null, OutputFormat.TABLE);

            assertThat(shell.runInteractive()).isZero();

            interrupter.get(30, TimeUnit.SECONDS);
        }
        String out = text();
        assertThat(engine.lastQuery().awaitClosed(10)).isTrue();
        assertThat(out).contains("Query terminated").contains("Stream Name");
    }

    @Test
    void shouldKeepHistoryInTheHistoryFile() throws Exception {
        interactive("SHOW STREAMS;\nexit\n");

        assertThat(Files.readString(dir.resolve("history"))).contains("SHOW STREAMS;");
    }

    @Test
    void shouldRunScriptFilesAndReportFailure() throws Exception {
        Path script = dir.resolve("setup.sql");
        Files.writeString(script, "-- setup\nCREATE STREAM S (ID INT KEY, V STRING);\nSHOW STREAMS;\n");
        try (Terminal terminal = terminal("")) {
            Shell shell = new Shell(RunnelClient.create(server.uri()), terminal,
                    new PrintWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), true), null, OutputFormat.TABLE);

            assertThat(shell.runScript("RUN SCRIPT '" + script + "';")).isTrue();
            assertThat(shell.runScript("DESCRIBE NOPE")).isFalse();
            assertThat(shell.names()).contains("S", "ABS", "COUNT");
        }
        assertThat(text()).contains("| S ")
                .contains("Could not find STREAM/TABLE 'NOPE' in the Metastore");
    }

    @Test
    void shouldPrintJsonWhenAskedTo() throws Exception {
        String out = interactive("output json\nSHOW STREAMS;\nquit\n");

        assertThat(out).contains("Output format: JSON").contains("\"@type\" : \"streams\"");
    }

    @Test
    void shouldSendSetPropertiesWithStatements() throws Exception {
        String out = interactive("SET 'auto.offset.reset' = 'earliest';\nUNSET 'auto.offset.reset';\nexit\n");

        assertThat(out).contains("Successfully changed local property 'auto.offset.reset' to 'earliest'.")
                .contains("Successfully unset local property 'auto.offset.reset'");
    }

    private void awaitPushQuery() {
        try {
            while (engine.queries().stream().noneMatch(q -> q.queryId().startsWith("transient_"))) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void insert(int id, String v) {
        try {
            engine.insert("S", List.of(Map.of("ID", id, "V", v)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
