package io.runnel.sql.internal.exec;

import io.runnel.sql.function.Struct;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Operators called by generated expression code. Every operator is null-propagating (a null
 * operand gives null) unless its Javadoc says otherwise; boolean operators follow SQL's
 * three-valued logic. Operands arrive already converted to the operator's type by the compiler.
 */
public final class SqlOps {

    private SqlOps() {
    }

    /** {@code f} of each element of {@code list} (NULL for a NULL list): an expression over a table function's rows. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static java.util.List<Object> eachElement(java.util.List<?> list, java.util.function.Function f) {
        if (list == null) {
            return null;
        }
        java.util.List<Object> out = new java.util.ArrayList<>(list.size());
        for (Object element : list) {
            out.add(f.apply(element));
        }
        return out;
    }

    // ---------------------------------------------------------------- arithmetic

    /** An arithmetic operand in a lambda body: NULL fails the evaluation (ksqlDB unboxes it). */
    public static Object nonNullOperand(Object operand) {
        if (operand == null) {
            throw new NullPointerException("arithmetic on a NULL value in a lambda");
        }
        return operand;
    }

    public static Integer add(Integer a, Integer b) {
        return a == null || b == null ? null : a + b;
    }

    public static Long add(Long a, Long b) {
        return a == null || b == null ? null : a + b;
    }

    public static Double add(Double a, Double b) {
        return a == null || b == null ? null : a + b;
    }

    public static BigDecimal add(BigDecimal a, BigDecimal b, int scale) {
        return a == null || b == null ? null : a.add(b).setScale(scale, RoundingMode.HALF_UP);
    }

    public static String add(String a, String b) {
        return a == null || b == null ? null : a + b;
    }

    public static Integer subtract(Integer a, Integer b) {
        return a == null || b == null ? null : a - b;
    }

    public static Long subtract(Long a, Long b) {
        return a == null || b == null ? null : a - b;
    }

