package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.TableUdaf;
import io.runnel.sql.function.Udaf;
import io.runnel.sql.function.UdafDescription;
import io.runnel.sql.function.UdafFactory;
import io.runnel.sql.function.UdfParameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * MIN, MAX (NULLs skipped; any comparable type), COLLECT_LIST (NULLs kept, usable over tables),
 * COLLECT_SET, TOPK and TOPKDISTINCT (descending). COLLECT_LIST and COLLECT_SET hold any number of
 * values, as in ksqlDB, unless limited: the session properties
 * {@value #COLLECT_LIST_LIMIT} and {@value #COLLECT_SET_LIMIT} become a second, constant argument
 * (the analyzer adds it, so the plan keeps it); values past the limit are ignored; a negative
 * limit means none.
 */
public final class CollectAggregates {
    /** ksqlDB's setting of the most values COLLECT_LIST keeps. */
    public static final String COLLECT_LIST_LIMIT = "ksql.functions.collect_list.limit";
    /** ksqlDB's setting of the most values COLLECT_SET keeps. */
    public static final String COLLECT_SET_LIMIT = "ksql.functions.collect_set.limit";

    private CollectAggregates() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<Object> NATURAL = (a, b) -> ((Comparable) a).compareTo(b);

    static <T> Udaf<T, T, T> extreme(boolean max) {
        return new Udaf<>() {
            @Override
            public T initialize() {
                return null;
            }

            @Override
            public T aggregate(T current, T aggregate) {
                if (current == null) return aggregate;
                if (aggregate == null) return current;
                int c = NATURAL.compare(current, aggregate);
                return (max ? c > 0 : c < 0) ? current : aggregate;
            }

            @Override
            public T merge(T aggOne, T aggTwo) {
                return aggregate(aggTwo, aggOne);
            }

            @Override
            public T map(T aggregate) {
                return aggregate;
            }
        };
    }

    @UdafDescription(name = "MAX", category = "AGGREGATE", description = "The greatest non-NULL value.")
    public static final class Max {
        @UdafFactory(description = "The greatest value.")
        public static <T> Udaf<T, T, T> max() {
            return extreme(true);
        }
    }

    @UdafDescription(name = "MIN", category = "AGGREGATE", description = "The least non-NULL value.")
    public static final class Min {
        @UdafFactory(description = "The least value.")
        public static <T> Udaf<T, T, T> min() {
            return extreme(false);
        }
    }

    private static int limit(Integer limit) {
        return limit == null || limit < 0 ? Integer.MAX_VALUE : limit;
    }

    @UdafDescription(name = "COLLECT_LIST", category = "AGGREGATE", description = "All values, in arrival order (at most "
            + COLLECT_LIST_LIMIT + " of them when that is set).")
    public static final class CollectList {
        @UdafFactory(description = "Collects values into an array.")
        public static <T> TableUdaf<T, List<T>, List<T>> collectList() {
            return collectList(null);
        }

        @UdafFactory(description = "Collects at most limit values into an array (negative: no limit).")
        public static <T> TableUdaf<T, List<T>, List<T>> collectList(@UdfParameter("limit") Integer limitArgument) {
            int limit = limit(limitArgument);
            return new TableUdaf<>() {
                @Override
                public List<T> initialize() {
                    return new ArrayList<>();
                }

                @Override
                public List<T> aggregate(T current, List<T> aggregate) {
                    if (aggregate.size() >= limit) return aggregate;
                    List<T> out = new ArrayList<>(aggregate);
                    out.add(current);
                    return out;
                }

                @Override
                public List<T> merge(List<T> aggOne, List<T> aggTwo) {
                    List<T> out = new ArrayList<>(aggOne);
                    for (T v : aggTwo) if (out.size() < limit) out.add(v);
                    return out;
                }

                @Override
                public List<T> map(List<T> aggregate) {
                    return aggregate;
                }

                @Override
                public List<T> undo(T valueToUndo, List<T> aggregate) {
                    int at = aggregate.lastIndexOf(valueToUndo);
                    if (at < 0) return aggregate;
                    List<T> out = new ArrayList<>(aggregate);
                    out.remove(at);
                    return out;
                }
            };
        }
    }

    @UdafDescription(name = "COLLECT_SET", category = "AGGREGATE", description = "The distinct values, in first-seen order "
            + "(at most " + COLLECT_SET_LIMIT + " of them when that is set).")
    public static final class CollectSet {
        @UdafFactory(description = "Collects distinct values into an array.")
        public static <T> Udaf<T, List<T>, List<T>> collectSet() {
            return collectSet(null);
        }

        @UdafFactory(description = "Collects at most limit distinct values into an array (negative: no limit).")
        public static <T> Udaf<T, List<T>, List<T>> collectSet(@UdfParameter("limit") Integer limitArgument) {
            int limit = limit(limitArgument);
            return new Udaf<>() {
                @Override
                public List<T> initialize() {
                    return new ArrayList<>();
                }

                @Override
                public List<T> aggregate(T current, List<T> aggregate) {
                    if (aggregate.size() >= limit || aggregate.contains(current)) return aggregate;
                    List<T> out = new ArrayList<>(aggregate);
                    out.add(current);
                    return out;
                }

                @Override
                public List<T> merge(List<T> aggOne, List<T> aggTwo) {
                    LinkedHashSet<T> out = new LinkedHashSet<>(aggOne);
                    for (T v : aggTwo) if (out.size() < limit) out.add(v);
                    return new ArrayList<>(out);
                }

                @Override
                public List<T> map(List<T> aggregate) {
                    return aggregate;
                }
            };
        }
    }

    static <T> Udaf<T, List<T>, List<T>> topK(int k, boolean distinct) {
        if (k <= 0) throw new IllegalArgumentException("TOPK requires k > 0: " + k);
        return new Udaf<>() {
            @Override
            public List<T> initialize() {
                return new ArrayList<>();
            }

            @Override
            public List<T> aggregate(T current, List<T> aggregate) {
                if (current == null || (distinct && aggregate.contains(current))) return aggregate;
                List<T> out = new ArrayList<>(aggregate);
                out.add(current);
                return top(out);
            }

            @Override
            public List<T> merge(List<T> aggOne, List<T> aggTwo) {
                List<T> out = new ArrayList<>(aggOne);
                for (T v : aggTwo) if (!distinct || !out.contains(v)) out.add(v);
                return top(out);
            }

            private List<T> top(List<T> values) {
                values.sort(NATURAL.reversed());
                return new ArrayList<>(values.subList(0, Math.min(k, values.size())));
            }

            @Override
            public List<T> map(List<T> aggregate) {
                return aggregate;
            }
        };
    }

    @UdafDescription(name = "TOPK", category = "AGGREGATE", description = "The k greatest values, in descending order.")
    public static final class TopK {
        @UdafFactory(description = "The k greatest values.")
        public static <T> Udaf<T, List<T>, List<T>> topK(@UdfParameter("k") Integer k) {
            return CollectAggregates.topK(k, false);
        }
    }

    @UdafDescription(name = "TOPKDISTINCT", category = "AGGREGATE", description = "The k greatest distinct values, in descending order.")
    public static final class TopKDistinct {
        @UdafFactory(description = "The k greatest distinct values.")
        public static <T> Udaf<T, List<T>, List<T>> topKDistinct(@UdfParameter("k") Integer k) {
            return CollectAggregates.topK(k, true);
        }
    }
}
