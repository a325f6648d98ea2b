package io.runnel.sql.internal.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlParseException;
import org.junit.jupiter.api.Test;

/** Error messages are part of the user interface: their position, wording, expected list and hint. */
class SyntaxErrorTest {

    private static SqlParseException error(String sql) {
        return catchThrowableOfType(SqlParseException.class, () -> SqlParser.parse(sql));
    }

    @Test
    void shouldPointAtMisspelledKeywordEvenWhenItWasReadAsAnAlias() {
        SqlParseException e = error("SELECT a FORM s;");
        assertThat(e.getMessage()).isEqualTo("line 1:10: mismatched input 'FORM' expecting 'FROM'; did you mean FROM?");
        assertThat(e.errorCode()).isEqualTo(SqlErrorCode.SYNTAX_ERROR);
        assertThat(e.errorCode().code()).isEqualTo("RUNNEL-1001");
        assertThat(e.offendingToken()).contains("FORM");
        assertThat(e.expected()).containsExactly("'FROM'");
        assertThat(e.hint()).contains("did you mean FROM?");
    }

    @Test
    void shouldRejectNotEqualSpelledBangAfterStructAsType() {
        SqlParseException e = error("CREATE STREAM s (a STRUCT!=) WITH (kafka_topic='s', value_format='JSON');");
        assertThat(e.getMessage()).isEqualTo("line 1:26: mismatched input '!=' expecting '<'");
    }

    @Test
    void shouldPointAtMisspelledClauseKeywordReadAsAnAlias() {
        assertThat(error("SELECT a FROM s WHRE a = 1;").getMessage())
                .isEqualTo("line 1:17: syntax error at or near 'WHRE'; did you mean WHERE?");
        assertThat(error("SELECT a FROM s limt 5;").hint()).contains("did you mean LIMIT?");
    }

    @Test
    void shouldSuggestKeywordForMisspelledStatementStart() {
        SqlParseException e = error("SELEC a FROM s");
        assertThat(e.lineNumber()).isEqualTo(1);
        assertThat(e.columnNumber()).isEqualTo(1);
        assertThat(e.hint()).contains("did you mean SELECT?");
        SqlParseException stream = error("CREATE STREM s (a INT);");
        assertThat(stream.getMessage()).isEqualTo("line 1:8: mismatched input 'STREM' expecting "
                + "{'OR', 'SOURCE', 'STREAM', 'TABLE', 'TYPE'}; did you mean STREAM?");
    }

    @Test
    void shouldSummarizeExpectedExpressionTokens() {
        assertThat(error("SELECT * FROM s WHERE a = ;").getMessage())
                .isEqualTo("line 1:27: mismatched input ';' expecting an expression");
    }

    @Test
    void shouldListExpectedPunctuation() {
        assertThat(error("CREATE STREAM s (a INT KEY b STRING) WITH (kafka_topic='x');").getMessage())
                .isEqualTo("line 1:28: mismatched input 'b' expecting {',', ')'}");
    }

    @Test
    void shouldSayATypeIsExpectedWhereOneIs() {
        assertThat(error("SELECT CAST(a AS NULL) FROM s").getMessage())
                .isEqualTo("line 1:18: mismatched input 'NULL' expecting a type");
        assertThat(error("CREATE STREAM s (a, b INT) WITH (kafka_topic='s')").expected()).containsExactly("a type");
    }

    @Test
    void shouldReportEndOfInput() {
        SqlParseException e = error("DROP STREAM");
        assertThat(e.getMessage()).isEqualTo("line 1:12: unexpected end of input expecting an identifier");
        assertThat(e.offendingToken()).isEmpty();
    }

    @Test
    void shouldExplainReservedWordsUsedAsNames() {
        assertThat(error("SELECT from FROM s").getMessage()).isEqualTo("line 1:8: mismatched input 'from' expecting "
                + "{an expression, '*'}; 'from' is a reserved word; quote it as `FROM` to use it as a name");
    }

    @Test
    void shouldReportPositionOnLaterLines() {
        SqlParseException e = error("SHOW STREAMS;\nSELECT a\n  FROM s WHERE a = = 1;");
        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e.columnNumber()).isEqualTo(20);
    }

    @Test
    void shouldReportUnterminatedStringAsLexicalError() {
        SqlParseException e = error("SELECT 'abc FROM s");
        assertThat(e.errorCode()).isEqualTo(SqlErrorCode.LEXICAL_ERROR);
        assertThat(e.getMessage()).isEqualTo(
                "line 1:8: unterminated string literal; close it with ' (write '' for a quote inside a string)");
    }

    @Test
    void shouldReportUnknownCharacters() {
        assertThat(error("SELECT a FROM s #").getMessage()).isEqualTo("line 1:17: unexpected character '#'");
    }

    @Test
    void shouldListTimeUnitsWhenUnitIsMissing() {
        assertThat(error("SELECT a FROM s WINDOW TUMBLING (SIZE 10) GROUP BY a").expected())
                .contains("'SECONDS'", "'MILLISECONDS'");
    }

    @Test
    void shouldRejectDeepNestingBeforeParsing() {
        String deep = "SELECT " + "(".repeat(5_000) + "1" + ")".repeat(5_000) + " FROM s";
        SqlParseException e = error(deep);
        assertThat(e.errorCode()).isEqualTo(SqlErrorCode.TOO_DEEPLY_NESTED);
        assertThat(e.getMessage()).isEqualTo("line 1:" + (8 + SqlParser.MAX_NESTING)
                + ": brackets nested deeper than 256 levels; simplify the statement");
        String fine = "SELECT " + "(".repeat(SqlParser.MAX_NESTING) + "1" + ")".repeat(SqlParser.MAX_NESTING) + " FROM s";
        assertThat(SqlParser.parse(fine)).hasSize(1);
    }

    @Test
    void shouldReportStackExhaustionAsParseError() {
        String chain = "SELECT " + "a + ".repeat(50_000) + "1 FROM s";
        SqlParseException e = catchThrowableOfType(SqlParseException.class, () -> SqlParser.parse(chain));
        if (e != null) {
            assertThat(e.errorCode()).isEqualTo(SqlErrorCode.TOO_DEEPLY_NESTED);
        }
    }
}
