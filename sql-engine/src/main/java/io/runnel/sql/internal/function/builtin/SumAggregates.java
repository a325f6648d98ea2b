package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Struct;
import io.runnel.sql.function.TableUdaf;
import io.runnel.sql.function.UdafDescription;
import io.runnel.sql.function.UdafFactory;
import java.math.BigDecimal;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * SUM, SUM_LIST and AVG, all usable over tables (undo). NULL values are skipped. SUM keeps the input type
 * (INT, BIGINT, DOUBLE, DECIMAL(p, s)); AVG returns DOUBLE and keeps STRUCT<SUM, COUNT BIGINT>.
 */
public final class SumAggregates {
    private SumAggregates() {
    }

    static <N> TableUdaf<N, N, N> sum(N zero, BinaryOperator<N> plus, BinaryOperator<N> minus) {
        return new TableUdaf<>() {
            @Override
            public N initialize() {
                return zero;
            }

            @Override
            public N aggregate(N current, N aggregate) {
                return current == null ? aggregate : plus.apply(aggregate, current);
            }

            @Override
            public N merge(N aggOne, N aggTwo) {
                return plus.apply(aggOne, aggTwo);
            }

            @Override
            public N map(N aggregate) {
                return aggregate;
            }

            @Override
            public N undo(N valueToUndo, N aggregate) {
                return valueToUndo == null ? aggregate : minus.apply(aggregate, valueToUndo);
            }
        };
    }

    @UdafDescription(name = "SUM", category = "AGGREGATE", description = "The sum of the non-NULL values.")
    public static final class Sum {
        @UdafFactory(description = "Sums INT values.")
        public static TableUdaf<Integer, Integer, Integer> sumInt() {
            return sum(0, Integer::sum, (a, b) -> a - b);
        }

        @UdafFactory(description = "Sums BIGINT values.")
        public static TableUdaf<Long, Long, Long> sumLong() {
            return sum(0L, Long::sum, (a, b) -> a - b);
        }

        @UdafFactory(description = "Sums DOUBLE values.")
        public static TableUdaf<Double, Double, Double> sumDouble() {
            return sum(0.0, Double::sum, (a, b) -> a - b);
        }

        @UdafFactory(description = "Sums DECIMAL values (result of the input's type).")
        public static TableUdaf<BigDecimal, BigDecimal, BigDecimal> sumDecimal() {
            return sum(BigDecimal.ZERO, BigDecimal::add, BigDecimal::subtract);
        }
    }

    /** A SUM over the elements of arrays: each row adds (and, over a table, undo takes out) its non-NULL elements. */
    static <N> TableUdaf<java.util.List<N>, N, N> sumList(N zero, BinaryOperator<N> plus, BinaryOperator<N> minus) {
        TableUdaf<N, N, N> sum = sum(zero, plus, minus);
        return new TableUdaf<>() {
            @Override
            public N initialize() {
                return zero;
            }

            @Override
            public N aggregate(java.util.List<N> current, N aggregate) {
                N out = aggregate;
                if (current != null) {
                    for (N n : current) {
                        out = sum.aggregate(n, out);
                    }
                }
                return out;
            }

            @Override
            public N merge(N aggOne, N aggTwo) {
                return plus.apply(aggOne, aggTwo);
            }

            @Override
            public N map(N aggregate) {
                return aggregate;
            }

            @Override
            public N undo(java.util.List<N> valueToUndo, N aggregate) {
                N out = aggregate;
                if (valueToUndo != null) {
                    for (N n : valueToUndo) {
                        out = sum.undo(n, out);
                    }
                }
                return out;
            }
        };
    }

    @UdafDescription(name = "SUM_LIST", category = "AGGREGATE",
            description = "The sum of the non-NULL elements of the arrays of every row.")
    public static final class SumList {
        @UdafFactory(description = "Sums the elements of INT arrays.")
        public static TableUdaf<java.util.List<Integer>, Integer, Integer> sumIntList() {
            return sumList(0, Integer::sum, (a, b) -> a - b);
        }

