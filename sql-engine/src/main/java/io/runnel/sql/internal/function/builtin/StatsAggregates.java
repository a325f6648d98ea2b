package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Pair;
import io.runnel.sql.function.Struct;
import io.runnel.sql.function.TableUdaf;
import io.runnel.sql.function.UdafDescription;
import io.runnel.sql.function.UdafFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * STDDEV_SAMP, STDDEV_POP and CORRELATION over DOUBLE (INT, BIGINT, DECIMAL widen), usable over
 * tables: the aggregate keeps count, sums and sums of squares (and of products) so values can be
 * taken out again; ATTR (the single distinct value, NULL counting as a value; NULL when several).
 */
public final class StatsAggregates {
    private StatsAggregates() {
    }

    private static Struct moments(long count, double sum, double sumSq) {
        return Struct.builder().put("COUNT", count).put("SUM", sum).put("SUMSQ", sumSq).build();
    }

    static TableUdaf<Double, Struct, Double> stddev(boolean sample) {
        return new TableUdaf<>() {
            @Override
            public Struct initialize() {
                return moments(0, 0, 0);
            }

            @Override
            public Struct aggregate(Double v, Struct a) {
                if (v == null) return a;
                return moments((Long) a.get("COUNT") + 1, (Double) a.get("SUM") + v, (Double) a.get("SUMSQ") + v * v);
            }

            @Override
            public Struct merge(Struct a, Struct b) {
                return moments((Long) a.get("COUNT") + (Long) b.get("COUNT"), (Double) a.get("SUM") + (Double) b.get("SUM"),
                        (Double) a.get("SUMSQ") + (Double) b.get("SUMSQ"));
            }

            @Override
            public Double map(Struct a) {
                long n = (Long) a.get("COUNT");
                if (n == 0 || (sample && n == 1)) return sample && n == 1 ? 0.0 : null;
                double sum = (Double) a.get("SUM");
                double m2 = Math.max(0, (Double) a.get("SUMSQ") - sum * sum / n);
                return Math.sqrt(m2 / (sample ? n - 1 : n));
            }

            @Override
            public Struct undo(Double v, Struct a) {
                if (v == null) return a;
                return moments((Long) a.get("COUNT") - 1, (Double) a.get("SUM") - v, (Double) a.get("SUMSQ") - v * v);
            }
        };
    }

    @UdafDescription(name = "STDDEV_SAMP", category = "AGGREGATE", description = "The sample standard deviation of the non-NULL values.")
    public static final class StddevSamp {
        @UdafFactory(description = "Sample standard deviation.", aggregateSchema = "STRUCT<COUNT BIGINT, SUM DOUBLE, SUMSQ DOUBLE>")
        public static TableUdaf<Double, Struct, Double> stddevSamp() {
            return stddev(true);
        }
    }

    @UdafDescription(name = "STDDEV_POP", category = "AGGREGATE", description = "The population standard deviation of the non-NULL values.")
    public static final class StddevPop {
        @UdafFactory(description = "Population standard deviation.", aggregateSchema = "STRUCT<COUNT BIGINT, SUM DOUBLE, SUMSQ DOUBLE>")
        public static TableUdaf<Double, Struct, Double> stddevPop() {
            return stddev(false);
        }
    }

    @UdafDescription(name = "CORRELATION", category = "AGGREGATE",
            description = "The Pearson correlation of two columns over the rows where both are non-NULL.")
    public static final class Correlation {
        private static final String[] FIELDS = {"N", "SX", "SY", "SXX", "SYY", "SXY"};

        @UdafFactory(description = "Correlation of x and y.",
                aggregateSchema = "STRUCT<N DOUBLE, SX DOUBLE, SY DOUBLE, SXX DOUBLE, SYY DOUBLE, SXY DOUBLE>")
        public static TableUdaf<Pair<Double, Double>, Struct, Double> correlation() {
            return new TableUdaf<>() {
                @Override
                public Struct initialize() {
                    return of(new double[6]);
                }

                @Override
                public Struct aggregate(Pair<Double, Double> p, Struct a) {
                    return add(p, a, 1);
                }

                @Override
                public Struct merge(Struct a, Struct b) {
                    double[] x = values(a);
                    double[] y = values(b);
                    for (int i = 0; i < 6; i++) x[i] += y[i];
                    return of(x);
                }

                @Override
                public Double map(Struct a) {
                    double[] v = values(a);
                    double n = v[0];
                    double cov = n * v[5] - v[1] * v[2];
                    double den = Math.sqrt(n * v[3] - v[1] * v[1]) * Math.sqrt(n * v[4] - v[2] * v[2]);
                    return n == 0 || den == 0 ? Double.NaN : cov / den;
                }

                @Override
                public Struct undo(Pair<Double, Double> p, Struct a) {
                    return add(p, a, -1);
                }
            };
        }

        private static Struct add(Pair<Double, Double> p, Struct a, int sign) {
            if (p == null || p.left() == null || p.right() == null) return a;
            double x = p.left();
            double y = p.right();
            double[] v = values(a);
            double[] d = {1, x, y, x * x, y * y, x * y};
            for (int i = 0; i < 6; i++) v[i] += sign * d[i];
            return of(v);
        }

        private static double[] values(Struct s) {
            double[] v = new double[6];
            for (int i = 0; i < 6; i++) v[i] = (Double) s.get(FIELDS[i]);
            return v;
        }

        private static Struct of(double[] v) {
            Struct.Builder b = Struct.builder();
            for (int i = 0; i < 6; i++) b.put(FIELDS[i], v[i]);
            return b.build();
        }
    }

    @UdafDescription(name = "ATTR", category = "AGGREGATE",
            description = "The value when all values of the group are the same (NULL counts as a value), else NULL.")
    public static final class Attr {
        @UdafFactory(description = "The single distinct value.", aggregateSchema = "ARRAY<STRUCT<VALUE T, COUNT INTEGER>>")
        public static <T> TableUdaf<T, List<Struct>, T> attr() {
            return new TableUdaf<>() {
                @Override
                public List<Struct> initialize() {
                    return new ArrayList<>();
                }

                @Override
                public List<Struct> aggregate(T current, List<Struct> aggregate) {
                    return change(aggregate, current, 1);
                }

                @Override
                public List<Struct> merge(List<Struct> aggOne, List<Struct> aggTwo) {
                    List<Struct> out = aggOne;
                    for (Struct s : aggTwo) out = change(out, s.get("VALUE"), (Integer) s.get("COUNT"));
                    return out;
                }

                @Override
                @SuppressWarnings("unchecked")
                public T map(List<Struct> aggregate) {
                    return aggregate.size() == 1 ? (T) aggregate.get(0).get("VALUE") : null;
                }

                @Override
                public List<Struct> undo(T valueToUndo, List<Struct> aggregate) {
                    return change(aggregate, valueToUndo, -1);
                }
            };
        }

        private static List<Struct> change(List<Struct> aggregate, Object value, int delta) {
            List<Struct> out = new ArrayList<>();
            boolean found = false;
            for (Struct s : aggregate) {
                if (Objects.equals(s.get("VALUE"), value)) {
                    found = true;
                    int n = (Integer) s.get("COUNT") + delta;
                    if (n > 0) out.add(Struct.builder().put("VALUE", value).put("COUNT", n).build());
                } else {
                    out.add(s);
                }
            }
            if (!found && delta > 0) out.add(Struct.builder().put("VALUE", value).put("COUNT", delta).build());
            return out;
        }
    }
}
