package io.runnel.streams.dsl;

import java.util.Map;

/**
 * Splits a stream: each record goes to the first branch whose predicate matches, else to the
 * default branch (if any) or nowhere. Branch streams are named {@code <split name>-<branch name>}
 * (branch names default to their 1-based position) and returned by {@link #noDefaultBranch()} or
 * {@link #defaultBranch()}.
 */
public interface BranchedKStream<K, V> {

    BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate);

    BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate, Branched<K, V> branched);

    Map<String, KStream<K, V>> defaultBranch();

    Map<String, KStream<K, V>> defaultBranch(Branched<K, V> branched);

    Map<String, KStream<K, V>> noDefaultBranch();
}
