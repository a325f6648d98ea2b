package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * ksqlDB's array functions. Element types are bound per call ({@code T}); comparisons use the
 * elements' natural order (numbers, strings, booleans, dates, times, timestamps, bytes), NULL
 * elements sort last and are skipped by ARRAY_MAX/ARRAY_MIN.
 */
public final class ArrayFunctions {
    private ArrayFunctions() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Comparator<Object> NATURAL_NULLS_LAST = Comparator.nullsLast((a, b) -> ((Comparable) a).compareTo(b));

    @UdfDescription(name = "array_contains", category = "ARRAY", description = "Whether an array contains a value.")
    public static final class ArrayContains {
        @Udf
        public static <T> Boolean arrayContains(@UdfParameter("array") List<T> array, @UdfParameter("val") T val) {
            return array != null && array.contains(val);
        }
    }

    @UdfDescription(name = "array_distinct", category = "ARRAY", description = "The distinct elements of an array, in first-seen order.")
    public static final class ArrayDistinct {
        @Udf
        public static <T> List<T> arrayDistinct(@UdfParameter("input") List<T> input) {
            return input == null ? null : new ArrayList<>(new LinkedHashSet<>(input));
        }
    }

    @UdfDescription(name = "array_except", category = "ARRAY",
            description = "The distinct elements of the left array that are not in the right one.")
    public static final class ArrayExcept {
        @Udf
        public static <T> List<T> arrayExcept(@UdfParameter("left") List<T> left, @UdfParameter("right") List<T> right) {
            if (left == null || right == null) return null;
            Set<T> out = new LinkedHashSet<>(left);
            right.forEach(out::remove);
            return new ArrayList<>(out);
        }
    }

    @UdfDescription(name = "array_intersect", category = "ARRAY", description = "The distinct elements in both arrays.")
    public static final class ArrayIntersect {
        @Udf
        public static <T> List<T> arrayIntersect(@UdfParameter("left") List<T> left, @UdfParameter("right") List<T> right) {
            if (left == null || right == null) return null;
            Set<T> out = new LinkedHashSet<>(left);
            out.retainAll(new LinkedHashSet<>(right));
            return new ArrayList<>(out);
        }
    }

    @UdfDescription(name = "array_union", category = "ARRAY", description = "The distinct elements of either array.")
    public static final class ArrayUnion {
        @Udf
        public static <T> List<T> arrayUnion(@UdfParameter("left") List<T> left, @UdfParameter("right") List<T> right) {
            if (left == null || right == null) return null;
            Set<T> out = new LinkedHashSet<>(left);
            out.addAll(right);
            return new ArrayList<>(out);
        }
    }

    @UdfDescription(name = "array_concat", category = "ARRAY", description = "The elements of both arrays; a NULL array counts as empty.")
    public static final class ArrayConcat {
        @Udf
        public static <T> List<T> arrayConcat(@UdfParameter("left") List<T> left, @UdfParameter("right") List<T> right) {
            if (left == null && right == null) return null;
            List<T> out = new ArrayList<>();
            if (left != null) out.addAll(left);
            if (right != null) out.addAll(right);
            return out;
        }
    }

    @UdfDescription(name = "array_join", category = "ARRAY",
            description = "The elements as text joined by a delimiter (default ','; NULL delimiter: none); NULL elements as 'null'.")
    public static final class ArrayJoin {
        @Udf
        public static <T> String arrayJoin(@UdfParameter("array") List<T> array) {
            return arrayJoin(array, ",");
        }