    public static Double subtract(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    public static BigDecimal subtract(BigDecimal a, BigDecimal b, int scale) {
        return a == null || b == null ? null : a.subtract(b).setScale(scale, RoundingMode.HALF_UP);
    }

    public static Integer multiply(Integer a, Integer b) {
        return a == null || b == null ? null : a * b;
    }

    public static Long multiply(Long a, Long b) {
        return a == null || b == null ? null : a * b;
    }

    public static Double multiply(Double a, Double b) {
        return a == null || b == null ? null : a * b;
    }

    public static BigDecimal multiply(BigDecimal a, BigDecimal b, int scale) {
        return a == null || b == null ? null : a.multiply(b).setScale(scale, RoundingMode.HALF_UP);
    }

    /** Integer division truncates; by zero it fails the record (as in ksqlDB). */
    public static Integer divide(Integer a, Integer b) {
        return a == null || b == null ? null : a / b;
    }

    public static Long divide(Long a, Long b) {
        return a == null || b == null ? null : a / b;
    }

    public static Double divide(Double a, Double b) {
        return a == null || b == null ? null : a / b;
    }

    /** Decimal division rounds half-up to the result scale; by zero gives null (as in ksqlDB). */
    public static BigDecimal divide(BigDecimal a, BigDecimal b, int scale) {
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return a.divide(b, scale, RoundingMode.HALF_UP);
    }

    public static Integer modulus(Integer a, Integer b) {
        return a == null || b == null ? null : a % b;
    }

    public static Long modulus(Long a, Long b) {
        return a == null || b == null ? null : a % b;
    }

    public static Double modulus(Double a, Double b) {
        return a == null || b == null ? null : a % b;
    }

    public static BigDecimal modulus(BigDecimal a, BigDecimal b, int scale) {
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return a.remainder(b).setScale(scale, RoundingMode.HALF_UP);
    }

    public static Integer negate(Integer a) {
        return a == null ? null : -a;
    }

    public static Long negate(Long a) {
        return a == null ? null : -a;
    }

    public static Double negate(Double a) {
        return a == null ? null : -a;
    }

    public static BigDecimal negate(BigDecimal a) {
        return a == null ? null : a.negate();
    }

    // ---------------------------------------------------------------- numeric conversions

    public static Long toLong(Object n) {
        return n == null ? null : ((Number) n).longValue();
    }

    public static Double toDouble(Object n) {
        return n == null ? null : ((Number) n).doubleValue();
    }

    public static BigDecimal toDecimal(Object n, int scale) {
        if (n == null) {
            return null;
        }
        BigDecimal d = n instanceof BigDecimal b ? b : n instanceof Double || n instanceof Float
                ? BigDecimal.valueOf(((Number) n).doubleValue()) : BigDecimal.valueOf(((Number) n).longValue());
        return d.setScale(scale, RoundingMode.HALF_UP);
    }

    // ---------------------------------------------------------------- comparison and logic

    /**
     * Compares two non-null values of one comparable type (numbers already converted to a common
     * type); null when either is null.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Integer compare(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a instanceof java.nio.ByteBuffer x && b instanceof java.nio.ByteBuffer y) {
            return x.compareTo(y);
        }
        return ((Comparable) a).compareTo(b);
    }

    // Comparisons with a NULL operand are FALSE, not NULL: ksqlDB's rule (so NOT (a = NULL) is TRUE).

    public static Boolean eq(Object a, Object b) {
        Integer c = equality(a, b);
        return c != null && c == 0;
    }

    public static Boolean ne(Object a, Object b) {
        Integer c = equality(a, b);
        return c != null && c != 0;
    }

    public static Boolean lt(Object a, Object b) {
        Integer c = compare(a, b);
        return c != null && c < 0;
    }

    public static Boolean le(Object a, Object b) {
        Integer c = compare(a, b);
        return c != null && c <= 0;
    }

    public static Boolean gt(Object a, Object b) {
        Integer c = compare(a, b);
        return c != null && c > 0;
    }

    public static Boolean ge(Object a, Object b) {
        Integer c = compare(a, b);
        return c != null && c >= 0;
    }

    /** IS DISTINCT FROM: never null; two nulls are not distinct. */
    public static Boolean distinct(Object a, Object b) {
        if (a == null || b == null) {
            return a != b;
        }
        return equality(a, b) != 0;
    }

    private static Integer equality(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Comparable<?> && a.getClass() == b.getClass() && !(a instanceof Boolean)) {
            return compare(a, b);
        }
        return a.equals(b) ? 0 : 1;
    }

    public static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    public static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    /** {@link #and}, the right operand evaluated only when the left one is not FALSE. */
    public static Boolean andThen(Boolean a, java.util.function.Supplier<Object> b) {
        return Boolean.FALSE.equals(a) ? Boolean.FALSE : and(a, (Boolean) b.get());
    }

    /** {@link #or}, the right operand evaluated only when the left one is not TRUE. */
    public static Boolean orElse(Boolean a, java.util.function.Supplier<Object> b) {
        return Boolean.TRUE.equals(a) ? Boolean.TRUE : or(a, (Boolean) b.get());
    }

    public static Boolean not(Boolean a) {
        return a == null ? null : !a;
    }

    public static Boolean between(Object v, Object low, Object high) {
        return and(ge(v, low), le(v, high));
    }

