package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.NameSuggester;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** SHOW / LIST of streams, tables, topics, types, properties and variables; DESCRIBE of sources. */
final class ListingExecutor {

    private final EngineTopics topics;

    ListingExecutor(EngineTopics topics) {
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    /** Whether {@link #list} answers this SHOW (queries and functions belong to the engine). */
    static boolean lists(Statement.Listable what) {
        return switch (what) {
            case STREAMS, TABLES, TOPICS, PROPERTIES, TYPES, VARIABLES -> true;
            case QUERIES, FUNCTIONS -> false;
        };
    }

    StatementResult list(Statement.ListObjects show, String text, SessionContext session) {
        Catalog catalog = session.catalog();
        return switch (show.what()) {
            case STREAMS, TABLES -> {
                SourceKind kind = show.what() == Statement.Listable.STREAMS ? SourceKind.STREAM : SourceKind.TABLE;
                yield show.extended()
                        ? new StatementResult.SourceDescriptionList(text, describeAll(catalog, kind, true))
                        : new StatementResult.SourceList(text, kind, sources(catalog, kind).stream()
                                .map(SourceSummary::of).toList());
            }
            case TOPICS -> new StatementResult.TopicList(text, (show.allTopics() ? topics.allNames() : topics.names()).stream()
                    .map(name -> new TopicInfo(name, topics.partitions(name).orElse(1))).toList());
            case TYPES -> {
                Map<String, SchemaInfo> types = new LinkedHashMap<>();
                catalog.types().forEach((name, type) -> types.put(name, SchemaInfo.of(type)));
                yield new StatementResult.TypeList(text, types);
            }
            case PROPERTIES -> new StatementResult.PropertyList(text, SessionProperties.list(session.properties()));
            case VARIABLES -> new StatementResult.VariableList(text, session.variables());
            case QUERIES, FUNCTIONS -> throw new IllegalArgumentException("SHOW " + show.what() + " is the engine's");
        };
    }

    StatementResult describeAll(Statement.DescribeSources describe, String text, Catalog catalog) {
        return new StatementResult.SourceDescriptionList(text, describeAll(catalog, describe.kind(), describe.extended()));
    }

    StatementResult describe(Statement.DescribeSource describe, String text, Catalog catalog) {
        DataSource source = catalog.findSource(describe.name()).orElseThrow(() -> new SqlException(
                SqlErrorCode.SOURCE_NOT_FOUND, "Could not find STREAM/TABLE '" + describe.name() + "' in the Metastore"
                + NameSuggester.closest(describe.name(), catalog.sources().keySet())
                        .map(n -> "; did you mean '" + n + "'?").orElse("")));
        return new StatementResult.SourceDescribed(text, SourceDescription.of(source, topics, describe.extended()));
    }

    private List<SourceDescription> describeAll(Catalog catalog, SourceKind kind, boolean extended) {
        return sources(catalog, kind).stream().map(s -> SourceDescription.of(s, topics, extended)).toList();
    }

    private static List<DataSource> sources(Catalog catalog, SourceKind kind) {
        return catalog.sources().values().stream().filter(s -> s.kind() == kind).toList();
    }
}
