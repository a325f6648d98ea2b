package io.runnel.sql.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats.KeyWindow;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CreateSourceTest {

    private final DdlSession ddl = new DdlSession("t", "other");

    @Test
    void shouldCreateStreamWithKeyColumnsFirstAndKafkaKeyFormatByDefault() {
        assertThat(ddl.message("CREATE STREAM S (V STRING, ID INT KEY) WITH (kafka_topic='t', value_format='json')"))
                .isEqualTo("Stream created");

        DataSource s = ddl.source("S");
        assertThat(s.kind()).isEqualTo(SourceKind.STREAM);
        assertThat(s.schemaSql()).isEqualTo("`ID` INTEGER KEY, `V` STRING");
        assertThat(s.topic()).isEqualTo("t");
        assertThat(s.formats().keyFormat()).isEqualTo("KAFKA");
        assertThat(s.formats().valueFormat()).isEqualTo("JSON");
        assertThat(s.readOnly()).isFalse();
    }

    @Test
    void shouldCreateTableWithPrimaryKey() {
        assertThat(ddl.message("CREATE TABLE T (ID BIGINT PRIMARY KEY, NAME STRING) WITH (KAFKA_TOPIC='t', FORMAT='JSON')"))
                .isEqualTo("Table created");
        assertThat(ddl.source("T").keyColumns()).containsExactly(new Column("ID", SqlType.BIGINT, Column.Role.PRIMARY_KEY,
                Optional.empty()));
        assertThat(ddl.source("T").formats().keyFormat()).isEqualTo("JSON");
    }

    @Test
    void shouldRefuseTableWithoutPrimaryKeyWithKsqlDbsMessage() {
        SqlException e = ddl.fails("CREATE TABLE T (NAME STRING) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        assertThat(e).hasMessageContaining("Tables require a PRIMARY KEY. Please define the PRIMARY KEY.");
        assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_SCHEMA);
        assertThat(e.line()).contains(1);
    }

    @Test
    void shouldRefusePrimaryKeyInStreamAndKeyInTableAtTheColumn() {
        SqlException stream = ddl.fails("CREATE STREAM S (ID INT PRIMARY KEY) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        assertThat(stream).hasMessageContaining("line 1:18: Column `ID` is a 'PRIMARY KEY' column: please use 'KEY' for streams.");
        ddl.assertFails("CREATE TABLE T (ID INT KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "Column `ID` is a 'KEY' column: please use 'PRIMARY KEY' for tables.");
    }

    @Test
    void shouldRequireKafkaTopic() {
        ddl.assertFails("CREATE STREAM S (V INT) WITH (VALUE_FORMAT='JSON')",
                "Missing required property \"KAFKA_TOPIC\" which has no default value.");
    }

    @Test
    void shouldRefuseUnknownPropertiesListingThem() {
        SqlException e = ddl.fails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', FOO=1, \"bar\"='x')");
        assertThat(e).hasMessageContaining("Invalid config variable(s) in the WITH clause: FOO,BAR");
        assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_PROPERTY);
    }

    @Test
    void shouldRefuseValueOfTheWrongTypeAsKafkasConfigDefDoes() {
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', PARTITIONS='many')",
                "Invalid value many for property PARTITIONS: Not a number of type INT");
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', WRAP_SINGLE_VALUE='maybe')",
                "Invalid value maybe for property WRAP_SINGLE_VALUE: Expected value to be either true or false");
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC=5, VALUE_FORMAT='JSON')",
                "Invalid value 5 for property KAFKA_TOPIC: Expected value to be a string");
    }

    @Test
    void shouldAcceptNumbersWrittenAsStrings() {
        ddl.run("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', PARTITIONS='1', REPLICAS=3)");
        assertThat(ddl.source("S").topic()).isEqualTo("t");
    }

    @Test
    void shouldRequireValueFormatUnlessTheSessionSetsADefault() {
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t')", "Statement is missing the 'VALUE_FORMAT'"
                + " property from the WITH clause. Either provide one or set a default via the"
                + " 'ksql.persistence.default.format.value' config.");
        ddl.run("SET 'ksql.persistence.default.format.value' = 'DELIMITED'");
        ddl.run("SET 'ksql.persistence.default.format.key' = 'JSON'");
        ddl.run("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t')");
        assertThat(ddl.source("S").formats()).isEqualTo(new io.runnel.sql.internal.catalog.SourceFormats("JSON",
                "DELIMITED", Optional.empty()));
    }

    @Test
    void shouldRefuseFormatTogetherWithKeyOrValueFormat() {
        ddl.assertFails("CREATE STREAM S WITH (KAFKA_TOPIC='t', KEY_FORMAT='KAFKA', FORMAT='KAFKA')",
                "Cannot supply both 'KEY_FORMAT' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats."
                        + " Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.");
        ddl.assertFails("CREATE STREAM S WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', FORMAT='KAFKA')",
                "Cannot supply both 'VALUE_FORMAT' and 'FORMAT' properties");
    }

    @Test
    void shouldRefuseUnknownFormatsAndSchemaRegistryFormats() {
        SqlException unknown = ddl.fails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='foo')");
        assertThat(unknown).hasMessageContaining("Unknown format: FOO");
        assertThat(unknown.errorCode()).isEqualTo(SqlErrorCode.UNSUPPORTED_FORMAT);
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='AVRO')",
                "The 'AVRO' format is not supported: it needs a schema registry");
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', KEY_FORMAT='PROTOBUF')",
                "The 'PROTOBUF' format is not supported");
    }

    @Test
    void shouldRefuseSchemaRegistryProperties() {
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', VALUE_SCHEMA_ID=4)",
                "Property 'VALUE_SCHEMA_ID' is not supported: it refers to a schema registry");
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', KEY_SCHEMA_ID=4)",
                "Property 'KEY_SCHEMA_ID' is not supported");
    }

    @Test
    void shouldRequireTheTopicToExistUnlessPartitionsIsGiven() {
        SqlException e = ddl.fails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='missing', VALUE_FORMAT='JSON')");
        assertThat(e).hasMessageContaining("Topic 'missing' does not exist. If you want to create a new topic for the"
                + " stream/table please re-run the statement providing the required 'PARTITIONS' configuration in the"
                + " WITH clause (and optionally 'REPLICAS'). For example: CREATE STREAM S");
        assertThat(e).hasMessageContaining("PARTITIONS=2, REPLICAS=1");
        assertThat(e.errorCode()).isEqualTo(SqlErrorCode.TOPIC_NOT_FOUND);
        assertThat(ddl.topics.exists("missing")).isFalse();
    }

    @Test
    void shouldCreateTheTopicWhenPartitionsIsGiven() {
        ddl.run("CREATE TABLE T (ID INT PRIMARY KEY, V INT) WITH (KAFKA_TOPIC='new', VALUE_FORMAT='JSON', PARTITIONS=3)");
        assertThat(ddl.topics.partitions("new")).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void shouldNotCreateTheTopicWhenTheStatementIsInvalid() {
        ddl.fails("CREATE TABLE T (V INT) WITH (KAFKA_TOPIC='new', VALUE_FORMAT='JSON', PARTITIONS=3)");
        assertThat(ddl.topics.exists("new")).isFalse();
        assertThat(ddl.log.readAll()).isEmpty();
    }

    @Test
    void shouldReportATopicTheLogCannotCreateAsAUserError() {
        EngineTopics refusing = new EngineTopics() {
            @Override
            public java.util.Set<String> names() {
                return java.util.Set.of();
            }

            @Override
            public OptionalInt partitions(String topic) {
                return OptionalInt.empty();
            }

            @Override
            public void create(String topic, int partitions, boolean compacted) {
                throw new IllegalArgumentException("Invalid topic name: " + topic);
            }

            @Override
            public void delete(String topic) {
            }
        };
        DdlExecutor executor = new DdlExecutor(refusing, new InMemoryCommandLog());
        SqlException e = org.assertj.core.api.Assertions.catchThrowableOfType(SqlException.class, () -> executor.execute(
                io.runnel.sql.internal.parser.SqlParser.parse("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='a/b',"
                        + " VALUE_FORMAT='JSON', PARTITIONS=1)").get(0), SessionContext.empty()));
        assertThat(e).hasMessageContaining("Could not create topic 'a/b': Invalid topic name: a/b");
        assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_PROPERTY);
    }

    @Test
    void shouldAllowQuotedLowerCasePseudoColumnNames() {
        ddl.run("CREATE STREAM S (`rowtime` BIGINT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        assertThat(ddl.source("S").schemaSql()).isEqualTo("`rowtime` BIGINT");
    }

    @Test
    void shouldRefusePartitionsDifferentFromTheExistingTopics() {
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', PARTITIONS=4)",
                "A Kafka topic with the name 't' already exists, with different partition/replica configuration than"
                        + " required. KSQL expects 4 partitions (topic has 1)");
    }

    @Test
    void shouldAcceptTimestampColumnsOfBigintTimestampOrFormattedString() {
        ddl.run("CREATE STREAM A (TS BIGINT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', TIMESTAMP='ts')");
        ddl.run("CREATE STREAM B (TS TIMESTAMP) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', TIMESTAMP='TS')");
        ddl.run("CREATE STREAM C (`ts` STRING) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', TIMESTAMP='`ts`',"
                + " TIMESTAMP_FORMAT='yyyy-MM-dd')");
        assertThat(ddl.source("A").timestampColumn()).contains("TS");
        assertThat(ddl.source("C").timestampColumn()).contains("ts");
    }

    @Test
    void shouldRefuseTimestampColumnsThatAreMissingOrOfTheWrongType() {
        ddl.assertFails("CREATE STREAM S (TS BIGINT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', TIMESTAMP='nope')",
                "The TIMESTAMP column set in the WITH clause does not exist in the schema: 'NOPE'");
        ddl.assertFails("CREATE STREAM S (TS INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', TIMESTAMP='ts')",
                "Timestamp column, `TS`, should be LONG(INT64), TIMESTAMP, or a String with a timestamp_format specified");
        ddl.assertFails("CREATE STREAM S (TS STRING) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', TIMESTAMP='ts')",
                "A String timestamp field has been specified without also specifying the timestamp_format");
        ddl.assertFails("CREATE STREAM S (TS BIGINT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', TIMESTAMP='ts',"
                + " TIMESTAMP_FORMAT='yyyy')", "'TIMESTAMP_FORMAT' set in the WITH clause can only be used when the"
                + " timestamp column in of type STRING.");
        ddl.assertFails("CREATE STREAM S (TS STRING) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', TIMESTAMP='ts',"
                + " TIMESTAMP_FORMAT='yyyy-MM-dd''T{')", "Invalid datetime format for config:TIMESTAMP_FORMAT");
    }

    @Test
    void shouldAllowOneKafkaKeyColumnOfAPrimitiveType() {
        ddl.assertFails("CREATE STREAM S (A INT KEY, B INT KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "The 'KAFKA' format only supports a single field. Got: [`A` INTEGER KEY, `B` INTEGER KEY]");
        ddl.assertFails("CREATE STREAM S (A BOOLEAN KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "The 'KAFKA' format does not support type 'BOOLEAN'");
        SqlException e = ddl.fails("CREATE STREAM S (A DECIMAL(4, 2) KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        assertThat(e).hasMessageContaining("Key format does not support schema.").hasMessageContaining("format: KAFKA")
                .hasMessageContaining("The 'KAFKA' format does not support type 'DECIMAL'");
        ddl.run("CREATE STREAM OK (A INT KEY, B INT KEY, V INT) WITH (KAFKA_TOPIC='t', FORMAT='JSON')");
    }

    @Test
    void shouldAllowNoColumnsWithTheNoneFormat() {
        ddl.assertFails("CREATE STREAM S (K STRING KEY, V INT) WITH (KAFKA_TOPIC='t', KEY_FORMAT='NONE', VALUE_FORMAT='JSON')",
                "The 'NONE' format can only be used when no columns are defined. Got: [`K` STRING KEY]");
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='NONE')",
                "The 'NONE' format can only be used when no columns are defined. Got: [`V` INTEGER]");
        ddl.run("CREATE STREAM OK (V INT) WITH (KAFKA_TOPIC='t', KEY_FORMAT='NONE', VALUE_FORMAT='JSON')");
    }

    @Test
    void shouldRefuseNestedTypesInDelimitedAndMapsInKeys() {
        ddl.assertFails("CREATE STREAM S (V STRUCT<A INT>) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='DELIMITED')",
                "The 'DELIMITED' format does not support type 'STRUCT', column: `V`");
        ddl.assertFails("CREATE STREAM S (K MAP<STRING, INT> KEY, V INT) WITH (KAFKA_TOPIC='t', FORMAT='JSON')",
                "Map keys, including types that contain maps, are not supported");
    }

    @Test
    void shouldAllowWrapSingleValueOnlyForOneValueColumnOfAFormatThatSupportsIt() {
        ddl.assertFails("CREATE STREAM S (A INT, B INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', WRAP_SINGLE_VALUE=false)",
                "'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
        ddl.assertFails("CREATE STREAM S (A INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='DELIMITED', WRAP_SINGLE_VALUE=true)",
                "Format 'DELIMITED' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
        ddl.run("CREATE STREAM OK (A INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', WRAP_SINGLE_VALUE=false)");
    }

    @Test
    void shouldAllowDelimitersOnlyWithTheDelimitedFormat() {
        ddl.assertFails("CREATE STREAM S (A INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', VALUE_DELIMITER='|')",
                "JSON does not support the following configs: [delimiter]");
        ddl.assertFails("CREATE STREAM S (A INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='DELIMITED', VALUE_DELIMITER='||')",
                "Configuration VALUE_DELIMITER is invalid: Invalid delimiter value: '||'");
        ddl.run("CREATE STREAM OK (A INT, B INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='DELIMITED', VALUE_DELIMITER='TAB')");
    }

    @Test
    void shouldKeepFormatPropertiesInTheCatalogForTheSerdes() {
        ddl.run("CREATE STREAM D (K STRING KEY, A INT, B INT) WITH (KAFKA_TOPIC='t', FORMAT='DELIMITED',"
                + " VALUE_DELIMITER='TAB', KEY_DELIMITER='|')");
        ddl.run("CREATE STREAM J (A INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', WRAP_SINGLE_VALUE=false)");
        assertThat(ddl.source("D").formats().properties()).isEqualTo(java.util.Map.of("VALUE_DELIMITER", "\t",
                "KEY_DELIMITER", "|"));
        assertThat(ddl.source("J").formats().properties()).isEqualTo(java.util.Map.of("WRAP_SINGLE_VALUE", "false"));
    }

    @Test
    void shouldBakeTheSessionsWrappingDefaultIntoSingleColumnValues() {
        ddl.run("SET 'ksql.persistence.wrap.single.values' = 'false'");
        ddl.run("CREATE STREAM ONE (A INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        ddl.run("CREATE STREAM TWO (A INT, B INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        ddl.run("CREATE STREAM EXPLICIT (A INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', WRAP_SINGLE_VALUE=true)");
        assertThat(ddl.source("ONE").formats().properties()).isEqualTo(java.util.Map.of("WRAP_SINGLE_VALUE", "false"));
        assertThat(ddl.source("TWO").formats().properties()).isEmpty();
        assertThat(ddl.source("EXPLICIT").formats().properties()).isEqualTo(java.util.Map.of("WRAP_SINGLE_VALUE", "true"));
    }

    @Test
    void shouldRecordTheWindowOfWindowedSources() {
        ddl.run("CREATE TABLE T (K STRING PRIMARY KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON',"
                + " WINDOW_TYPE='Hopping', WINDOW_SIZE='30 seconds')");
        ddl.run("CREATE TABLE U (K STRING PRIMARY KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON',"
                + " WINDOW_TYPE='session')");
        assertThat(ddl.source("T").formats().window()).contains(new KeyWindow(KeyWindow.Kind.HOPPING, Optional.of(30_000L)));
        assertThat(ddl.source("U").formats().window()).contains(new KeyWindow(KeyWindow.Kind.SESSION, Optional.empty()));
    }

    @Test
    void shouldRefuseInconsistentWindowProperties() {
        String table = "CREATE TABLE T (K STRING PRIMARY KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', ";
        ddl.assertFails(table + "WINDOW_TYPE='TUMBLING')", "TUMBLING windows require 'WINDOW_SIZE' to be provided in"
                + " the WITH clause.");
        ddl.assertFails(table + "WINDOW_TYPE='SESSION', WINDOW_SIZE='1 SECOND')",
                "'WINDOW_SIZE' should not be set for SESSION windows.");
        ddl.assertFails(table + "WINDOW_TYPE='HOPPING', WINDOW_SIZE='30 bobs')",
                "Configuration WINDOW_SIZE is invalid: Invalid duration: '30 bobs'. Unknown time unit: 'BOBS'");
        ddl.assertFails(table + "WINDOW_TYPE='SLIDING', WINDOW_SIZE='1 SECOND')",
                "Invalid value SLIDING for property WINDOW_TYPE: String must be one of: SESSION, HOPPING, TUMBLING");
    }

    @Test
    void shouldCheckHeaderColumnTypes() {
        ddl.assertFails("CREATE STREAM S (H BYTES HEADERS, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "Invalid type for HEADERS column: expected ARRAY<STRUCT<`KEY` STRING, `VALUE` BYTES>>, got BYTES");
        ddl.assertFails("CREATE STREAM S (H INT HEADER('k'), V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "Invalid type for HEADER('k') column: expected BYTES, got INTEGER");
        ddl.run("CREATE STREAM OK (H ARRAY<STRUCT<`KEY` STRING, `VALUE` BYTES>> HEADERS, B BYTES HEADER('b'), V INT)"
                + " WITH (KAFKA_TOPIC='t', VALUE_FORMAT='KAFKA')");
        assertThat(ddl.source("OK").columns()).extracting(Column::role)
                .containsExactly(Column.Role.HEADERS, Column.Role.HEADERS, Column.Role.VALUE);
    }

    @Test
    void shouldRefuseReservedAndDuplicateColumnNamesAndEmptySchemas() {
        ddl.assertFails("CREATE STREAM S (ROWPARTITION STRING) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "'ROWPARTITION' is a reserved column name. You cannot use it as a name for a column.");
        ddl.assertFails("CREATE STREAM S (A INT, A STRING) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "Duplicate column names: `A`");
        ddl.assertFails("CREATE STREAM S WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "The statement does not define any columns.");
    }

    @Test
    void shouldResolveCustomTypesInColumns() {
        ddl.run("CREATE TYPE ADDRESS AS STRUCT<CITY STRING, ZIP INT>");
        ddl.run("CREATE STREAM S (A ADDRESS) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        assertThat(ddl.source("S").schemaSql()).isEqualTo("`A` STRUCT<`CITY` STRING, `ZIP` INTEGER>");
    }

    @Test
    void shouldRefuseAnExistingNameUnlessIfNotExistsOrOrReplace() {
        ddl.run("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        ddl.assertFails("CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "Cannot add stream 'S': A stream with the same name already exists");
        ddl.assertFails("CREATE TABLE S (K INT PRIMARY KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "Cannot add table 'S': A stream with the same name already exists");

        assertThat(ddl.message("CREATE STREAM IF NOT EXISTS S (W INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')"))
                .isEqualTo("Cannot add stream 'S': A stream with the same name already exists");
        assertThat(ddl.source("S").schemaSql()).isEqualTo("`V` INTEGER");

        ddl.run("CREATE OR REPLACE STREAM S (V INT, W INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        assertThat(ddl.source("S").schemaSql()).isEqualTo("`V` INTEGER, `W` INTEGER");
    }

    @Test
    void shouldReplaceOnlyWithAnUpgradeOfTheSameTopicFormatsAndLeadingColumns() {
        ddl.run("CREATE STREAM S (K INT KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        ddl.assertFails("CREATE OR REPLACE STREAM S (K INT KEY, W INT, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "Cannot upgrade data source: DataSource '`S`' has schema = `K` INTEGER KEY, `V` INTEGER which is not"
                        + " upgradeable to `K` INTEGER KEY, `W` INTEGER, `V` INTEGER. (The following columns are changed,"
                        + " missing or reordered: [`V` INTEGER])");
        ddl.assertFails("CREATE OR REPLACE STREAM S (K STRING KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "Key columns must be identical.");
        ddl.assertFails("CREATE OR REPLACE STREAM S (K INT KEY, V INT) WITH (KAFKA_TOPIC='other', VALUE_FORMAT='JSON')",
                "DataSource '`S`' has topic = t which is not upgradeable to other");
        ddl.run("CREATE OR REPLACE STREAM S (K INT KEY, V INT, W INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        assertThat(ddl.source("S").schemaSql()).isEqualTo("`K` INTEGER KEY, `V` INTEGER, `W` INTEGER");
    }

    @Test
    void shouldCreateReadOnlySourcesThatCannotBeReplaced() {
        ddl.run("CREATE SOURCE TABLE T (K INT PRIMARY KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        assertThat(ddl.source("T").readOnly()).isTrue();
        ddl.assertFails("CREATE OR REPLACE TABLE T (K INT PRIMARY KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "Cannot add table 'T': CREATE OR REPLACE is not supported on source tables.");
        ddl.assertFails("CREATE OR REPLACE SOURCE STREAM S (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')",
                "Cannot add stream 'S': CREATE OR REPLACE is not supported on source streams.");
        ddl.assertFails("ALTER TABLE T ADD COLUMN W INT", "Cannot alter table 'T': ALTER operations are not supported on"
                + " source tables.");
    }

    @Test
    void shouldAddValueColumnsWithAlter() {
        ddl.run("CREATE STREAM S (K INT KEY, V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')");
        assertThat(ddl.message("ALTER STREAM S ADD COLUMN W STRING, ADD X BIGINT")).isEqualTo("Stream S altered.");
        assertThat(ddl.source("S").schemaSql()).isEqualTo("`K` INTEGER KEY, `V` INTEGER, `W` STRING, `X` BIGINT");
        ddl.assertFails("ALTER STREAM S ADD COLUMN V INT", "Cannot add column `V` to schema. A column with the same name"
                + " already exists.");
        ddl.assertFails("ALTER TABLE S ADD COLUMN Y INT", "Incompatible data source type is STREAM, but statement was ALTER TABLE");
    }
}
