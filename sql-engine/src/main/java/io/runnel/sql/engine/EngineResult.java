package io.runnel.sql.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a statement that is not a query answers, as data (the server turns it into ksqlDB-shaped
 * JSON, the shell into tables). Every result carries the statement's text.
 */
public sealed interface EngineResult {

    String statementText();

    /**
     * A statement done ({@code Stream created}, {@code Created query with ID CSAS_S_0}, ...).
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

    /** DESCRIBE name [EXTENDED], DESCRIBE STREAMS / SHOW STREAMS EXTENDED (one or more sources). */
    record SourceDescriptions(String statementText, List<SourceDetails> sources, boolean single)
            implements EngineResult {
        public SourceDescriptions {
            Objects.requireNonNull(statementText, "statementText");
            sources = List.copyOf(sources);
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

    /** A stream or table in a listing; {@code type} is STREAM or TABLE. */
    record SourceInfo(String type, String name, String topic, String keyFormat, String valueFormat, boolean windowed) {
        public SourceInfo {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A stream or table as DESCRIBE shows it.
     *
     * @param windowType   TUMBLING, HOPPING or SESSION for windowed sources
     * @param timestamp    the timestamp column, or empty text
     * @param readQueries  persistent queries reading it
     * @param writeQueries persistent queries writing it
     */
    record SourceDetails(String name, String type, List<FieldDetails> fields, String topic, int partitions,
                         int replication, String keyFormat, String valueFormat, Optional<String> windowType,
                         String timestamp, boolean readOnly, boolean extended, List<QueryInfo> readQueries,
                         List<QueryInfo> writeQueries, String statement) {
        public SourceDetails {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            fields = List.copyOf(fields);
            Objects.requireNonNull(windowType, "windowType");
            readQueries = List.copyOf(readQueries);
            writeQueries = List.copyOf(writeQueries);
        }
    }

    /** A column in a description; {@code role} is KEY, HEADER or empty for value columns. */
    record FieldDetails(String name, ColumnType schema, Optional<String> role) {
        public FieldDetails {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * A column type in a description.
     *
     * @param type       STRING, BIGINT, DECIMAL, ARRAY, MAP, STRUCT, ...
     * @param fields     a STRUCT's fields (empty otherwise)
     * @param member     an ARRAY's element or a MAP's value type
     * @param parameters a DECIMAL's precision and scale
     */
    record ColumnType(String type, List<FieldDetails> fields, Optional<ColumnType> member,
                      Map<String, Integer> parameters) {
        public ColumnType {
            Objects.requireNonNull(type, "type");
            fields = List.copyOf(fields);
            Objects.requireNonNull(member, "member");
            parameters = Map.copyOf(parameters);
        }
    }

    /** A topic and its partition count. */
    record TopicInfo(String name, int partitions) {
        public TopicInfo {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A property; {@code overridden} when set in the session or request. */
    record PropertyInfo(String name, String scope, String value, boolean overridden) {
        public PropertyInfo {
            Objects.requireNonNull(name, "name");
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
