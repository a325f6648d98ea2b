package io.runnel.sql.internal.command;

import java.util.Set;

/**
 * Which sources read a source: the sinks of persistent queries ({@code CREATE ... AS SELECT},
 * {@code INSERT INTO}) whose FROM names it. The engine, which runs those queries, supplies it;
 * {@code DROP} of a source that others read is refused as in ksqlDB.
 */
@FunctionalInterface
public interface SourceReferences {

    /** No source reads another (an engine without persistent queries). */
    SourceReferences NONE = source -> Set.of();

    /** Names of the sources whose queries read {@code source}; empty when none. */
    Set<String> readersOf(String source);
}
