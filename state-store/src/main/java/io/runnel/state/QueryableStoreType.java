package io.runnel.state;

import java.util.List;

/** A kind of read-only view of a store for interactive queries; see {@link QueryableStoreTypes}. */
public interface QueryableStoreType<T> {

    /** Whether a store can be viewed as this type. */
    boolean accepts(StateStore store);

    /** A read-only view over the given instances (one per task) of one store. */
    T create(List<StateStore> instances, String storeName);
}
