package io.runnel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlStatementsTest {

    @Test
    void shouldSplitAtTopLevelSemicolonsOnly() {
        assertThat(SqlStatements.split("SELECT ';' FROM s; -- x; y\n SHOW `a;b`;;/* ; */ LIST TOPICS"))
                .containsExactly("SELECT ';' FROM s", "SHOW `a;b`", "LIST TOPICS");
        assertThat(SqlStatements.split(" ; ;\n")).isEmpty();
    }

    @Test
    void shouldNotCheckSyntaxWhenSplitting() {
        assertThat(SqlStatements.split("SELEC nonsense ( ; x")).containsExactly("SELEC nonsense (", "x");
    }

    @Test
    void shouldRejectUnterminatedStringWhenSplitting() {
        assertThatThrownBy(() -> SqlStatements.split("SELECT 'abc;"))
                .isInstanceOfSatisfying(SqlParseException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SqlErrorCode.LEXICAL_ERROR);
                    assertThat(e.columnNumber()).isEqualTo(8);
                });
    }

    @Test
    void shouldReportCompleteOnlyWhenInputEndsWithSemicolonOutsideStringsAndComments() {
        assertThat(SqlStatements.isComplete("SELECT * FROM s;")).isTrue();
        assertThat(SqlStatements.isComplete("SELECT * FROM s; -- done\n")).isTrue();
        assertThat(SqlStatements.isComplete("SELECT * FROM s")).isFalse();
        assertThat(SqlStatements.isComplete("SELECT ';")).isFalse();
        assertThat(SqlStatements.isComplete("SELECT 1; /* still typing;")).isFalse();
        assertThat(SqlStatements.isComplete("")).isFalse();
        assertThat(SqlStatements.isComplete(";")).isFalse();
    }
}
