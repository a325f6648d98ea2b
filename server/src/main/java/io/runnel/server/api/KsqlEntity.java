package io.runnel.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One result of {@code POST /ksql}, shaped like ksqlDB's {@code KsqlEntity}: a JSON object with
 * an {@code "@type"} naming the kind and the {@code "statementText"} that produced it. The JSON
 * names and {@code @type} values are ksqlDB's, so ksqlDB clients and tests read them unchanged.
 *
 * <p>Every kind is a record nested here; adding one is a compile error wherever entities are
 * rendered exhaustively (the shell's renderer switches over them).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = KsqlEntity.CommandStatusEntity.class, name = "currentStatus"),
    @JsonSubTypes.Type(value = KsqlEntity.StreamsList.class, name = "streams"),
    @JsonSubTypes.Type(value = KsqlEntity.TablesList.class, name = "tables"),
    @JsonSubTypes.Type(value = KsqlEntity.QueriesList.class, name = "queries"),
    @JsonSubTypes.Type(value = KsqlEntity.KafkaTopicsList.class, name = "kafka_topics"),
    @JsonSubTypes.Type(value = KsqlEntity.PropertiesList.class, name = "properties"),
    @JsonSubTypes.Type(value = KsqlEntity.FunctionNameList.class, name = "function_names"),
    @JsonSubTypes.Type(value = KsqlEntity.SourceDescriptionEntity.class, name = "sourceDescription"),
    @JsonSubTypes.Type(value = KsqlEntity.QueryDescriptionEntity.class, name = "queryDescription"),
    @JsonSubTypes.Type(value = KsqlEntity.WarningEntity.class, name = "warning_entity"),
    @JsonSubTypes.Type(value = KsqlEntity.SourceDescriptionList.class, name = "source_descriptions"),
    @JsonSubTypes.Type(value = KsqlEntity.FunctionDescriptionList.class, name = "describe_function"),
    @JsonSubTypes.Type(value = KsqlEntity.TypeList.class, name = "type_list"),
})
public sealed interface KsqlEntity {

    /** The statement that produced this entity, as the user wrote it. */
    String statementText();

    /**
     * A DDL or DML command that ran ({@code CREATE}, {@code DROP}, {@code TERMINATE}, ...).
     *
     * @param commandId             for example {@code stream/`PAGEVIEWS`/create}; accepted by
     *                              {@code GET /status/{commandId}}
     * @param commandSequenceNumber position in the command log, -1 if not logged
     */
    record CommandStatusEntity(String statementText, String commandId, CommandStatus commandStatus,
            long commandSequenceNumber) implements KsqlEntity {
        public CommandStatusEntity {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(commandId, "commandId");
            Objects.requireNonNull(commandStatus, "commandStatus");
        }
    }

    /** {@code SHOW STREAMS}. */
    record StreamsList(String statementText, List<SourceInfo> streams) implements KsqlEntity {
        public StreamsList {
            Objects.requireNonNull(statementText, "statementText");
            streams = List.copyOf(streams);
        }
    }

    /** {@code SHOW TABLES}. */
    record TablesList(String statementText, List<SourceInfo> tables) implements KsqlEntity {
        public TablesList {
            Objects.requireNonNull(statementText, "statementText");
            tables = List.copyOf(tables);
        }
    }

