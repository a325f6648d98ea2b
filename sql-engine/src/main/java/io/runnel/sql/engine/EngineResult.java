package io.runnel.sql.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a statement that is not a query answers, as data (the server turns it into ksqlDB-shaped
 * JSON, the shell into tables). Every result carries the statement's text.
 *
 * <p>The one result type of the engine: the statement executors (DDL, listings, session
 * statements) build these records themselves; the engine only adds what it alone knows, the
 * persistent queries reading and writing a described source ({@link SourceDetails#withQueries}).
 */
public sealed interface EngineResult {

    String statementText();

    /**
     * A statement done ({@code Stream created}, {@code Source X (topic: t) was dropped.},
     * {@code Created query with ID CSAS_S_0}, ...).
     *
     * @param commandSequence position of its command in the command log, -1 when not logged
     * @param queryId         the persistent query it started or terminated, if any
     * @param commandId       ksqlDB's command id: {@code stream/`S`/create}, {@code terminate/CSAS_S_0/execute}, ...
     */
    record CommandDone(String statementText, String message, long commandSequence, Optional<String> queryId,
                       String commandId) implements EngineResult {
        public CommandDone {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(queryId, "queryId");
            Objects.requireNonNull(commandId, "commandId");
        }
    }

    /** SHOW STREAMS / SHOW TABLES, sorted by name; {@code kind} is STREAM or TABLE. */
    record SourceList(String statementText, String kind, List<SourceInfo> sources) implements EngineResult {
        public SourceList {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(kind, "kind");
            sources = List.copyOf(sources);
        }
    }

    /**
     * DESCRIBE name [EXTENDED] ({@code single}: exactly one source), DESCRIBE STREAMS [EXTENDED] /
     * SHOW STREAMS EXTENDED (and tables: one description per source).
     */
    record SourceDescriptions(String statementText, List<SourceDetails> sources, boolean single)
            implements EngineResult {
        public SourceDescriptions {
            Objects.requireNonNull(statementText, "statementText");
            sources = List.copyOf(sources);
            if (single && sources.size() != 1) {
                throw new IllegalArgumentException("a single description has one source, not " + sources.size());
            }
        }
    }

    /** SHOW TOPICS, sorted by name. */
    record TopicList(String statementText, List<TopicInfo> topics) implements EngineResult {
        public TopicList {
            Objects.requireNonNull(statementText, "statementText");
            topics = List.copyOf(topics);
        }
    }

    /** SHOW TYPES: custom types by name. */
    record TypeList(String statementText, Map<String, ColumnType> types) implements EngineResult {
        public TypeList {
            Objects.requireNonNull(statementText, "statementText");
            types = Collections.unmodifiableMap(new TreeMap<>(types));
        }
    }

    /** SHOW PROPERTIES, sorted by name. */
    record PropertyList(String statementText, List<PropertyInfo> properties) implements EngineResult {
        public PropertyList {
            Objects.requireNonNull(statementText, "statementText");
            properties = List.copyOf(properties);
        }
    }

    /** SHOW VARIABLES. */
    record VariableList(String statementText, Map<String, String> variables) implements EngineResult {
        public VariableList {
            Objects.requireNonNull(statementText, "statementText");
            variables = Collections.unmodifiableMap(new TreeMap<>(variables));
        }
    }

    /** SHOW QUERIES: the persistent queries, oldest first, then the running push queries. */
    record QueryList(String statementText, List<QueryInfo> queries) implements EngineResult {
        public QueryList {
            Objects.requireNonNull(statementText, "statementText");
            queries = List.copyOf(queries);
        }
    }

    /** EXPLAIN query-id: the query, its plan and its topology as text. */
    record QueryExplained(String statementText, QueryInfo query, List<String> sources, List<FieldDetails> fields,
                          String executionPlan, String topology) implements EngineResult {
        public QueryExplained {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(query, "query");
            sources = List.copyOf(sources);
            fields = List.copyOf(fields);
            Objects.requireNonNull(executionPlan, "executionPlan");
            Objects.requireNonNull(topology, "topology");
        }
    }

    /** SHOW FUNCTIONS, sorted by name. */
    record FunctionList(String statementText, List<FunctionInfo> functions) implements EngineResult {
        public FunctionList {
            Objects.requireNonNull(statementText, "statementText");
            functions = List.copyOf(functions);
        }
    }

    /**
     * DESCRIBE FUNCTION name; {@code type} is SCALAR, AGGREGATE or TABLE; one overload per signature
     * (e.g. {@code SUBSTRING(str STRING, pos INTEGER) => STRING}).
     */
    record FunctionDescribed(String statementText, String name, String type, String description, String author,
                             String version, String path, List<FunctionOverload> overloads) implements EngineResult {
        public FunctionDescribed {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(name, "name");
            overloads = List.copyOf(overloads);
        }
    }

    /** One signature of a function and its description. */
    record FunctionOverload(String signature, String description) {
        public FunctionOverload {
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** A stream or table in a listing (ksqlDB's {@code SourceInfo}); {@code type} is STREAM or TABLE. */
    record SourceInfo(String type, String name, String topic, String keyFormat, String valueFormat, boolean windowed) {
        public SourceInfo {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(keyFormat, "keyFormat");
            Objects.requireNonNull(valueFormat, "valueFormat");
        }
    }

    /**
     * A stream or table as DESCRIBE shows it, with the information of ksqlDB's
     * {@code SourceDescription}.
     *
     * @param type             STREAM or TABLE
     * @param fields           key columns first (role KEY), then the others
     * @param partitions       the topic's partition count, 0 when the topic is not visible
     * @param windowType       TUMBLING, HOPPING or SESSION for windowed sources
     * @param windowSizeMillis the window size of a windowed key, when it has one
     * @param timestamp        the timestamp column, or empty text (ROWTIME)
     * @param readOnly         a {@code CREATE SOURCE} source
     * @param extended         whether the extended form was asked for
     * @param readQueries      persistent queries reading it (added by the engine, which knows them)
     * @param writeQueries     persistent queries writing it (likewise)
     * @param statement        the text of the statement that described it
     */
    record SourceDetails(String name, String type, List<FieldDetails> fields, String topic, int partitions,
                         int replication, String keyFormat, String valueFormat, Optional<String> windowType,
                         Optional<Long> windowSizeMillis, String timestamp, boolean readOnly, boolean extended,
                         List<QueryInfo> readQueries, List<QueryInfo> writeQueries, String statement) {
        public SourceDetails {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            fields = List.copyOf(fields);
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(keyFormat, "keyFormat");
            Objects.requireNonNull(valueFormat, "valueFormat");
            Objects.requireNonNull(windowType, "windowType");
            Objects.requireNonNull(windowSizeMillis, "windowSizeMillis");
            Objects.requireNonNull(timestamp, "timestamp");
            readQueries = List.copyOf(readQueries);
            writeQueries = List.copyOf(writeQueries);
            Objects.requireNonNull(statement, "statement");
        }

        /** This description with the persistent queries reading and writing the source. */
        public SourceDetails withQueries(List<QueryInfo> reading, List<QueryInfo> writing) {
            return new SourceDetails(name, type, fields, topic, partitions, replication, keyFormat, valueFormat,
                    windowType, windowSizeMillis, timestamp, readOnly, extended, reading, writing, statement);
        }
    }

    /**
     * A column (or STRUCT field) in a description; {@code role} is KEY, HEADER or empty for value
     * columns; {@code headerKey} is the header's key of a {@code HEADER('k')} column.
     */
    record FieldDetails(String name, ColumnType schema, Optional<String> role, Optional<String> headerKey) {
        public FieldDetails {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(headerKey, "headerKey");
        }

        /** A value column or STRUCT field. */
        public static FieldDetails value(String name, ColumnType schema) {
            return new FieldDetails(name, schema, Optional.empty(), Optional.empty());
        }
    }

    /**
     * A column type in a description.
     *
     * @param type       STRING, BIGINT, DECIMAL, ARRAY, MAP, STRUCT, ...
     * @param fields     a STRUCT's fields (empty otherwise)
     * @param member     an ARRAY's element or a MAP's value type
     * @param parameters a DECIMAL's precision and scale, in that order
     */
    record ColumnType(String type, List<FieldDetails> fields, Optional<ColumnType> member,
                      Map<String, Integer> parameters) {
        public ColumnType {
            Objects.requireNonNull(type, "type");
            fields = List.copyOf(fields);
            Objects.requireNonNull(member, "member");
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /** A topic and its partition count (replicas are always 1 in an embedded log). */
    record TopicInfo(String name, int partitions) {
        public TopicInfo {
            Objects.requireNonNull(name, "name");
            if (partitions < 1) throw new IllegalArgumentException("partitions < 1: " + partitions);
        }
    }

    /**
     * A property: name, scope ({@code KSQL} for engine properties, {@code KAFKA} for client and
     * streams properties), the value in force ("" when unset) and whether the session or request
     * overrides the default.
     */
    record PropertyInfo(String name, String scope, String value, boolean overridden) {
        public PropertyInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A query in SHOW QUERIES: a persistent query, or a running push query (type PUSH, no sinks).
     *
     * @param type  PERSISTENT or PUSH
     * @param state RUNNING or ERROR (then {@code error} says why)
     */
    record QueryInfo(String id, String type, String sql, List<String> sinks, List<String> sinkTopics, String state,
                     Optional<String> error) {
        public QueryInfo {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(sql, "sql");
            sinks = List.copyOf(sinks);
            sinkTopics = List.copyOf(sinkTopics);
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(error, "error");
        }
    }

    /** A function in SHOW FUNCTIONS; {@code type} is SCALAR, AGGREGATE or TABLE. */
    record FunctionInfo(String name, String type, String category) {
        public FunctionInfo {
            Objects.requireNonNull(name, "name");
        }
    }
}
