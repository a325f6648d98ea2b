package io.runnel.server.fuzz;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The SQL statements of the conformance files (every {@code "statements"} array under the
 * directory, QTT and REST files alike), in a fixed order, and seeded mutations of them: spans
 * deleted, duplicated or cut off, tokens that SQL parsers and type checkers trip over put in,
 * numbers made extreme, and source names swapped for the fuzzed server's own sources so that
 * mutated statements also reach the analyzer and the runtime.
 */
final class SqlCorpus {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private static final String[] TOKENS = {
        "'", "\"", "`", "(", ")", ",", ";", "*", ".", "NULL", "EMIT CHANGES", "EMIT FINAL", "GROUP BY ID",
        "PARTITION BY ID", "WINDOW TUMBLING (SIZE 1 SECOND)", "WINDOW SESSION (0 SECONDS)", "CAST(", "AS", "STRUCT<",
        "ARRAY[", "MAP(", "->", "=>", ":=", "1e999", "-9223372036854775809", "99999999999999999999999", "0x1F",
        "\u0000", "\u00e9", "\ud83d\ude00", "$", "#", "LIMIT -1", "LIMIT 99999999999", "LIMIT 0", "WHERE", "HAVING",
        "SELECT", "FROM", "JOIN", "WITHIN 1 SECOND", "ON", "CREATE", "DROP", "TERMINATE", "INSERT INTO", "VALUES",
        "DECIMAL(99, 100)", "DECIMAL(0,0)", "VARCHAR", "BYTES", "TIMESTAMP", "ROWTIME", "ROWPARTITION", "ROWOFFSET",
        "WINDOWSTART", "KEY", "PRIMARY KEY", "HEADERS", "HEADER('x')", "kafka_topic='x'", "partitions=0",
        "partitions=-1", "value_format='AVRO'", "value_format='NOPE'", "key_format='DELIMITED'", "timestamp='ID'",
        "wrapper_type='none'", "EXTRACTJSONFIELD(", "UCASE(", "SUBSTRING(", "COUNT(*)", "LATEST_BY_OFFSET(",
        "TRANSFORM(", "x => x", "CASE WHEN", "END", "BETWEEN", "LIKE", "IN (", "IS NOT NULL", "-", "/", "%", "/ 0",
        "% 0", "[", "]", "{", "}", "--", "/*", "*/", "\\", "\n", "\t"};

    private final List<String> statements;
    private final List<String> sources;

    private SqlCorpus(List<String> statements, List<String> sources) {
        this.statements = statements;
        this.sources = sources;
    }

    /** Reads every statement of the conformance files under {@code dir}; {@code sources} are swapped in. */
    static SqlCorpus load(Path dir, List<String> sources) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<String> found = new TreeSet<>();
        for (Path file : files) {
            try {
                collect(JSON.readTree(file.toFile()), found);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no statements under " + dir);
        }
        return new SqlCorpus(List.copyOf(found), List.copyOf(sources));
    }

    private static void collect(JsonNode node, TreeSet<String> out) {
        if (node.isObject()) {
            JsonNode statements = node.get("statements");
            if (statements != null && statements.isArray()) {
                statements.forEach(s -> {
                    if (s.isTextual()) {
                        out.add(s.asText());
                    }
                });
            }
            node.elements().forEachRemaining(child -> collect(child, out));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, out));
        }
    }

    int size() {
        return statements.size();
    }

    /** A statement as it is in the files. */
    String original(Random random) {
        return statements.get(random.nextInt(statements.size()));
    }

    /** A statement with one to three mutations. */
    String mutated(Random random) {
        String sql = original(random);
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            sql = mutate(sql, random);
        }
        return sql;
    }

    private String mutate(String sql, Random random) {
        int length = sql.length();
        int at = length == 0 ? 0 : random.nextInt(length + 1);
        switch (random.nextInt(9)) {
            case 0: { // delete a span
                int end = Math.min(length, at + 1 + random.nextInt(12));
                return sql.substring(0, at) + sql.substring(end);
            }
            case 1: // put a token in
                return sql.substring(0, at) + " " + TOKENS[random.nextInt(TOKENS.length)] + " " + sql.substring(at);
            case 2: { // duplicate a span
                int end = Math.min(length, at + 1 + random.nextInt(20));
                return sql.substring(0, end) + sql.substring(at, end) + sql.substring(end);
            }
            case 3: // cut off
                return sql.substring(0, at);
            case 4: // extreme numbers
                return sql.replaceFirst("\\b\\d+\\b", random.nextBoolean() ? "99999999999999999999" : "-1");
            case 5: { // swap two words
                List<String> words = new ArrayList<>(List.of(sql.split(" ")));
                if (words.size() > 2) {
                    Collections.swap(words, random.nextInt(words.size()), random.nextInt(words.size()));
                }
                return String.join(" ", words);
            }
            case 6: // the server's own sources
                return sql.replaceAll("(?i)\\b(TEST|INPUT|INPUT_STREAM|S1|T1|S|T)\\b",
                        sources.get(random.nextInt(sources.size())));
            case 7: // a very long identifier
                return sql.substring(0, at) + " A" + "x".repeat(2000 + random.nextInt(2000)) + " " + sql.substring(at);
            default: // a random character
                return sql.substring(0, at) + (char) random.nextInt(0x3000) + sql.substring(at);
        }
    }
}