    /**
     * A stream or table in {@code SHOW STREAMS} / {@code SHOW TABLES}.
     *
     * @param type {@code STREAM} or {@code TABLE}
     */
    record SourceInfo(String type, String name, String topic, String keyFormat, String valueFormat,
            @JsonProperty("isWindowed") boolean isWindowed) {
        public SourceInfo {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code SHOW QUERIES}. */
    record QueriesList(String statementText, List<RunningQuery> queries) implements KsqlEntity {
        public QueriesList {
            Objects.requireNonNull(statementText, "statementText");
            queries = List.copyOf(queries);
        }
    }

    /**
     * A query in {@code SHOW QUERIES} and in a source description's read/write queries.
     *
     * @param statusCount number of hosts per state, for example {@code {"RUNNING": 1}}
     * @param queryType   {@code PERSISTENT} or {@code PUSH}
     * @param state       {@code RUNNING}, {@code ERROR}, ...
     * @param errorMessage why the query is in {@code ERROR}, or null
     */
    record RunningQuery(String queryString, List<String> sinks, List<String> sinkKafkaTopics, String id,
            Map<String, Integer> statusCount, String queryType, String state, String errorMessage) {
        public RunningQuery {
            Objects.requireNonNull(id, "id");
            sinks = sinks == null ? List.of() : List.copyOf(sinks);
            sinkKafkaTopics = sinkKafkaTopics == null ? List.of() : List.copyOf(sinkKafkaTopics);
            statusCount = statusCount == null ? Map.of() : Map.copyOf(statusCount);
        }

        /** A query without an error message (running, or failed without one). */
        public RunningQuery(String queryString, List<String> sinks, List<String> sinkKafkaTopics, String id,
                Map<String, Integer> statusCount, String queryType, String state) {
            this(queryString, sinks, sinkKafkaTopics, id, statusCount, queryType, state, null);
        }
    }

    /** {@code SHOW TOPICS}. */
    record KafkaTopicsList(String statementText, List<KafkaTopicInfo> topics) implements KsqlEntity {
        public KafkaTopicsList {
            Objects.requireNonNull(statementText, "statementText");
            topics = List.copyOf(topics);
        }
    }

    /** A topic in {@code SHOW TOPICS}; {@code replicaInfo} has one entry per partition. */
    record KafkaTopicInfo(String name, List<Integer> replicaInfo) {
        public KafkaTopicInfo {
            Objects.requireNonNull(name, "name");
            replicaInfo = replicaInfo == null ? List.of() : List.copyOf(replicaInfo);
        }
    }

    /** {@code SHOW PROPERTIES}. */
    record PropertiesList(String statementText, List<Property> properties, List<String> overwrittenProperties,
            List<String> defaultProperties) implements KsqlEntity {
        public PropertiesList {
            Objects.requireNonNull(statementText, "statementText");
            properties = List.copyOf(properties);
            overwrittenProperties = overwrittenProperties == null ? List.of() : List.copyOf(overwrittenProperties);
            defaultProperties = defaultProperties == null ? List.of() : List.copyOf(defaultProperties);
        }
    }

    /** A property in {@code SHOW PROPERTIES}; {@code scope} is KSQL, STREAMS, ... */
    record Property(String name, String scope, String value) {
        public Property {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code SHOW FUNCTIONS}. */
    record FunctionNameList(String statementText, List<SimpleFunctionInfo> functions) implements KsqlEntity {
        public FunctionNameList {
            Objects.requireNonNull(statementText, "statementText");
            functions = List.copyOf(functions);
        }
    }

    /**
     * A function in {@code SHOW FUNCTIONS}.
     *
     * @param type {@code SCALAR}, {@code AGGREGATE} or {@code TABLE}
     */
    record SimpleFunctionInfo(String name, String type, String category) {
        public SimpleFunctionInfo {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code DESCRIBE source} (and {@code DESCRIBE source EXTENDED}). */
    record SourceDescriptionEntity(String statementText, SourceDescription sourceDescription) implements KsqlEntity {
        public SourceDescriptionEntity {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(sourceDescription, "sourceDescription");
        }
    }

    /**
     * A stream or table, as {@code DESCRIBE} shows it.
     *
     * @param windowType {@code TUMBLING}, {@code HOPPING}, {@code SESSION} or null
     * @param type       {@code STREAM} or {@code TABLE}
     * @param timestamp  the timestamp column, or empty
     * @param extended   whether the EXTENDED fields (statistics, partitions, ...) are filled
     */
    record SourceDescription(String name, String windowType, List<RunningQuery> readQueries,
            List<RunningQuery> writeQueries, List<FieldInfo> fields, String type, String timestamp,
            String statistics, String errorStats, boolean extended, String keyFormat, String valueFormat,
            String topic, int partitions, int replication, String statement) {
        public SourceDescription {
            Objects.requireNonNull(name, "name");
            readQueries = readQueries == null ? List.of() : List.copyOf(readQueries);
            writeQueries = writeQueries == null ? List.of() : List.copyOf(writeQueries);
            fields = List.copyOf(fields);
        }
    }

    /**
     * A column in a description.
     *
     * @param type {@code KEY} for key columns, {@code HEADERS} for header columns, null otherwise
     */
    record FieldInfo(String name, SchemaInfo schema, String type) {
        public FieldInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schema, "schema");
        }
    }

    /**
     * A column type in a description.
     *
     * @param type         {@code STRING}, {@code BIGINT}, {@code DECIMAL}, {@code ARRAY},
     *                     {@code MAP}, {@code STRUCT}, ...
     * @param fields       a STRUCT's fields, null otherwise
     * @param memberSchema an ARRAY's element or a MAP's value type, null otherwise
     * @param parameters   type parameters such as a DECIMAL's {@code precision} and {@code scale}
     */
    record SchemaInfo(String type, List<FieldInfo> fields, SchemaInfo memberSchema, Map<String, Object> parameters) {
        public SchemaInfo {
            Objects.requireNonNull(type, "type");
            fields = fields == null ? null : List.copyOf(fields);
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }

        /** A primitive type without parameters. */
        public static SchemaInfo of(String type) {
            return new SchemaInfo(type, null, null, null);
        }
    }

    /** {@code EXPLAIN queryId}. */
    record QueryDescriptionEntity(String statementText, QueryDescription queryDescription) implements KsqlEntity {
        public QueryDescriptionEntity {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(queryDescription, "queryDescription");
        }
    }

    /**
     * A query, as {@code EXPLAIN} shows it.
     *
     * @param topology      the runtime topology, as text
     * @param executionPlan the plan, as text
     */
    record QueryDescription(String id, String statementText, String windowType, List<FieldInfo> fields,
            List<String> sources, List<String> sinks, String topology, String executionPlan,
            Map<String, Object> overriddenProperties, String queryType, String state) {
        public QueryDescription {
            Objects.requireNonNull(id, "id");
            fields = fields == null ? List.of() : List.copyOf(fields);
            sources = sources == null ? List.of() : List.copyOf(sources);
            sinks = sinks == null ? List.of() : List.copyOf(sinks);
            overriddenProperties = overriddenProperties == null ? Map.of() : Map.copyOf(overriddenProperties);
        }
    }

    /** {@code SHOW STREAMS EXTENDED}, {@code SHOW TABLES EXTENDED}: one description per source. */
    record SourceDescriptionList(String statementText, List<SourceDescription> sourceDescriptions)
            implements KsqlEntity {
        public SourceDescriptionList {
            Objects.requireNonNull(statementText, "statementText");
            sourceDescriptions = List.copyOf(sourceDescriptions);
        }
    }

    /**
     * {@code DESCRIBE FUNCTION name}.
     *
     * @param type      {@code SCALAR}, {@code AGGREGATE} or {@code TABLE}
     * @param functions one entry per signature
     */
    record FunctionDescriptionList(String statementText, String name, String description, String author,
            String version, String path, List<FunctionInfo> functions, String type) implements KsqlEntity {
        public FunctionDescriptionList {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(name, "name");
            functions = functions == null ? List.of() : List.copyOf(functions);
        }
    }

    /** One signature of a function in {@code DESCRIBE FUNCTION}. */
    record FunctionInfo(List<ArgumentInfo> arguments, String returnType, String description) {
        public FunctionInfo {
            arguments = arguments == null ? List.of() : List.copyOf(arguments);
        }
    }

    /** An argument of a function signature. */
    record ArgumentInfo(String name, String type, String description, boolean isVariadic) {
    }

    /** {@code SHOW TYPES}: custom types by name. */
    record TypeList(String statementText, Map<String, SchemaInfo> types) implements KsqlEntity {
        public TypeList {
            Objects.requireNonNull(statementText, "statementText");
            types = types == null ? Map.of() : Map.copyOf(types);
        }
    }

    /** A statement that did nothing worth a result but has something to say. */
    record WarningEntity(String statementText, String message) implements KsqlEntity {
        public WarningEntity {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(message, "message");
        }
    }
}
