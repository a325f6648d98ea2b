package io.runnel.sql.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.internal.ast.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListingTest {

    private final DdlSession ddl = new DdlSession("orders", "users");

    @BeforeEach
    void sources() {
        ddl.run("CREATE STREAM ORDERS (ID BIGINT KEY, ITEMS ARRAY<STRING>, TOTAL DECIMAL(10, 2), TS BIGINT)"
                + " WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', TIMESTAMP='TS')");
        ddl.run("CREATE TABLE USERS (ID STRING PRIMARY KEY, ADDRESS STRUCT<CITY STRING>, TAGS MAP<STRING, INT>)"
                + " WITH (KAFKA_TOPIC='users', FORMAT='JSON', WINDOW_TYPE='TUMBLING', WINDOW_SIZE='1 MINUTE')");
    }

    @Test
    void shouldListStreamsAndTablesAsKsqlDbsSourceInfo() {
        assertThat(ddl.run("SHOW STREAMS")).isEqualTo(new StatementResult.SourceList("SHOW STREAMS", SourceKind.STREAM,
                List.of(new SourceSummary("STREAM", "ORDERS", "orders", "KAFKA", "JSON", false))));
        assertThat(ddl.run("LIST TABLES")).isEqualTo(new StatementResult.SourceList("LIST TABLES", SourceKind.TABLE,
                List.of(new SourceSummary("TABLE", "USERS", "users", "JSON", "JSON", true))));
    }

    @Test
    void shouldDescribeASourceWithKeyFieldsTopicFormatsTimestampAndWindow() {
        var described = (StatementResult.SourceDescribed) ddl.run("DESCRIBE ORDERS EXTENDED");
        SourceDescription d = described.source();
        assertThat(d.name()).isEqualTo("ORDERS");
        assertThat(d.type()).isEqualTo("STREAM");
        assertThat(d.topic()).isEqualTo("orders");
        assertThat(d.partitions()).isEqualTo(1);
        assertThat(d.timestamp()).isEqualTo("TS");
        assertThat(d.windowType()).isEmpty();
        assertThat(d.extended()).isTrue();
        assertThat(d.fields()).extracting(FieldInfo::name).containsExactly("ID", "ITEMS", "TOTAL", "TS");
        assertThat(d.fields().get(0).type()).contains("KEY");
        assertThat(d.fields().get(1).schema()).isEqualTo(new SchemaInfo("ARRAY", List.of(),
                Optional.of(new SchemaInfo("STRING", List.of(), Optional.empty(), Map.of())), Map.of()));
        assertThat(d.fields().get(2).schema().parameters()).containsEntry("precision", 10).containsEntry("scale", 2);

        SourceDescription users = ((StatementResult.SourceDescribed) ddl.run("DESCRIBE USERS")).source();
        assertThat(users.windowType()).contains("TUMBLING");
        assertThat(users.windowSizeMillis()).contains(60_000L);
        assertThat(users.fields().get(1).schema().fields()).extracting(FieldInfo::name).containsExactly("CITY");
        assertThat(users.fields().get(2).schema().memberSchema().map(SchemaInfo::type)).contains("INTEGER");
    }

    @Test
    void shouldDescribeAllSourcesOfAKind() {
        var all = (StatementResult.SourceDescriptionList) ddl.run("DESCRIBE TABLES EXTENDED");
        assertThat(all.sources()).extracting(SourceDescription::name).containsExactly("USERS");
        var extended = (StatementResult.SourceDescriptionList) ddl.run("SHOW STREAMS EXTENDED");
        assertThat(extended.sources()).extracting(SourceDescription::name).containsExactly("ORDERS");
    }

    @Test
    void shouldSuggestTheClosestNameWhenDescribingAMissingSource() {
        ddl.assertFails("DESCRIBE ORDER", "Could not find STREAM/TABLE 'ORDER' in the Metastore; did you mean 'ORDERS'?");
    }

    @Test
    void shouldListTopicsAndTypes() {
        ddl.run("CREATE TYPE ADDRESS AS STRUCT<CITY STRING>");
        assertThat(((StatementResult.TopicList) ddl.run("SHOW TOPICS")).topics())
                .containsExactly(new TopicInfo("orders", 1), new TopicInfo("users", 1));
        assertThat(((StatementResult.TypeList) ddl.run("SHOW TYPES")).types()).containsOnlyKeys("ADDRESS");
    }

    @Test
    void shouldNotLogListings() {
        int before = ddl.log.readAll().size();
        ddl.run("SHOW STREAMS");
        ddl.run("DESCRIBE ORDERS");
        assertThat(ddl.log.readAll()).hasSize(before);
    }

    @Test
    void shouldLeaveQueriesAndFunctionsToTheEngine() {
        assertThat(DdlExecutor.handles(io.runnel.sql.internal.parser.SqlParser.parseStatement("SHOW QUERIES"))).isFalse();
        assertThat(DdlExecutor.handles(io.runnel.sql.internal.parser.SqlParser.parseStatement("SHOW FUNCTIONS"))).isFalse();
        assertThat(DdlExecutor.handles(io.runnel.sql.internal.parser.SqlParser.parseStatement(
                "SELECT * FROM ORDERS EMIT CHANGES"))).isFalse();
        assertThat(DdlExecutor.handles(io.runnel.sql.internal.parser.SqlParser.parseStatement("SHOW TABLES"))).isTrue();
    }
}
