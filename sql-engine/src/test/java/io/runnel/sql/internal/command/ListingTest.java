package io.runnel.sql.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.engine.EngineResult;
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
        assertThat(ddl.run("SHOW STREAMS")).isEqualTo(new EngineResult.SourceList("SHOW STREAMS", SourceKind.STREAM.name(),
                List.of(new EngineResult.SourceInfo("STREAM", "ORDERS", "orders", "KAFKA", "JSON", false))));
        assertThat(ddl.run("LIST TABLES")).isEqualTo(new EngineResult.SourceList("LIST TABLES", SourceKind.TABLE.name(),
                List.of(new EngineResult.SourceInfo("TABLE", "USERS", "users", "JSON", "JSON", true))));
    }

    @Test
    void shouldDescribeASourceWithKeyFieldsTopicFormatsTimestampAndWindow() {
        var described = (EngineResult.SourceDescriptions) ddl.run("DESCRIBE ORDERS EXTENDED");
        assertThat(described.single()).isTrue();
        EngineResult.SourceDetails d = described.sources().get(0);
        assertThat(d.name()).isEqualTo("ORDERS");
        assertThat(d.type()).isEqualTo("STREAM");
        assertThat(d.topic()).isEqualTo("orders");
        assertThat(d.partitions()).isEqualTo(1);
        assertThat(d.timestamp()).isEqualTo("TS");
        assertThat(d.windowType()).isEmpty();
        assertThat(d.extended()).isTrue();
        assertThat(d.fields()).extracting(EngineResult.FieldDetails::name).containsExactly("ID", "ITEMS", "TOTAL", "TS");
        assertThat(d.fields().get(0).role()).contains("KEY");
        assertThat(d.fields().get(1).schema()).isEqualTo(new EngineResult.ColumnType("ARRAY", List.of(),
                Optional.of(new EngineResult.ColumnType("STRING", List.of(), Optional.empty(), Map.of())), Map.of()));
        assertThat(d.fields().get(2).schema().parameters()).containsEntry("precision", 10).containsEntry("scale", 2);

        EngineResult.SourceDetails users = ((EngineResult.SourceDescriptions) ddl.run("DESCRIBE USERS")).sources().get(0);
        assertThat(users.windowType()).contains("TUMBLING");
        assertThat(users.windowSizeMillis()).contains(60_000L);
        assertThat(users.fields().get(1).schema().fields()).extracting(EngineResult.FieldDetails::name)
                .containsExactly("CITY");
        assertThat(users.fields().get(2).schema().member().map(EngineResult.ColumnType::type)).contains("INTEGER");
    }

    @Test
    void shouldDescribeAllSourcesOfAKind() {
        var all = (EngineResult.SourceDescriptions) ddl.run("DESCRIBE TABLES EXTENDED");
        assertThat(all.single()).isFalse();
        assertThat(all.sources()).extracting(EngineResult.SourceDetails::name).containsExactly("USERS");
        var extended = (EngineResult.SourceDescriptions) ddl.run("SHOW STREAMS EXTENDED");
        assertThat(extended.sources()).extracting(EngineResult.SourceDetails::name).containsExactly("ORDERS");
    }

    @Test
    void shouldSuggestTheClosestNameWhenDescribingAMissingSource() {
        ddl.assertFails("DESCRIBE ORDER", "Could not find STREAM/TABLE 'ORDER' in the Metastore; did you mean 'ORDERS'?");
    }

    @Test
    void shouldListTopicsAndTypes() {
        ddl.run("CREATE TYPE ADDRESS AS STRUCT<CITY STRING>");
        assertThat(((EngineResult.TopicList) ddl.run("SHOW TOPICS")).topics())
                .containsExactly(new EngineResult.TopicInfo("orders", 1), new EngineResult.TopicInfo("users", 1));
        assertThat(((EngineResult.TypeList) ddl.run("SHOW TYPES")).types()).containsOnlyKeys("ADDRESS");
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
