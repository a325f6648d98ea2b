package io.runnel.sql.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.engine.EngineResult;
import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import org.junit.jupiter.api.Test;

class SessionStatementsTest {

    private final DdlSession ddl = new DdlSession();

    @Test
    void shouldSetAndUnsetKnownProperties() {
        ddl.run("SET 'auto.offset.reset' = 'earliest'");
        ddl.run("SET 'ksql.streams.commit.interval.ms' = '100'");
        assertThat(ddl.session.properties()).containsEntry("auto.offset.reset", "earliest")
                .containsEntry("ksql.streams.commit.interval.ms", "100");
        ddl.run("UNSET 'auto.offset.reset'");
        assertThat(ddl.session.properties()).doesNotContainKey("auto.offset.reset");
        assertThat(ddl.log.readAll()).isEmpty();
    }

    @Test
    void shouldRefuseUnknownPropertyNamesAsKsqlDbDoes() {
        SqlException e = ddl.fails("SET 'foo.bar' = 'x'");
        assertThat(e).hasMessageContaining("Not recognizable as ksql, streams, consumer, or producer property: 'foo.bar'");
        assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_SESSION_PROPERTY);
        ddl.assertFails("UNSET 'ksql.nope'", "Not recognizable as ksql, streams, consumer, or producer property");
    }

    @Test
    void shouldRefuseValuesAPropertyDoesNotAccept() {
        ddl.assertFails("SET 'auto.offset.reset' = 'sometimes'", "Invalid value sometimes for configuration"
                + " auto.offset.reset: String must be one of: latest, earliest, none");
        ddl.assertFails("SET 'ksql.persistence.default.format.value' = 'AVRO'", "The 'AVRO' format is not supported");
        ddl.assertFails("SET 'ksql.service.id' = 'other'", "Cannot override property 'ksql.service.id'");
    }

    @Test
    void shouldAcceptClientPropertiesWithTheirPrefixes() {
        ddl.run("SET 'ksql.streams.producer.linger.ms' = '5'");
        ddl.run("SET 'consumer.max.poll.records' = '10'");
        assertThat(ddl.session.properties()).hasSize(2);
    }

    @Test
    void shouldShowDefaultsAndOverrides() {
        ddl.run("SET 'auto.offset.reset' = 'earliest'");
        var properties = ((EngineResult.PropertyList) ddl.run("SHOW PROPERTIES")).properties();
        assertThat(properties).contains(new EngineResult.PropertyInfo("auto.offset.reset", "KAFKA", "earliest", true),
                new EngineResult.PropertyInfo("ksql.persistence.default.format.key", "KSQL", "KAFKA", false));
    }

    @Test
    void shouldDefineVariablesUsedByLaterStatements() {
        ddl.run("DEFINE topic = 't'");
        assertThat(((EngineResult.VariableList) ddl.run("SHOW VARIABLES")).variables()).containsEntry("TOPIC", "t");
        ddl.session = ddl.session.withCatalog(ddl.session.catalog());
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON')",
                "Topic 't' does not exist");
        assertThat(ddl.message("UNDEFINE topic")).isEqualTo("Undefined variable TOPIC.");
        assertThat(ddl.session.variables()).isEmpty();
    }
}
