package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Struct;
import io.runnel.sql.function.Udaf;
import io.runnel.sql.function.UdafDescription;
import io.runnel.sql.function.UdafFactory;
import io.runnel.sql.function.UdfParameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * EARLIEST_BY_OFFSET and LATEST_BY_OFFSET: the first/last value(s) by arrival order, NULLs
 * ignored by default. Each kept value is stored as {@code STRUCT<SEQ BIGINT, VAL T>}; the sequence
 * number (from a process-wide counter, as in ksqlDB) orders values when session windows merge.
 */
public final class OffsetAggregates {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Comparator<Struct> BY_SEQ = Comparator.comparingLong(s -> (Long) s.get("SEQ"));

    private OffsetAggregates() {
    }

    static Struct entry(Object value) {
        return Struct.builder().put("SEQ", SEQUENCE.getAndIncrement()).put("VAL", value).build();
    }

    static <T> Udaf<T, Struct, T> single(boolean latest, boolean ignoreNulls) {
        return new Udaf<>() {
            @Override
            public Struct initialize() {
                return null;
            }

            @Override
            public Struct aggregate(T current, Struct aggregate) {
                if (current == null && ignoreNulls) return aggregate;
                if (!latest && aggregate != null) return aggregate;
                return entry(current);
            }

            @Override
            public Struct merge(Struct aggOne, Struct aggTwo) {
                if (aggOne == null) return aggTwo;
                if (aggTwo == null) return aggOne;
                boolean twoLater = BY_SEQ.compare(aggTwo, aggOne) > 0;
                return latest == twoLater ? aggTwo : aggOne;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T map(Struct aggregate) {
                return aggregate == null ? null : (T) aggregate.get("VAL");
            }
        };
    }

    static <T> Udaf<T, List<Struct>, List<T>> many(boolean latest, int n, boolean ignoreNulls) {
        if (n <= 0) throw new IllegalArgumentException("For the number of values to keep, n must be > 0: " + n);
        return new Udaf<>() {
            @Override
            public List<Struct> initialize() {
                return new ArrayList<>();
            }

            @Override
            public List<Struct> aggregate(T current, List<Struct> aggregate) {
                if (current == null && ignoreNulls) return aggregate;
                if (!latest && aggregate.size() >= n) return aggregate;
                List<Struct> out = new ArrayList<>(aggregate);
                out.add(entry(current));
                if (out.size() > n) out.remove(0);
                return out;
            }

            @Override
            public List<Struct> merge(List<Struct> aggOne, List<Struct> aggTwo) {
                List<Struct> all = new ArrayList<>(aggOne);
                all.addAll(aggTwo);
                all.sort(BY_SEQ);
                return latest ? new ArrayList<>(all.subList(Math.max(0, all.size() - n), all.size()))
                        : new ArrayList<>(all.subList(0, Math.min(n, all.size())));
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<T> map(List<Struct> aggregate) {
                List<T> out = new ArrayList<>();
                for (Struct s : aggregate) out.add((T) s.get("VAL"));
                return out;
            }
        };
    }

    @UdafDescription(name = "LATEST_BY_OFFSET", category = "AGGREGATE",
            description = "The latest value (or latest n values) by offset; NULLs ignored unless ignoreNulls is false.")
    public static final class Latest {
        @UdafFactory(description = "The latest non-NULL value.", aggregateSchema = "STRUCT<SEQ BIGINT, VAL T>")
        public static <T> Udaf<T, Struct, T> latest() {
            return single(true, true);
        }

        @UdafFactory(description = "The latest value.", aggregateSchema = "STRUCT<SEQ BIGINT, VAL T>")
        public static <T> Udaf<T, Struct, T> latest(@UdfParameter("ignoreNulls") Boolean ignoreNulls) {
            return single(true, ignoreNulls);
        }

        @UdafFactory(description = "The latest n non-NULL values.", aggregateSchema = "ARRAY<STRUCT<SEQ BIGINT, VAL T>>")
        public static <T> Udaf<T, List<Struct>, List<T>> latest(@UdfParameter("n") Integer n) {
            return many(true, n, true);
        }

        @UdafFactory(description = "The latest n values.", aggregateSchema = "ARRAY<STRUCT<SEQ BIGINT, VAL T>>")
        public static <T> Udaf<T, List<Struct>, List<T>> latest(@UdfParameter("n") Integer n,
                                                                @UdfParameter("ignoreNulls") Boolean ignoreNulls) {
            return many(true, n, ignoreNulls);
        }
    }

    @UdafDescription(name = "EARLIEST_BY_OFFSET", category = "AGGREGATE",
            description = "The earliest value (or earliest n values) by offset; NULLs ignored unless ignoreNulls is false.")
    public static final class Earliest {
        @UdafFactory(description = "The earliest non-NULL value.", aggregateSchema = "STRUCT<SEQ BIGINT, VAL T>")
        public static <T> Udaf<T, Struct, T> earliest() {
            return single(false, true);
        }

        @UdafFactory(description = "The earliest value.", aggregateSchema = "STRUCT<SEQ BIGINT, VAL T>")
        public static <T> Udaf<T, Struct, T> earliest(@UdfParameter("ignoreNulls") Boolean ignoreNulls) {
            return single(false, ignoreNulls);
        }

        @UdafFactory(description = "The earliest n non-NULL values.", aggregateSchema = "ARRAY<STRUCT<SEQ BIGINT, VAL T>>")
        public static <T> Udaf<T, List<Struct>, List<T>> earliest(@UdfParameter("n") Integer n) {
            return many(false, n, true);
        }

        @UdafFactory(description = "The earliest n values.", aggregateSchema = "ARRAY<STRUCT<SEQ BIGINT, VAL T>>")
        public static <T> Udaf<T, List<Struct>, List<T>> earliest(@UdfParameter("n") Integer n,
                                                                  @UdfParameter("ignoreNulls") Boolean ignoreNulls) {
            return many(false, n, ignoreNulls);
        }
    }
}
