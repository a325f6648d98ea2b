package io.runnel.sql.internal.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.SqlParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every statement of ksqlDB's conformance files parses (tests that expect an error may fail to parse). */
class ConformanceParseTest {

    @Test
    void shouldParseEveryConformanceStatement() {
        List<ConformanceStatements.Entry> entries = ConformanceStatements.load();
        List<String> unexpectedFailures = new ArrayList<>();
        List<String> expectedFailures = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        List<String> acceptedSyntaxErrors = new ArrayList<>();
        int parsed = 0;
        for (ConformanceStatements.Entry entry : entries) {
            distinct.add(entry.sql());
            try {
                SqlParser.parse(entry.sql());
                parsed++;
                if (entry.last() && entry.expectedErrorType().endsWith("ParseFailedException")) {
                    acceptedSyntaxErrors.add(entry.file() + " / " + entry.test() + ": " + entry.sql());
                }
            } catch (SqlParseException e) {
                String line = entry.file() + " / " + entry.test() + ": " + e.getMessage() + "\n    " + entry.sql();
                (entry.expectsError() ? expectedFailures : unexpectedFailures).add(line);
            }
        }
        System.out.printf("conformance: %d of %d statements parse (%d distinct statements); "
                        + "%d failures in tests expecting an error, %d unexpected failures%n",
                parsed, entries.size(), distinct.size(), expectedFailures.size(), unexpectedFailures.size());
        expectedFailures.forEach(f -> System.out.println("expected failure: " + f));
        unexpectedFailures.forEach(f -> System.out.println("UNEXPECTED failure: " + f));
        // ksqlDB rejects these while parsing (ParseFailedException); Runnel leaves them to the analyzer.
        System.out.printf("%d statements ksqlDB rejects as ParseFailedException parse here (left to the analyzer)%n",
                acceptedSyntaxErrors.size());
        acceptedSyntaxErrors.forEach(f -> System.out.println("accepted, ksqlDB rejects at parse: " + f));
        assertThat(entries).hasSizeGreaterThan(3000);
        assertThat(unexpectedFailures).isEmpty();
    }
}
