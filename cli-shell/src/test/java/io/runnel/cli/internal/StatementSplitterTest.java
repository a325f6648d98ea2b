package io.runnel.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private final StatementSplitter splitter = new StatementSplitter();

    @Test
    void shouldSplitStatementsEndedBySemicolons() {
        StatementSplitter.Result r = splitter.split("SHOW STREAMS; SHOW TABLES;\n");

        assertThat(r.statements()).containsExactly("SHOW STREAMS;", "SHOW TABLES;");
        assertThat(r.isComplete()).isTrue();
    }

    @Test
    void shouldKeepAnUnfinishedStatementAsRemainder() {
        StatementSplitter.Result r = splitter.split("SHOW STREAMS; SELECT *\nFROM S");

        assertThat(r.statements()).containsExactly("SHOW STREAMS;");
        assertThat(r.remainder()).isEqualTo(" SELECT *\nFROM S");
        assertThat(r.isComplete()).isFalse();
    }

    @Test
    void shouldIgnoreSemicolonsInsideStringsIdentifiersAndComments() {
        String sql = "INSERT INTO S VALUES ('a;b', 'it''s;');\n"
                + "SELECT `x;y`, \"p;q\" FROM S -- not the end;\n"
                + "/* still ; not */ EMIT CHANGES;";

        StatementSplitter.Result r = splitter.split(sql);

        assertThat(r.statements()).containsExactly("INSERT INTO S VALUES ('a;b', 'it''s;');",
                "SELECT `x;y`, \"p;q\" FROM S -- not the end;\n/* still ; not */ EMIT CHANGES;");
    }

    @Test
    void shouldNotEndAStatementInsideAnOpenString() {
        StatementSplitter.Result r = splitter.split("INSERT INTO S VALUES ('unclosed;");

        assertThat(r.statements()).isEmpty();
        assertThat(r.isComplete()).isFalse();
    }

    @Test
    void shouldDropStatementsMadeOnlyOfCommentsAndTreatTrailingCommentsAsComplete() {
        StatementSplitter.Result r = splitter.split("-- a comment\n; SHOW STREAMS; -- trailing\n");

        assertThat(r.statements()).containsExactly("SHOW STREAMS;");
        assertThat(r.isComplete()).isTrue();
    }

    @Test
    void shouldStripLeadingCommentsForClassification() {
        assertThat(StatementSplitter.stripLeadingComments("-- c\n /* d */ SELECT 1;")).isEqualTo("SELECT 1;");
    }
}