        @Udf
        public static <T> String arrayJoin(@UdfParameter("array") List<T> array, @UdfParameter("delimiter") String delimiter) {
            if (array == null) return null;
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < array.size(); i++) {
                if (i > 0 && delimiter != null) b.append(delimiter);
                Object e = array.get(i);
                b.append(e instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(e));
            }
            return b.toString();
        }
    }

    @UdfDescription(name = "array_length", category = "ARRAY", description = "The number of elements of an array.")
    public static final class ArrayLength {
        @Udf
        public static <T> Integer arrayLength(@UdfParameter("array") List<T> array) {
            return array == null ? null : array.size();
        }
    }

    @UdfDescription(name = "array_max", category = "ARRAY", description = "The greatest non-NULL element of an array.")
    public static final class ArrayMax {
        @Udf
        public static <T> T arrayMax(@UdfParameter("array") List<T> array) {
            if (array == null) return null;
            T best = null;
            for (T e : array) if (e != null && (best == null || NATURAL_NULLS_LAST.compare(e, best) > 0)) best = e;
            return best;
        }
    }

    @UdfDescription(name = "array_min", category = "ARRAY", description = "The least non-NULL element of an array.")
    public static final class ArrayMin {
        @Udf
        public static <T> T arrayMin(@UdfParameter("array") List<T> array) {
            if (array == null) return null;
            T best = null;
            for (T e : array) if (e != null && (best == null || NATURAL_NULLS_LAST.compare(e, best) < 0)) best = e;
            return best;
        }
    }

    @UdfDescription(name = "array_remove", category = "ARRAY", description = "The array without the elements equal to a value.")
    public static final class ArrayRemove {
        @Udf
        public static <T> List<T> arrayRemove(@UdfParameter("array") List<T> array, @UdfParameter("victim") T victim) {
            if (array == null) return null;
            List<T> out = new ArrayList<>();
            for (T e : array) if (!Objects.equals(e, victim)) out.add(e);
            return out;
        }
    }

    @UdfDescription(name = "array_sort", category = "ARRAY",
            description = "The array sorted ascending (default) or descending ('ASC'/'DESC'); NULL elements last.")
    public static final class ArraySort {
        @Udf
        public static <T> List<T> arraySort(@UdfParameter("array") List<T> array) {
            return arraySort(array, "ASC");
        }

        @Udf
        public static <T> List<T> arraySort(@UdfParameter("array") List<T> array, @UdfParameter("direction") String direction) {
            if (array == null || direction == null) return null;
            String d = direction.toUpperCase(Locale.ROOT);
            if (!d.equals("ASC") && !d.equals("DESC")) return null;
            List<T> out = new ArrayList<>(array);
            Comparator<Object> order = d.equals("ASC") ? NATURAL_NULLS_LAST
                    : Comparator.nullsLast(NATURAL_NULLS_LAST.reversed());
            out.sort(order);
            return out;
        }
    }

    @UdfDescription(name = "slice", category = "ARRAY",
            description = "The elements from a 1-based position to another (both included); NULL bounds mean the array's ends.")
    public static final class Slice {
        @Udf
        public static <T> List<T> slice(@UdfParameter("list") List<T> list, @UdfParameter("from") Integer from,
                                        @UdfParameter("to") Integer to) {
            if (list == null) return null;
            int start = from == null ? 0 : from - 1;
            int end = to == null ? list.size() : to;
            if (start < 0 || end > list.size() || start > end) return null;
            return new ArrayList<>(list.subList(start, end));
        }
    }

    @UdfDescription(name = "generate_series", category = "ARRAY",
            description = "The integers from start to end (both included) by a step (default 1, or -1 when end < start).")
    public static final class GenerateSeries {
        @Udf
        public static List<Integer> generateSeries(@UdfParameter("start") Integer start, @UdfParameter("end") Integer end) {
            if (start == null || end == null) return null;
            return generateSeries(start, end, end >= start ? 1 : -1);
        }

        @Udf
        public static List<Integer> generateSeries(@UdfParameter("start") Integer start, @UdfParameter("end") Integer end,
                                                   @UdfParameter("step") Integer step) {
            if (start == null || end == null || step == null) return null;
            checkStep(start, end, step);
            List<Integer> out = new ArrayList<>();
            for (long v = start; step > 0 ? v <= end : v >= end; v += step) out.add((int) v);
            return out;
        }

        @Udf
        public static List<Long> generateSeries(@UdfParameter("start") Long start, @UdfParameter("end") Long end) {
            if (start == null || end == null) return null;
            return generateSeries(start, end, end >= start ? 1 : -1);
        }

        @Udf
        public static List<Long> generateSeries(@UdfParameter("start") Long start, @UdfParameter("end") Long end,
                                                @UdfParameter("step") Integer step) {
            if (start == null || end == null || step == null) return null;
            checkStep(start, end, step);
            List<Long> out = new ArrayList<>();
            for (long v = start; step > 0 ? v <= end : v >= end; v += step) out.add(v);
            return out;
        }

        private static void checkStep(long start, long end, int step) {
            if (step == 0) throw new IllegalArgumentException("GENERATE_SERIES step cannot be zero");
            if ((end > start && step < 0) || (end < start && step > 0)) {
                throw new IllegalArgumentException("GENERATE_SERIES step has wrong sign");
            }
        }
    }
}
