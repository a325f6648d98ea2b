package io.runnel.sql.internal.runtime;

import io.runnel.common.Header;
import java.util.List;
import java.util.Optional;

/**
 * Where a pull query reads its source's current rows, as the source's record bytes (decoded
 * and filtered by {@link PullQuery}): a table's materialized store ({@link StoreRows}) or its
 * topic ({@link TopicRows}).
 */
interface PullRows {

    /**
     * Told each row; returns false to stop the read. {@code headers} are the record's headers
     * (its HEADERS / HEADER('k') columns are read from them): a topic's records have theirs, a
     * store's rows none (a table's store holds header columns in its value rows).
     */
    @FunctionalInterface
    interface Visitor {
        boolean visit(byte[] key, byte[] value, long timestamp, int partition, long offset, List<Header> headers);

        /** A row without headers. */
        default boolean visit(byte[] key, byte[] value, long timestamp, int partition, long offset) {
            return visit(key, value, timestamp, partition, offset, List.of());
        }
    }

    /**
     * Hands every row the lookups can match (every row when empty) to the visitor, until it
     * returns false. Rows the lookups do not match may be handed too: the caller filters.
     */
    void read(Optional<List<KeyConstraints.Lookup>> lookups, Visitor visitor);
}
