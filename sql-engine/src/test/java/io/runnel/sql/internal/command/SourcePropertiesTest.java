package io.runnel.sql.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.Property;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.parser.SqlParser;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SourcePropertiesTest {

    private static List<Property> with(String clause) {
        return ((Statement.CreateAsSelect) SqlParser.parseStatement("CREATE STREAM X WITH (" + clause
                + ") AS SELECT * FROM Y EMIT CHANGES")).properties();
    }

    @Test
    void shouldNotRequireATopicForCreateAsSelect() {
        SourceProperties props = SourceProperties.parse(with("VALUE_FORMAT='json', PARTITIONS=4"),
                SourceProperties.Statement.CREATE_AS_SELECT);
        assertThat(props.kafkaTopic()).isEmpty();
        assertThat(props.valueFormat()).contains("JSON");
        assertThat(props.keyFormat()).isEmpty();
        assertThat(props.partitions()).isEqualTo(OptionalInt.of(4));
    }

    @Test
    void shouldRefuseWindowPropertiesInCreateAsSelect() {
        assertThatThrownBy(() -> SourceProperties.parse(with("WINDOW_TYPE='SESSION'"),
                SourceProperties.Statement.CREATE_AS_SELECT))
                .isInstanceOf(SqlException.class)
                .hasMessage("Invalid config variable(s) in the WITH clause: WINDOW_TYPE");
    }

    @Test
    void shouldCopyFormatToKeyAndValue() {
        SourceProperties props = SourceProperties.parse(with("FORMAT='delimited'"),
                SourceProperties.Statement.CREATE_AS_SELECT);
        assertThat(props.keyFormat()).contains("DELIMITED");
        assertThat(props.valueFormat()).contains("DELIMITED");
    }

    @Test
    void shouldReadBackQuotedTimestampColumnsAsWritten() {
        SourceProperties props = SourceProperties.parse(with("TIMESTAMP='`eventTime`', TIMESTAMP_FORMAT='yyyy'"),
                SourceProperties.Statement.CREATE_AS_SELECT);
        assertThat(props.timestampColumn()).contains("eventTime");
        assertThat(SourceProperties.parse(with("TIMESTAMP='eventTime'"), SourceProperties.Statement.CREATE_AS_SELECT)
                .timestampColumn()).contains("EVENTTIME");
    }
}
