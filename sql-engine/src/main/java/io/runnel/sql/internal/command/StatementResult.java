package io.runnel.sql.internal.command;

import io.runnel.sql.internal.ast.SourceKind;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What a statement that runs no query answers, as data (the server turns it into ksqlDB-shaped
 * JSON, the shell into tables). Every result carries the statement's text.
 */
public sealed interface StatementResult {

    String statementText();

    /**
     * A statement done: {@code Stream created}, {@code Source X (topic: t) was dropped.}, ... and,
     * when it changed the catalog, the sequence number of its command in the command log.
     */
    record CommandStatus(String statementText, String message, OptionalLong commandSequence) implements StatementResult {
        public CommandStatus {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(commandSequence, "commandSequence");
        }
    }

    /** SHOW STREAMS / SHOW TABLES, sorted by name. */
    record SourceList(String statementText, SourceKind kind, List<SourceSummary> sources) implements StatementResult {
        public SourceList {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(kind, "kind");
            sources = List.copyOf(sources);
        }
    }

    /** SHOW STREAMS EXTENDED, DESCRIBE STREAMS [EXTENDED] (and tables): one description per source. */
    record SourceDescriptionList(String statementText, List<SourceDescription> sources) implements StatementResult {
        public SourceDescriptionList {
            Objects.requireNonNull(statementText, "statementText");
            sources = List.copyOf(sources);
        }
    }

    /** DESCRIBE name [EXTENDED]. */
    record SourceDescribed(String statementText, SourceDescription source) implements StatementResult {
        public SourceDescribed {
            Objects.requireNonNull(statementText, "statementText");
            Objects.requireNonNull(source, "source");
        }
    }

    /** SHOW TOPICS, sorted by name. */
    record TopicList(String statementText, List<TopicInfo> topics) implements StatementResult {
        public TopicList {
            Objects.requireNonNull(statementText, "statementText");
            topics = List.copyOf(topics);
        }
    }

    /** SHOW TYPES: custom types by name. */
    record TypeList(String statementText, Map<String, SchemaInfo> types) implements StatementResult {
        public TypeList {
            Objects.requireNonNull(statementText, "statementText");
            types = Collections.unmodifiableMap(new TreeMap<>(types));
        }
    }

    /** SHOW PROPERTIES, sorted by name. */
    record PropertyList(String statementText, List<PropertyEntry> properties) implements StatementResult {
        public PropertyList {
            Objects.requireNonNull(statementText, "statementText");
            properties = List.copyOf(properties);
        }
    }

    /** SHOW VARIABLES. */
    record VariableList(String statementText, Map<String, String> variables) implements StatementResult {
        public VariableList {
            Objects.requireNonNull(statementText, "statementText");
            variables = Collections.unmodifiableMap(new TreeMap<>(variables));
        }
    }
}
