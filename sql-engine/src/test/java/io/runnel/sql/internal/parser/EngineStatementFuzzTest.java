package io.runnel.sql.internal.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.SqlException;
import io.runnel.sql.engine.ScriptException;
import io.runnel.sql.engine.SqlEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives a real engine with the statements of sampled conformance tests, then with mutations of
 * them (the mutations of {@link ParserFuzzTest}), and checks the engine's contract past the
 * parser: the analyzer, planner and topology builder answer every input with a result or a typed
 * {@link SqlException} (inside a {@link ScriptException}), never another exception. Statements
 * that would start a query (CREATE ... AS SELECT, INSERT INTO ... SELECT, SELECT) are sent as
 * {@code EXPLAIN}, which analyzes, plans and builds the topology without running it. Replay a
 * failure with -Drunnel.fuzz.seed=SEED; fuzz longer with -Drunnel.fuzz.tests=N (default 120).
 */
class EngineStatementFuzzTest {

    private static final int MUTATIONS_PER_TEST = 12;
    private static final Pattern QUERY = Pattern.compile(
            "(?is)\\s*(CREATE\\s+(OR\\s+REPLACE\\s+)?(STREAM|TABLE)\\s+.*\\bAS\\s+SELECT\\b.*"
                    + "|INSERT\\s+INTO\\s+\\S+\\s+SELECT\\b.*|SELECT\\b.*)");

    private static final Pattern PARTITIONS = Pattern.compile("(?i)\\bPARTITIONS\\s*=");
    private static final Pattern WITH = Pattern.compile("(?i)^\\s*CREATE\\b(?:(?!\\bAS\\s+SELECT\\b).)*?\\bWITH\\s*\\(",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void shouldAnswerEveryMutatedStatementWithResultOrTypedError() {
        long seed = Long.getLong("runnel.fuzz.seed", 20_261_123L);
        System.out.println("EngineStatementFuzzTest seed: " + seed + " (replay with -Drunnel.fuzz.seed=" + seed + ")");
        int sampled = Integer.getInteger("runnel.fuzz.tests", 120);
        Random random = new Random(seed);
        List<List<String>> tests = new ArrayList<>(byTest(ConformanceStatements.load()).values());
        int answered = 0;
        int rejected = 0;
        for (int t = 0; t < sampled; t++) {
            List<String> statements = tests.get(random.nextInt(tests.size()));
            try (SqlEngine engine = SqlEngine.open(dir.resolve("case-" + t), Map.of())) {
                List<String> inputs = new ArrayList<>(statements);
                for (int m = 0; m < MUTATIONS_PER_TEST; m++) {
                    inputs.add(ParserFuzzTest.mutate(statements.get(random.nextInt(statements.size())), random));
                }
                for (String input : inputs) {
                    String sql = QUERY.matcher(input).matches() ? "EXPLAIN " + input : input;
                    try {
                        engine.execute(sql, Map.of());
                        answered++;
                    } catch (ScriptException e) {
                        rejected++;
                        assertThat(e.getCause()).as("cause for %s", sql).isInstanceOf(SqlException.class);
                        assertThat(e.getCause().getMessage()).as("message for %s", sql).isNotBlank();
                    } catch (RuntimeException | Error e) {
                        throw new AssertionError("seed " + seed + ", test " + t + " threw " + e + " for: " + sql, e);
                    }
                }
            }
        }
        System.out.println("EngineStatementFuzzTest: " + answered + " statements answered, " + rejected + " rejected");
        assertThat(answered).isGreaterThan(sampled);
        assertThat(rejected).isGreaterThan(sampled);
    }

    /**
     * Each test's statements; a CREATE without PARTITIONS gets {@code PARTITIONS=1}, since the
     * conformance runner creates the tests' topics beforehand and this test does not.
     */
    private static Map<String, List<String>> byTest(List<ConformanceStatements.Entry> entries) {
        Map<String, List<String>> tests = new LinkedHashMap<>();
        for (ConformanceStatements.Entry e : entries) {
            String sql = e.sql();
            if (!PARTITIONS.matcher(sql).find()) {
                sql = WITH.matcher(sql).replaceFirst("$0PARTITIONS=1, ");
            }
            tests.computeIfAbsent(e.file() + "/" + e.test(), k -> new ArrayList<>()).add(sql);
        }
        return tests;
    }
}