        @UdafFactory(description = "Sums the elements of BIGINT arrays.")
        public static TableUdaf<java.util.List<Long>, Long, Long> sumLongList() {
            return sumList(0L, Long::sum, (a, b) -> a - b);
        }

        @UdafFactory(description = "Sums the elements of DOUBLE arrays.")
        public static TableUdaf<java.util.List<Double>, Double, Double> sumDoubleList() {
            return sumList(0.0, Double::sum, (a, b) -> a - b);
        }
    }

    static <N> TableUdaf<N, Struct, Double> avg(Object zero, BinaryOperator<Object> plus, BinaryOperator<Object> minus,
                                                 Function<Object, Double> toDouble) {
        return new TableUdaf<>() {
            @Override
            public Struct initialize() {
                return state(zero, 0L);
            }

            @Override
            public Struct aggregate(N current, Struct aggregate) {
                if (current == null) return aggregate;
                return state(plus.apply(aggregate.get("SUM"), current), (Long) aggregate.get("COUNT") + 1);
            }

            @Override
            public Struct merge(Struct aggOne, Struct aggTwo) {
                return state(plus.apply(aggOne.get("SUM"), aggTwo.get("SUM")),
                        (Long) aggOne.get("COUNT") + (Long) aggTwo.get("COUNT"));
            }

            @Override
            public Double map(Struct aggregate) {
                long count = (Long) aggregate.get("COUNT");
                return count == 0 ? 0.0 : toDouble.apply(aggregate.get("SUM")) / count;
            }

            @Override
            public Struct undo(N valueToUndo, Struct aggregate) {
                if (valueToUndo == null) return aggregate;
                return state(minus.apply(aggregate.get("SUM"), valueToUndo), (Long) aggregate.get("COUNT") - 1);
            }
        };
    }

    private static Struct state(Object sum, long count) {
        return Struct.builder().put("SUM", sum).put("COUNT", count).build();
    }

    @UdafDescription(name = "AVG", category = "AGGREGATE", description = "The average of the non-NULL values, as DOUBLE.")
    public static final class Avg {
        @UdafFactory(description = "Averages INT values.", aggregateSchema = "STRUCT<SUM BIGINT, COUNT BIGINT>")
        public static TableUdaf<Integer, Struct, Double> avgInt() {
            return avg(0L, (a, b) -> (Long) a + ((Number) b).longValue(), (a, b) -> (Long) a - ((Number) b).longValue(),
                    a -> ((Long) a).doubleValue());
        }

        @UdafFactory(description = "Averages BIGINT values.", aggregateSchema = "STRUCT<SUM BIGINT, COUNT BIGINT>")
        public static TableUdaf<Long, Struct, Double> avgLong() {
            return avg(0L, (a, b) -> (Long) a + (Long) b, (a, b) -> (Long) a - (Long) b, a -> ((Long) a).doubleValue());
        }

        @UdafFactory(description = "Averages DOUBLE values.", aggregateSchema = "STRUCT<SUM DOUBLE, COUNT BIGINT>")
        public static TableUdaf<Double, Struct, Double> avgDouble() {
            return avg(0.0, (a, b) -> (Double) a + (Double) b, (a, b) -> (Double) a - (Double) b, a -> (Double) a);
        }

        @UdafFactory(description = "Averages DECIMAL values.", aggregateSchema = "STRUCT<SUM DECIMAL(38, 10), COUNT BIGINT>")
        public static TableUdaf<BigDecimal, Struct, Double> avgDecimal() {
            return avg(BigDecimal.ZERO.setScale(10), (a, b) -> ((BigDecimal) a).add((BigDecimal) b).setScale(10, java.math.RoundingMode.HALF_UP),
                    (a, b) -> ((BigDecimal) a).subtract((BigDecimal) b).setScale(10, java.math.RoundingMode.HALF_UP),
                    a -> ((BigDecimal) a).doubleValue());
        }
    }
}
