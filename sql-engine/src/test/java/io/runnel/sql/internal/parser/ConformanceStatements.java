package io.runnel.sql.internal.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL statements of ksqlDB's query-validation test files (qtt/*.json and qtt/rqtt/*.json),
 * read in place from the folder named by the {@code runnel.conformance.dir} system property.
 * {@code {FORMAT}} placeholders become JSON; disabled tests are skipped.
 */
final class ConformanceStatements {

    /**
     * One statement of one test; {@code expectsError} when the test expects some statement to fail,
     * {@code expectedErrorType} the ksqlDB exception class or REST error type it names (empty if none).
     */
    record Entry(String file, String test, String sql, boolean expectsError, String expectedErrorType, boolean last) {
    }

    private ConformanceStatements() {
    }

    static Path directory() {
        String dir = System.getProperty("runnel.conformance.dir");
        if (dir == null) throw new IllegalStateException("system property runnel.conformance.dir is not set");
        return Path.of(dir);
    }

    static List<Entry> load() {
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);
        List<Entry> entries = new ArrayList<>();
        for (Path file : files()) {
            JsonNode root;
            try {
                root = mapper.readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            for (JsonNode test : root.path("tests")) {
                if (!test.path("enabled").asBoolean(true)) continue;
                boolean expectsError = test.has("expectedException") || test.has("expectedError");
                String errorType = test.has("expectedException") ? test.path("expectedException").path("type").asText()
                        : test.path("expectedError").path("type").asText();
                JsonNode statements = test.path("statements");
                for (int i = 0; i < statements.size(); i++) {
                    entries.add(new Entry(file.getFileName().toString(), test.path("name").asText(),
                            statements.get(i).asText().replace("{FORMAT}", "JSON"), expectsError, errorType,
                            i == statements.size() - 1));
                }
            }
        }
        return entries;
    }

    private static List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(directory().resolve("qtt"), directory().resolve("qtt").resolve("rqtt"))) {
            try (Stream<Path> listing = Files.list(dir)) {
                listing.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return files;
    }
}
