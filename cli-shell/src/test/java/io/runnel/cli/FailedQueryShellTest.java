package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.api.StatementExecutor;
import io.runnel.server.api.StatementExecutorFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell connected to a real server shows a persistent query that failed at runtime (a row
 * it writes is larger than the log accepts) as ERROR with its reason in SHOW QUERIES' table.
 */
@Timeout(120)
class FailedQueryShellTest {

    @TempDir
    Path dir;

    @Test
    void shouldShowAFailedQueryAsErrorWithItsReasonInShowQueries() throws Exception {
        StatementExecutor executor = StatementExecutorFactory.load().orElseThrow()
                .create(dir, Map.of("commit.interval.ms", "50"));
        try (RunnelServer server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0).withDataDir(dir),
                executor)) {
            String url = server.uri().toString();
            String large = "x".repeat(400 * 1024); // fits the log; three times it does not
            assertThat(shell(url, "CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='s', partitions=1, "
                    + "value_format='json'); CREATE STREAM t AS SELECT id, CONCAT(v, v, v) AS v FROM s; "
                    + "INSERT INTO s (id, v) VALUES (1, '" + large + "');")).isZero();

            String shown = "";
            for (int i = 0; i < 600 && !shown.contains("ERROR"); i++) {
                Thread.sleep(50);
                out.reset();
                assertThat(shell(url, "SHOW QUERIES;")).isZero();
                shown = out.toString(StandardCharsets.UTF_8);
            }

            assertThat(shown).contains("CSAS_T_0").contains("| ERROR: cannot produce a record to T")
                    .contains("exceeds the limit");
        } finally {
            executor.close();
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int shell(String url, String sql) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return RunnelMain.run(new String[] {"shell", "--server", url, "--execute", sql},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                StatementExecutorFactory::load, InputStream.nullInputStream(), out);
    }
}
