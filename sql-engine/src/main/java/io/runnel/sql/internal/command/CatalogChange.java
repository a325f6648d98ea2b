package io.runnel.sql.internal.command;

import io.runnel.sql.internal.catalog.Catalog;
import java.util.Objects;
import java.util.Optional;

/**
 * What a DDL statement decided, before anything is applied: the next catalog (the same instance
 * when nothing changes, e.g. {@code CREATE ... IF NOT EXISTS} of an existing name), the message
 * for the user, and the topic to create or delete. {@link DdlExecutor} applies it in the order
 * that keeps the log and the catalog consistent: create the topic, append the command, publish the
 * catalog; or append the command, publish the catalog, then delete the topic.
 */
record CatalogChange(Catalog catalog, String message, Optional<TopicAction> topicAction) {

    CatalogChange {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(topicAction, "topicAction");
    }

    static CatalogChange of(Catalog catalog, String message) {
        return new CatalogChange(catalog, message, Optional.empty());
    }

    /** A topic operation that goes with a catalog change. */
    sealed interface TopicAction {
        /** {@code CREATE ... WITH (PARTITIONS=n)} of a topic that does not exist yet; done before the command is logged. */
        record Create(String topic, int partitions, boolean compacted) implements TopicAction {
        }

        /** {@code DROP ... DELETE TOPIC}; done after the command is logged. */
        record Delete(String topic) implements TopicAction {
        }
    }
}
