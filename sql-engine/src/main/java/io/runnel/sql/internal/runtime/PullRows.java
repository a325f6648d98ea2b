package io.runnel.sql.internal.runtime;

import java.util.List;
import java.util.Optional;

/**
 * Where a pull query reads its source's current rows, as the source's record bytes (decoded
 * and filtered by {@link PullQuery}): a table's materialized store ({@link StoreRows}) or its
 * topic ({@link TopicRows}).
 */
interface PullRows {

    /** Told each row; returns false to stop the read. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(byte[] key, byte[] value, long timestamp, int partition, long offset);
    }

    /**
     * Hands every row the lookups can match (every row when empty) to the visitor, until it
     * returns false. Rows the lookups do not match may be handed too: the caller filters.
     */
    void read(Optional<List<KeyConstraints.Lookup>> lookups, Visitor visitor);
}
