package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.TableUdaf;
import io.runnel.sql.function.Udaf;
import io.runnel.sql.function.UdafDescription;
import io.runnel.sql.function.UdafFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * COUNT over a column (NULLs not counted; COUNT(*) is planned as a count of rows), COUNT_DISTINCT
 * (exact: the aggregate holds the distinct values, unlike ksqlDB's HyperLogLog estimate) and
 * HISTOGRAM (value → count, at most 1000 distinct values, like ksqlDB).
 */
public final class CountAggregates {
    private CountAggregates() {
    }

    @UdafDescription(name = "COUNT", category = "AGGREGATE", description = "The number of non-NULL values.")
    public static final class Count {
        @UdafFactory(description = "Counts non-NULL values.")
        public static <T> TableUdaf<T, Long, Long> count() {
            return new TableUdaf<>() {
                @Override
                public Long initialize() {
                    return 0L;
                }

                @Override
                public Long aggregate(T current, Long aggregate) {
                    return current == null ? aggregate : aggregate + 1;
                }

                @Override
                public Long merge(Long aggOne, Long aggTwo) {
                    return aggOne + aggTwo;
                }

                @Override
                public Long map(Long aggregate) {
                    return aggregate;
                }

                @Override
                public Long undo(T valueToUndo, Long aggregate) {
                    return valueToUndo == null ? aggregate : aggregate - 1;
                }
            };
        }
    }

    @UdafDescription(name = "COUNT_DISTINCT", category = "AGGREGATE", description = "The number of distinct non-NULL values (exact).")
    public static final class CountDistinct {
        @UdafFactory(description = "Counts distinct non-NULL values.")
        public static <T> Udaf<T, List<T>, Long> countDistinct() {
            return new Udaf<>() {
                @Override
                public List<T> initialize() {
                    return new ArrayList<>();
                }

                @Override
                public List<T> aggregate(T current, List<T> aggregate) {
                    if (current == null || aggregate.contains(current)) return aggregate;
                    List<T> out = new ArrayList<>(aggregate);
                    out.add(current);
                    return out;
                }

                @Override
                public List<T> merge(List<T> aggOne, List<T> aggTwo) {
                    LinkedHashSet<T> out = new LinkedHashSet<>(aggOne);
                    out.addAll(aggTwo);
                    return new ArrayList<>(out);
                }

                @Override
                public Long map(List<T> aggregate) {
                    return (long) aggregate.size();
                }
            };
        }
    }

    @UdafDescription(name = "HISTOGRAM", category = "AGGREGATE",
            description = "A map from each distinct string value to its number of occurrences (at most 1000 values).")
    public static final class Histogram {
        static final int LIMIT = 1000;

        @UdafFactory(description = "Counts occurrences of each string value.")
        public static TableUdaf<String, Map<String, Long>, Map<String, Long>> histogram() {
            return new TableUdaf<>() {
                @Override
                public Map<String, Long> initialize() {
                    return new LinkedHashMap<>();
                }

                @Override
                public Map<String, Long> aggregate(String current, Map<String, Long> aggregate) {
                    if (current == null) return aggregate;
                    if (!aggregate.containsKey(current) && aggregate.size() >= LIMIT) return aggregate;
                    Map<String, Long> out = new LinkedHashMap<>(aggregate);
                    out.merge(current, 1L, Long::sum);
                    return out;
                }

                @Override
                public Map<String, Long> merge(Map<String, Long> aggOne, Map<String, Long> aggTwo) {
                    Map<String, Long> out = new LinkedHashMap<>(aggOne);
                    for (Map.Entry<String, Long> e : aggTwo.entrySet()) {
                        if (out.containsKey(e.getKey()) || out.size() < LIMIT) out.merge(e.getKey(), e.getValue(), Long::sum);
                    }
                    return out;
                }

                @Override
                public Map<String, Long> map(Map<String, Long> aggregate) {
                    return aggregate;
                }

                @Override
                public Map<String, Long> undo(String valueToUndo, Map<String, Long> aggregate) {
                    if (valueToUndo == null || !aggregate.containsKey(valueToUndo)) return aggregate;
                    Map<String, Long> out = new LinkedHashMap<>(aggregate);
                    long n = out.get(valueToUndo) - 1;
                    if (n <= 0) out.remove(valueToUndo);
                    else out.put(valueToUndo, n);
                    return out;
                }
            };
        }
    }
}
