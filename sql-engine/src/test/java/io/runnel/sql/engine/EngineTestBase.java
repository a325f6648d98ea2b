package io.runnel.sql.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the engine tests: an engine over its own log in a temp directory (opened by the
 * test, closed after it), fast commits, and the stream most tests start from.
 */
abstract class EngineTestBase {
    static final Map<String, Object> EARLIEST = Map.of("auto.offset.reset", "earliest");
    static final String CREATE_S = "CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='s', "
            + "partitions=1, value_format='json');";

    @TempDir
    Path dir;

    SqlEngine engine;

    /** Opens (or, after a close, reopens) the engine on the test's directory; commits every 50 ms. */
    SqlEngine open() {
        engine = SqlEngine.open(dir, Map.of("commit.interval.ms", "50"));
        return engine;
    }

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    List<List<Object>> pull(String sql) throws InterruptedException {
        return CollectingListener.pull(engine, sql);
    }
}
