package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.engine.EngineResult;
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

    EngineResult list(Statement.ListObjects show, String text, SessionContext session) {
        Catalog catalog = session.catalog();
        return switch (show.what()) {
            case STREAMS, TABLES -> {
                SourceKind kind = show.what() == Statement.Listable.STREAMS ? SourceKind.STREAM : SourceKind.TABLE;
                yield show.extended()
                        ? new EngineResult.SourceDescriptions(text, describeAll(catalog, kind, true, text), false)
                        : new EngineResult.SourceList(text, kind.name(), sources(catalog, kind).stream()
                                .map(Descriptions::summary).toList());
            }
            case TOPICS -> new EngineResult.TopicList(text, (show.allTopics() ? topics.allNames() : topics.names())
                    .stream().map(name -> new EngineResult.TopicInfo(name, topics.partitions(name).orElse(1))).toList());
            case TYPES -> {
                Map<String, EngineResult.ColumnType> types = new LinkedHashMap<>();
                catalog.types().forEach((name, type) -> types.put(name, Descriptions.type(type)));
                yield new EngineResult.TypeList(text, types);
            }
            case PROPERTIES -> new EngineResult.PropertyList(text, SessionProperties.list(session.properties()));
            case VARIABLES -> new EngineResult.VariableList(text, session.variables());
            case QUERIES, FUNCTIONS -> throw new IllegalArgumentException("SHOW " + show.what() + " is the engine's");
        };
    }

    EngineResult describeAll(Statement.DescribeSources describe, String text, Catalog catalog) {
        return new EngineResult.SourceDescriptions(text,
                describeAll(catalog, describe.kind(), describe.extended(), text), false);
    }

    EngineResult describe(Statement.DescribeSource describe, String text, Catalog catalog) {
        DataSource source = catalog.findSource(describe.name()).orElseThrow(() -> new SqlException(
                SqlErrorCode.SOURCE_NOT_FOUND, "Could not find STREAM/TABLE '" + describe.name() + "' in the Metastore"
                + NameSuggester.closest(describe.name(), catalog.sources().keySet())
                        .map(n -> "; did you mean '" + n + "'?").orElse("")));
        return new EngineResult.SourceDescriptions(text,
                List.of(Descriptions.source(source, topics, describe.extended(), text)), true);
    }

    private List<EngineResult.SourceDetails> describeAll(Catalog catalog, SourceKind kind, boolean extended,
                                                         String text) {
        return sources(catalog, kind).stream().map(s -> Descriptions.source(s, topics, extended, text)).toList();
    }

    private static List<DataSource> sources(Catalog catalog, SourceKind kind) {
        return catalog.sources().values().stream().filter(s -> s.kind() == kind).toList();
    }
}
