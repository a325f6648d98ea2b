package io.runnel.sql.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runnel.sql.SqlException;
import io.runnel.sql.SqlParseException;
import io.runnel.sql.conformance.QttCase;
import io.runnel.sql.conformance.QttLoader;
import io.runnel.sql.conformance.QttRecord;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Property;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.parser.SqlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the DDL of ksqlDB's conformance files (read in place from {@code runnel.conformance.dir}):
 * every test whose statements are all DDL and that expects an error must fail on its last
 * statement (counted, and whether our message contains ksqlDB's); every DDL statement that comes
 * before the first query of a test expecting no error must run, and the sources it creates must
 * have the schema and formats the test's {@code post} section names.
 */
class ConformanceDdlTest {

    private static final List<QttCase> CASES = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        Path dir = Path.of(System.getProperty("runnel.conformance.dir")).resolve("qtt");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                CASES.addAll(QttLoader.load(file, file.getFileName().toString()));
            }
        }
    }

    @Test
    void shouldFailEveryDdlOnlyErrorCaseWithKsqlDbsMessage() {
        int cases = 0;
        int failedAsExpected = 0;
        int messageMatched = 0;
        int genericSyntaxErrors = 0;
        List<String> report = new ArrayList<>();
        for (QttCase qtt : CASES) {
            if (qtt.expectedError() == null || !allDdl(qtt.statements())) continue;
            cases++;
            Outcome outcome = run(qtt);
            if (outcome.failedOnLast()) failedAsExpected++;
            boolean matched = outcome.failedOnLast() && outcome.message().contains(qtt.expectedError().message());
            if (matched) messageMatched++;
            if (!matched && outcome.syntaxError() && qtt.expectedError().message().equals("Syntax Error")) {
                genericSyntaxErrors++;
            } else if (!matched) {
                report.add(qtt.id() + "\n    expected: " + qtt.expectedError().message() + "\n    got:      "
                        + (outcome.failedOnLast() ? outcome.message() : "no error on the last statement"
                        + (outcome.message().isEmpty() ? "" : " (" + outcome.message() + ")")));
            }
        }
        System.out.println("Conformance DDL sweep: " + cases + " DDL-error cases, " + failedAsExpected
                + " fail as expected, " + messageMatched + " match ksqlDB's message; " + genericSyntaxErrors
                + " more are syntax errors where ksqlDB says only 'Syntax Error' and the parser says what it expected");
        report.forEach(line -> System.out.println("  not matched: " + line));
        assertThat(cases).isEqualTo(33);
        assertThat(failedAsExpected).isEqualTo(cases);
        assertThat(messageMatched + genericSyntaxErrors).isEqualTo(cases);
    }

    @Test
    void shouldRunTheDdlOfEveryPassingCaseAndCreateTheSourcesItsPostSectionNames() {
        int statements = 0;
        int checkedSources = 0;
        List<String> failures = new ArrayList<>();
        for (QttCase qtt : CASES) {
            if (qtt.expectedError() != null || qtt.skipped()) continue;
            DdlExecutor executor = new DdlExecutor(topicsOf(qtt), new InMemoryCommandLog());
            SessionContext session = SessionContext.empty();
            for (var entry : qtt.properties().entrySet()) {
                if (entry.getKey().startsWith("ksql.persistence.default.format")) {
                    session = session.withProperty(entry.getKey(), entry.getValue());
                }
            }
            for (String sql : qtt.statements()) {
                Statement statement;
                try {
                    statement = SqlParser.parseStatement(sql);
                } catch (SqlException e) {
                    failures.add(qtt.id() + ": " + e.getMessage());
                    break;
                }
                if (!isDdl(statement)) break;
                statements++;
                try {
                    session = executor.execute(statement, session).session();
                } catch (SqlException e) {
                    failures.add(qtt.id() + ": " + sql + "\n    " + e.getMessage());
                    break;
                }
            }
            for (JsonNode expected : qtt.post() == null ? List.<JsonNode>of() : listOf(qtt.post().path("sources"))) {
                DataSource source = session.catalog().findSource(expected.path("name").asText()).orElse(null);
                if (source == null || !declaredByDdl(qtt, source.name())) continue;
                checkedSources++;
                String problem = compare(expected, source);
                if (problem != null) failures.add(qtt.id() + ": source " + source.name() + ": " + problem);
            }
        }
        System.out.println("Conformance DDL sweep: " + statements + " DDL statements of passing cases run, "
                + checkedSources + " sources checked against post, " + failures.size() + " failures");
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(failures).isEmpty();
    }

    private record Outcome(boolean failedOnLast, String message, boolean syntaxError) {
    }

    private static Outcome run(QttCase qtt) {
        DdlExecutor executor = new DdlExecutor(topicsOf(qtt), new InMemoryCommandLog());
        SessionContext session = SessionContext.empty();
        List<String> statements = qtt.statements();
        for (int i = 0; i < statements.size(); i++) {
            try {
                session = executor.execute(SqlParser.parseStatement(statements.get(i)), session).session();
            } catch (SqlException e) {
                return new Outcome(i == statements.size() - 1, e.getMessage(), e instanceof SqlParseException);
            }
        }
        return new Outcome(false, "", false);
    }

    /** As ksqlDB's test runner: every topic a statement, a record or the topics section names exists. */
    private static InMemoryTopics topicsOf(QttCase qtt) {
        Set<String> names = new HashSet<>();
        for (JsonNode topic : qtt.topics()) names.add(topic.path("name").asText());
        for (QttRecord record : qtt.inputs()) names.add(record.topic());
        for (QttRecord record : qtt.outputs()) names.add(record.topic());
        for (String sql : qtt.statements()) {
            try {
                Statement statement = SqlParser.parseStatement(sql);
                if (statement instanceof Statement.CreateSource create) {
                    for (Property property : create.properties()) {
                        if (property.name().equals("KAFKA_TOPIC") && property.value() instanceof Expression.StringLiteral s) {
                            names.add(s.text());
                        }
                    }
                }
            } catch (SqlException e) {
                // not ours to judge here
            }
        }
        return InMemoryTopics.of(names);
    }

    private static boolean allDdl(List<String> statements) {
        for (String sql : statements) {
            try {
                if (!isDdl(SqlParser.parseStatement(sql))) return false;
            } catch (SqlException e) {
                if (!sql.trim().toUpperCase(Locale.ROOT).matches("^(CREATE|DROP)\\s+(OR\\s+REPLACE\\s+)?(SOURCE\\s+)?"
                        + "(STREAM|TABLE|TYPE)\\b.*") || sql.toUpperCase(Locale.ROOT).contains(" AS SELECT")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isDdl(Statement statement) {
        return statement instanceof Statement.CreateSource || statement instanceof Statement.DropSource
                || statement instanceof Statement.CreateType || statement instanceof Statement.DropType
                || statement instanceof Statement.AlterSource;
    }

    private static boolean declaredByDdl(QttCase qtt, String name) {
        for (String sql : qtt.statements()) {
            try {
                Statement statement = SqlParser.parseStatement(sql);
                if (statement instanceof Statement.CreateSource c && c.name().equals(name)) return true;
            } catch (SqlException e) {
                // ignore
            }
        }
        return false;
    }

    private static List<JsonNode> listOf(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    /** Null when the source matches the post entry (type, schema, key format, window, value format). */
    private static String compare(JsonNode expected, DataSource source) {
        String type = expected.path("type").asText("");
        if (!type.isEmpty() && !type.equalsIgnoreCase(source.kind().name())) return "type " + source.kind();
        String schema = expected.path("schema").asText("");
        if (!schema.isEmpty()) {
            List<Column> columns = parseSchema(schema, source.kind());
            if (!sameColumns(columns, source.columns())) return "schema " + source.schemaSql() + ", expected " + schema;
        }
        JsonNode keyFormat = expected.path("keyFormat");
        if (keyFormat.isObject()) {
            if (keyFormat.has("format") && !keyFormat.path("format").asText().equalsIgnoreCase(source.formats().keyFormat())) {
                return "key format " + source.formats().keyFormat();
            }
            String windowType = keyFormat.path("windowType").asText("");
            String ours = source.formats().window().map(w -> w.kind().name()).orElse("");
            if (!windowType.equalsIgnoreCase(ours)) return "window " + ours + ", expected " + windowType;
            if (keyFormat.has("windowSize")
                    && source.formats().window().flatMap(w -> w.sizeMillis()).orElse(-1L) != keyFormat.path("windowSize").asLong()) {
                return "window size " + source.formats().window();
            }
        }
        String valueFormat = expected.path("valueFormat").asText("");
        if (!valueFormat.isEmpty() && !valueFormat.equalsIgnoreCase(source.formats().valueFormat())) {
            return "value format " + source.formats().valueFormat();
        }
        return null;
    }

    private static List<Column> parseSchema(String schema, io.runnel.sql.internal.ast.SourceKind kind) {
        String sql = "CREATE " + kind + " X (" + schema.replaceAll("(?i)PRIMARY KEY", "KEY")
                .replaceAll("(?i)\\bKEY\\b(?=\\s*(,|$))", kind == io.runnel.sql.internal.ast.SourceKind.TABLE
                        ? "PRIMARY KEY" : "KEY") + ") WITH (KAFKA_TOPIC='x', VALUE_FORMAT='JSON')";
        Statement.CreateSource create = (Statement.CreateSource) SqlParser.parseStatement(sql);
        return SourceSchemaBuilder.declared(kind, create.elements(),
                new io.runnel.sql.internal.catalog.TypeResolver(io.runnel.sql.internal.catalog.Catalog.empty()));
    }

    private static boolean sameColumns(List<Column> expected, List<Column> actual) {
        if (expected.size() != actual.size()) return false;
        Set<String> a = new HashSet<>();
        Set<String> b = new HashSet<>();
        for (Column c : expected) a.add(c.name() + " " + c.type().sql() + " " + c.isKey());
        for (Column c : actual) b.add(c.name() + " " + c.type().sql() + " " + c.isKey());
        return a.equals(b);
    }
}
