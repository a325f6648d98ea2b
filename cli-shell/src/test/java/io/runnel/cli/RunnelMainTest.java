package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.cli.internal.Options;
import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.api.StatementExecutorFactory;
import io.runnel.server.testing.ToyEngine;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnelMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Optional<StatementExecutorFactory> factory, String... args) {
        return RunnelMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> factory, InputStream.nullInputStream(), out);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldListWhatIsAvailableOnHelp() {
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        int code = RunnelMain.run(new String[] {"help"}, new PrintStream(help, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        assertThat(help.toString(StandardCharsets.UTF_8)).contains("Available now:").contains("benchmarks.jar list")
                .contains("./runnel shell --server URL");
    }

    @Test
    void shouldRefuseUnknownCommandWithExitCode2() {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = RunnelMain.run(new String[] {"frobnicate"}, System.out, new PrintStream(e, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(e.toString(StandardCharsets.UTF_8)).contains("'frobnicate' is not available");
    }

    @Test
    void shouldRefuseToServeWithAClearMessageWhenNoEngineIsWired() {
        int code = run(Optional.empty(), "server", "--port", "0");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("the SQL engine is not wired into this build yet");
    }

    @Test
    void shouldRefuseTheEmbeddedShellWhenNoEngineIsWired() {
        int code = run(Optional.empty());

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("embedded SQL engine is not wired").contains("--server");
    }

    @Test
    void shouldRejectUnknownOptionsWithExitCode2() {
        assertThat(run(Optional.empty(), "server", "--prot", "1")).isEqualTo(2);
        assertThat(err()).contains("unknown option --prot");
    }

    @Test
    void shouldExecuteStatementsOnAServerWithExecute() throws Exception {
        try (RunnelServer server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0), new ToyEngine())) {
            int code = run(Optional.empty(), "shell", "--server", server.uri().toString(),
                    "--execute", "CREATE STREAM S (ID INT KEY, V STRING); SHOW STREAMS");

            assertThat(code).isZero();
            assertThat(out()).contains("Stream created").contains("| S ");
        }
    }

    @Test
    void shouldExitWith1WhenAStatementOfAFileFails() throws Exception {
        Path file = dir.resolve("bad.sql");
        Files.writeString(file, "SHOW STREAMS;\nDESCRIBE NOPE;\n");
        try (RunnelServer server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0), new ToyEngine())) {
            int code = run(Optional.empty(), "shell", "--server", server.uri().toString(), "--file", file.toString(),
                    "--output", "json");

            assertThat(code).isEqualTo(1);
            assertThat(out()).contains("\"@type\" : \"streams\"").contains("Could not find STREAM/TABLE 'NOPE'");
        }
    }

    @Test
    void shouldRunTheEmbeddedShellOnTheEngineTheFactoryProvides() {
        StatementExecutorFactory factory = (dataDir, properties) -> new ToyEngine();

        int code = run(Optional.of(factory), "--data-dir", dir.toString(), "--execute",
                "CREATE STREAM S (ID INT KEY, V STRING); SHOW STREAMS;");

        assertThat(code).isZero();
        assertThat(out()).contains("| S ");
    }

    @Test
    void shouldRunAScriptOnTheEmbeddedSqlEngineAndKeepItsDataForTheNextRun() throws Exception {
        Path data = dir.resolve("data");
        Path script = dir.resolve("first.sql");
        Files.writeString(script, """
                CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='s', partitions=1, value_format='json');
                INSERT INTO s (id, v) VALUES (1, 'a');
                SET 'auto.offset.reset'='earliest';
                SELECT * FROM s EMIT CHANGES LIMIT 1;
                CREATE TABLE counts AS SELECT id, COUNT(*) AS n FROM s GROUP BY id;
                """);

        int code = run(StatementExecutorFactory.load(), "--data-dir", data.toString(), "--file", script.toString());

        assertThat(code).as(out() + err()).isZero();
        assertThat(out()).contains("Stream created").contains("| 1 ").contains("| a ").contains("Limit Reached")
                .contains("Created query with ID CTAS_COUNTS_0");
        out.reset();

        code = run(StatementExecutorFactory.load(), "--data-dir", data.toString(), "--execute",
                "INSERT INTO s (id, v) VALUES (1, 'b'); SELECT * FROM counts; SHOW QUERIES;");

        assertThat(code).as(out() + err()).isZero();
        assertThat(out()).contains("| 1  | 2 |").contains("CTAS_COUNTS_0").contains("RUNNING");
    }

    @Test
    void shouldRunTypedStatementsInTheInteractiveEmbeddedShell() throws Exception {
        TypedShell shell = new TypedShell();

        int code = shell.run(dir, List.of("CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='s', "
                + "partitions=1, value_format='json');", "INSERT INTO s (id, v) VALUES (1, 'a');", "SELECT * FROM s;",
                "exit"));

        assertThat(code).as(shell.out() + shell.err()).isZero();
        assertThat(shell.out()).contains("runnel>").contains("Stream created").contains("| 1  | a |");
    }

    @Test
    void shouldReadServerSetupFromConfigFileAndLetFlagsOverrideIt() throws Exception {
        Path config = dir.resolve("server.properties");
        Files.writeString(config, "listeners=http://0.0.0.0:9099\nksql.service.id=svc_\nauto.offset.reset=earliest\n");

        RunnelMain.ServerSetup setup = RunnelMain.ServerSetup.from(Options.parse(
                List.of("--config", config.toString(), "--port", "0", "--data-dir", "d"),
                java.util.Set.of("port", "bind", "data-dir", "config")));

        assertThat(setup.config().bindAddress()).isEqualTo("0.0.0.0");
        assertThat(setup.config().port()).isZero();
        assertThat(setup.config().serviceId()).isEqualTo("svc_");
        assertThat(setup.config().dataDir()).isEqualTo(Path.of("d"));
        assertThat(setup.engineProperties()).containsEntry("auto.offset.reset", "earliest");
    }

    @Test
    void shouldRunConformanceFilesOfADirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("t.json"), """
                {"tests": [{"name": "copy",
                  "statements": ["CREATE STREAM S (ID INT KEY, V STRING) WITH (kafka_topic='in', value_format='JSON');",
                                 "CREATE STREAM OUT AS SELECT * FROM S;"],
                  "inputs": [{"topic": "in", "key": 1, "value": {"V": "x"}}],
                  "outputs": [{"topic": "OUT", "key": 1, "value": {"V": "x"}}]}]}
                """);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = RunnelMain.run(new String[] {"conformance", dir.toString(), "--report", dir.resolve("r.json").toString()},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("conformance: 1 passed, 0 failed, 0 skipped");
    }
}
