package io.runnel.sql.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropAndTypeTest {

    private final DdlSession ddl = new DdlSession("t", "u");

    @Test
    void shouldDropAStreamAndSayWhichTopicItRead() {
        ddl.run("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        assertThat(ddl.message("DROP STREAM S")).isEqualTo("Source S (topic: t) was dropped.");
        assertThat(ddl.session.catalog().findSource("S")).isEmpty();
        assertThat(ddl.topics.exists("t")).isTrue();
    }

    @Test
    void shouldRefuseToDropAMissingSourceUnlessIfExists() {
        SqlException e = ddl.fails("DROP STREAM test");
        assertThat(e).hasMessageContaining("Stream TEST does not exist.");
        assertThat(e.errorCode()).isEqualTo(SqlErrorCode.SOURCE_NOT_FOUND);
        assertThat(ddl.message("DROP TABLE IF EXISTS test")).isEqualTo("Source TEST does not exist.");
        assertThat(ddl.log.readAll()).isEmpty();
    }

    @Test
    void shouldRefuseToDropASourceOfTheOtherKind() {
        ddl.run("CREATE TABLE T (K INT PRIMARY KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        ddl.assertFails("DROP STREAM T", "Incompatible data source type is table, but statement was DROP stream");
    }

    @Test
    void shouldDeleteTheTopicWhenAsked() {
        ddl.run("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        ddl.run("DROP STREAM S DELETE TOPIC");
        assertThat(ddl.topics.exists("t")).isFalse();
    }

    @Test
    void shouldNotDeleteTheTopicOfAReadOnlySourceOrOneAnotherSourceReads() {
        ddl.run("CREATE SOURCE STREAM R (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        ddl.assertFails("DROP STREAM R DELETE TOPIC", "Cannot delete topic for read-only source: R");
        ddl.run("CREATE STREAM A (V INT) WITH (KAFKA_TOPIC='u', VALUE_FORMAT='JSON')");
        ddl.run("CREATE STREAM B (V INT) WITH (KAFKA_TOPIC='u', VALUE_FORMAT='JSON')");
        ddl.assertFails("DROP STREAM A DELETE TOPIC", "Refusing to delete topic. Found other data sources (B) using topic u");
        assertThat(ddl.topics.exists("t")).isTrue();
        assertThat(ddl.topics.exists("u")).isTrue();
    }

    @Test
    void shouldRefuseToDropASourceOtherSourcesRead() {
        DdlExecutor executor = new DdlExecutor(ddl.topics, ddl.log,
                source -> source.equals("BAR") ? java.util.Set.of("FOO", "BAZ") : java.util.Set.of());
        ddl.run("CREATE STREAM BAR (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        SqlException e = org.assertj.core.api.Assertions.catchThrowableOfType(SqlException.class,
                () -> executor.execute(io.runnel.sql.internal.parser.SqlParser.parse("DROP STREAM BAR").get(0), ddl.session));
        assertThat(e).hasMessageContaining("Cannot drop BAR." + System.lineSeparator()
                + "The following streams and/or tables read from this source: [BAZ, FOO]." + System.lineSeparator()
                + "You need to drop them before dropping BAR.");
        assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_DDL);
    }

    @Test
    void shouldRegisterAndDropCustomTypes() {
        assertThat(ddl.message("CREATE TYPE ADDRESS AS STRUCT<CITY STRING>"))
                .isEqualTo("Registered custom type with name 'ADDRESS' and SQL type STRUCT<`CITY` STRING>");
        assertThat(ddl.session.catalog().type("ADDRESS")).isEqualTo(new SqlType.Struct(
                List.of(new SqlType.Field("CITY", SqlType.STRING))));
        assertThat(ddl.message("DROP TYPE ADDRESS")).isEqualTo("Dropped type 'ADDRESS'");
        assertThat(ddl.session.catalog().findType("ADDRESS")).isEmpty();
    }

    @Test
    void shouldRefuseToRegisterATypeTwiceUnlessIfNotExists() {
        ddl.run("CREATE TYPE T AS INT");
        ddl.assertFails("CREATE TYPE T AS STRING", "Cannot register custom type 'T' since it is already registered with"
                + " type: INTEGER");
        assertThat(ddl.message("CREATE TYPE IF NOT EXISTS T AS STRING")).isEqualTo("T is already registered with type INTEGER");
        assertThat(ddl.log.readAll()).hasSize(1);
    }

    @Test
    void shouldRefuseToDropAMissingTypeUnlessIfExists() {
        ddl.assertFails("DROP TYPE NOPE", "Type NOPE does not exist.");
        assertThat(ddl.message("DROP TYPE IF EXISTS NOPE")).isEqualTo("Type 'NOPE' does not exist");
    }

    @Test
    void shouldRefuseUnknownTypesInColumnsWithTheirPosition() {
        SqlException e = ddl.fails("CREATE STREAM S (V ADRESS) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        assertThat(e.errorCode()).isEqualTo(SqlErrorCode.TYPE_NOT_FOUND);
        assertThat(e).hasMessageStartingWith("line 1:20: ");
    }

    @Test
    void shouldKeepTheResolvedTypeInSourcesWhenTheCustomTypeIsDropped() {
        ddl.run("CREATE TYPE A AS STRUCT<X INT>");
        ddl.run("CREATE STREAM S (V A) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        ddl.run("DROP TYPE A");
        assertThat(ddl.source("S").schemaSql()).isEqualTo("`V` STRUCT<`X` INTEGER>");
    }
}
