package io.runnel.sql.internal.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mutates conformance statements (drop, duplicate, swap and replace tokens, truncate, insert junk)
 * and checks the parser's contract: an AST, or a SqlParseException with a position inside the
 * input and never an internal error. Inputs that parse must also round-trip through SqlFormatter. Replay a failure with -Drunnel.fuzz.seed=SEED.
 */
class ParserFuzzTest {

    private static final int INPUTS = 20_000;
    private static final Pattern TOKEN = Pattern.compile("'(?:[^']|'')*'|`[^`]*`|\"[^\"]*\"|\\w+|\\S");
    private static final String JUNK = "'\"`$;(),.[]{}<>=!-+*/%|:@#\\\n\t?~^&0E";
    private static final String[] WORDS = {
        "SELECT", "FROM", "WHERE", "GROUP", "BY", "JOIN", "ON", "WITHIN", "EMIT", "CHANGES", "FINAL", "KEY",
        "PRIMARY", "HEADERS", "STRUCT", "MAP", "ARRAY", "CASE", "WHEN", "END", "CAST", "AS", "=>", "->", ":=",
        "NULL", "NOT", "IN", "LIKE", "BETWEEN", "AND", "WINDOW", "TUMBLING", "SIZE", "${x}", "1.5E400",
        "99999999999999999999", "''", "``", "DECIMAL(2, 5)", "DECIMAL", "-", "(", ")", "<", ">", ";", "GRACE",
        "PERIOD", "1e", "0x1", "\"\"", "EXPLAIN", "DESCRIBE", "PRINT", "INSERT", "VALUES", "1st", "ESCAPE 'ab'"
    };

    @Test
    void shouldOnlyReturnAnAstOrThrowSqlParseExceptionForMutatedStatements() {
        long seed = Long.getLong("runnel.fuzz.seed", 20_261_123L);
        System.out.println("ParserFuzzTest seed: " + seed + " (replay with -Drunnel.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> corpus = new ArrayList<>(new LinkedHashSet<>(
                ConformanceStatements.load().stream().map(ConformanceStatements.Entry::sql).toList()));
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < INPUTS; i++) {
            String input = mutate(corpus.get(random.nextInt(corpus.size())), random);
            try {
                for (ParsedStatement statement : SqlParser.parse(input)) {
                    String printed = SqlFormatter.format(statement.statement());
                    assertThat(AstWithoutPositions.of(SqlParser.parseStatement(printed)))
                            .as("round trip of mutated input %s%n  formatted: %s", input, printed)
                            .isEqualTo(AstWithoutPositions.of(statement.statement()));
                }
                parsed++;
            } catch (SqlParseException e) {
                rejected++;
                assertThat(e.errorCode()).as("input %s: %s", input, e.getMessage())
                        .isNotEqualTo(SqlErrorCode.PARSER_INTERNAL_ERROR);
                assertThat(e.lineNumber()).as("line of %s", input).isBetween(1, lines(input));
                assertThat(e.columnNumber()).as("column of %s", input).isGreaterThanOrEqualTo(1);
                assertThat(e.getMessage()).startsWith("line " + e.lineNumber() + ":" + e.columnNumber() + ": ");
            } catch (RuntimeException | Error e) {
                throw new AssertionError("seed " + seed + ", input " + i + " threw " + e + ": " + input, e);
            }
        }
        System.out.println("ParserFuzzTest: " + parsed + " mutated inputs parsed, " + rejected + " rejected");
        assertThat(rejected).isGreaterThan(INPUTS / 4);
    }

    private static int lines(String input) {
        return (int) input.chars().filter(c -> c == '\n').count() + 1;
    }

    static String mutate(String sql, Random random) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(sql);
        while (matcher.find()) tokens.add(matcher.group());
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !tokens.isEmpty(); m++) {
            int at = random.nextInt(tokens.size());
            switch (random.nextInt(7)) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, tokens.get(at));
                case 2 -> {
                    int other = random.nextInt(tokens.size());
                    String swap = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, swap);
                }
                case 3 -> tokens.subList(at, tokens.size()).clear();
                case 4 -> tokens.add(at, String.valueOf(JUNK.charAt(random.nextInt(JUNK.length()))));
                case 5 -> tokens.set(at, WORDS[random.nextInt(WORDS.length)]);
                default -> {
                    String token = tokens.get(at);
                    int cut = random.nextInt(token.length() + 1);
                    tokens.set(at, token.substring(0, cut) + JUNK.charAt(random.nextInt(JUNK.length()))
                            + token.substring(cut));
                }
            }
        }
        return String.join(random.nextInt(10) == 0 ? "\n" : " ", tokens);
    }
}