    /** SQL IN: true if any equals; else null if v or any element is null; else false. */
    /**
     * {@code v IN (list)}: TRUE when an item equals {@code v} ({@link #sameValue}), else NULL when
     * {@code v} or an item is NULL, else FALSE.
     */
    public static Boolean in(Object v, Object[] list) {
        if (v == null) {
            return null;
        }
        boolean sawNull = false;
        for (Object o : list) {
            if (o == null) {
                sawNull = true;
            } else if (sameValue(v, o)) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    /**
     * Equality of IN: numbers by value whatever their types (11 = 11.0, 2147483648 != -2147483648),
     * lists element by element, maps entry by entry and structs field by field (a missing field
     * is NULL), NULLs inside them equal; {@link io.runnel.sql.internal.analyzer.InListCoercion#NO_MATCH}
     * equals nothing.
     */
    static boolean sameValue(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a == io.runnel.sql.internal.analyzer.InListCoercion.NO_MATCH
                || b == io.runnel.sql.internal.analyzer.InListCoercion.NO_MATCH) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return exact(x).compareTo(exact(y)) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object key = e.getKey();
                Object match = MISSING;
                for (Object k : y.keySet()) {
                    if (sameValue(key, k)) {
                        match = k;
                        break;
                    }
                }
                if (match == MISSING || !sameValue(e.getValue(), y.get(match))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Struct x && b instanceof Struct y) {
            java.util.Set<String> names = new java.util.LinkedHashSet<>(x.fields().keySet());
            names.addAll(y.fields().keySet());
            for (String name : names) {
                if (!sameValue(x.fields().get(name), y.fields().get(name))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static final Object MISSING = new Object();

    private static BigDecimal exact(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /** True when {@code b} is exactly TRUE (a WHERE or WHEN passes only then). */
    public static boolean isTrue(Boolean b) {
        return b != null && b;
    }

    // ---------------------------------------------------------------- strings

    public static String concat(String a, String b) {
        return a == null || b == null ? null : a + b;
    }

    public static Boolean like(String value, Pattern pattern) {
        return value == null ? null : pattern.matcher(value).matches();
    }

    public static Boolean like(String value, String pattern, char escape) {
        if (value == null || pattern == null) {
            return null;
        }
        return likePattern(pattern, escape).matcher(value).matches();
    }

    /** A LIKE pattern as a regex: {@code %} any run, {@code _} one character, {@code escape} quotes the next. */
    public static Pattern likePattern(String like, char escape) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char ch = like.charAt(i);
            if (ch == escape && escape != 0 && i + 1 < like.length()) {
                re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (ch == '%') {
                re.append(".*");
            } else if (ch == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    // ---------------------------------------------------------------- structured values

    public static Object field(Object struct, String name) {
        return struct == null ? null : ((Struct) struct).get(name);
    }

    /** ksqlDB array index: 1-based, negative counts from the end; out of range is null. */
    public static Object arrayElement(Object list, Object index) {
        if (list == null || index == null) {
            return null;
        }
        List<?> l = (List<?>) list;
        long i = ((Number) index).longValue();
        long at = i > 0 ? i - 1 : l.size() + i;
        return at < 0 || at >= l.size() || i == 0 ? null : l.get((int) at);
    }

    public static Object mapValue(Object map, Object key) {
        return map == null || key == null ? null : ((Map<?, ?>) map).get(key);
    }

    public static List<Object> list(Object[] elements) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(elements)));
    }

    /** A map from alternating keys and values. */
    public static Map<Object, Object> map(Object[] keysAndValues) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Struct struct(String[] names, Object[] values) {
        return Struct.of(Arrays.asList(names), Arrays.asList(values));
    }

    // ---------------------------------------------------------------- temporal helpers for casts

    static LocalDate dateOf(Instant ts) {
        return ts == null ? null : LocalDate.ofEpochDay(Math.floorDiv(ts.toEpochMilli(), 86_400_000L));
    }

    static LocalTime timeOf(Instant ts) {
        return ts == null ? null : LocalTime.ofNanoOfDay(Math.floorMod(ts.toEpochMilli(), 86_400_000L) * 1_000_000L);
    }

    /**
     * Calls a resolved function; when it throws, the error goes to {@code errors} and the call is
     * NULL (ksqlDB's rule for a function failing on a record).
     */
    public static Object call(io.runnel.sql.internal.analyzer.FunctionResolver.ResolvedFunction fn, Object[] args,
                              ExpressionErrors errors, String sql) {
        try {
            return fn.invoke(args);
        } catch (RuntimeException e) {
            errors.report(new ExpressionEvaluationException("Error evaluating " + sql + ": " + e, e));
            return null;
        }
    }
}
