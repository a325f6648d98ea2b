package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.NameSuggester;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC]} with ksqlDB's rules: the source must
 * exist (unless IF EXISTS) and be of the kind named; a read-only source's topic is never deleted;
 * a topic another source still reads is not deleted; a source that other sources' queries read
 * ({@link SourceReferences}) is not dropped. Whether a query still writes the source (and must be
 * terminated first) is the engine's check, made before this one.
 */
final class DropSourceExecutor {

    private final SourceReferences references;

    DropSourceExecutor(SourceReferences references) {
        this.references = java.util.Objects.requireNonNull(references, "references");
    }

    CatalogChange execute(Statement.DropSource drop, Catalog catalog) {
        String kind = drop.kind().name().toLowerCase(Locale.ROOT);
        Optional<DataSource> found = catalog.findSource(drop.name());
        if (found.isEmpty()) {
            if (drop.ifExists()) return CatalogChange.of(catalog, "Source " + drop.name() + " does not exist.");
            String hint = NameSuggester.closest(drop.name(), catalog.sources().keySet())
                    .map(n -> " Did you mean '" + n + "'?").orElse("");
            throw new SqlException(SqlErrorCode.SOURCE_NOT_FOUND, Character.toUpperCase(kind.charAt(0)) + kind.substring(1)
                    + " " + drop.name() + " does not exist." + hint);
        }
        DataSource source = found.get();
        if (source.kind() != drop.kind()) {
            throw new SqlException(SqlErrorCode.INVALID_DDL, "Incompatible data source type is "
                    + source.kind().name().toLowerCase(Locale.ROOT) + ", but statement was DROP " + kind);
        }
        List<String> readers = references.readersOf(drop.name()).stream().filter(r -> !r.equals(drop.name()))
                .sorted().toList();
        if (!readers.isEmpty()) {
            String nl = System.lineSeparator();
            throw new SqlException(SqlErrorCode.INVALID_DDL, "Cannot drop " + drop.name() + "." + nl
                    + "The following streams and/or tables read from this source: [" + String.join(", ", readers) + "]."
                    + nl + "You need to drop them before dropping " + drop.name() + ".");
        }
        Optional<CatalogChange.TopicAction> topicAction = Optional.empty();
        if (drop.deleteTopic()) {
            if (source.readOnly()) {
                throw new SqlException(SqlErrorCode.INVALID_DDL, "Cannot delete topic for read-only source: " + drop.name());
            }
            List<String> others = catalog.sources().values().stream()
                    .filter(s -> !s.name().equals(source.name()) && s.topic().equals(source.topic()))
                    .map(DataSource::name).toList();
            if (!others.isEmpty()) {
                throw new SqlException(SqlErrorCode.INVALID_DDL, "Refusing to delete topic. Found other data sources ("
                        + String.join(", ", others) + ") using topic " + source.topic());
            }
            topicAction = Optional.of(new CatalogChange.TopicAction.Delete(source.topic()));
        }
        return new CatalogChange(catalog.withoutSource(drop.name()),
                "Source " + drop.name() + " (topic: " + source.topic() + ") was dropped.", topicAction);
    }
}
