package io.runnel.streams.internal.graph;

import io.runnel.streams.dsl.Named;
import java.util.HashMap;
import java.util.Map;

/**
 * Names of DSL operators, stores and internal topics. The scheme:
 * <ul>
 *   <li>an operator named by the user ({@link Named}, {@code Materialized.as}, {@code Grouped.as},
 *       {@code Consumed.as}, ...) keeps that name;</li>
 *   <li>otherwise it is {@code <kind>-<n>}: the operator kind ({@code filter}, {@code count},
 *       {@code join}, ...) and its 1-based index among operators <em>of the same kind</em> in this
 *       builder, in the order the program adds them. Adding an operator of another kind never
 *       renames an existing one (a new {@code filter} does not rename {@code count-1}'s store);
 *       name stateful operators explicitly to be immune to any reordering;</li>
 *   <li>a store is {@code <operator>-store} (join stores {@code <operator>-this-join-store},
 *       {@code -other-join-store}, {@code -outer-join-store}); a repartition topic is
 *       {@code <application.id>-<operator>-repartition}; a changelog topic is
 *       {@code <application.id>-<store>-changelog}.</li>
 * </ul>
 * Not thread-safe (one builder, one thread).
 */
public final class Names {
    private final Map<String, Integer> counters = new HashMap<>();

    /** The user's name if given, else {@code <kind>-<n>}. */
    public String operator(String kind, String userName) {
        if (userName != null) {
            return userName;
        }
        int n = counters.merge(kind, 1, Integer::sum);
        return kind + "-" + n;
    }

    public String operator(String kind, Named named) {
        return operator(kind, named == null ? null : named.name());
    }

    /** A processor name derived from an operator (e.g. {@code count-1-repartition-sink}). */
    public static String suffixed(String operator, String suffix) {
        return operator + "-" + suffix;
    }

    public static String store(String operator) {
        return operator + "-store";
    }

    public static String repartitionTopic(String operator) {
        return operator + "-repartition";
    }
}
