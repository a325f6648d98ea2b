package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.internal.function.FunctionClassScanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The one place built-in functions are registered: each family class holds one nested class per
 * function, annotated exactly as a user's function would be.
 */
public final class BuiltIns {
    private static final List<Class<?>> FAMILIES = List.of(
            StringFunctions.class, RegexFunctions.class, MaskFunctions.class, EncodingFunctions.class,
            MathFunctions.class, DoubleMathFunctions.class, ComparisonFunctions.class,
            DateTimeFunctions.class, IntervalFunctions.class, JsonFunctions.class, UrlFunctions.class,
            ArrayFunctions.class, MapFunctions.class, LambdaFunctions.class, NullFunctions.class,
            CountAggregates.class, SumAggregates.class, CollectAggregates.class, OffsetAggregates.class,
            StatsAggregates.class, TableFunctions.class);

    private BuiltIns() {
    }

    /** Every built-in function class, in a stable order. */
    public static List<Class<?>> classes() {
        List<Class<?>> all = new ArrayList<>();
        for (Class<?> family : FAMILIES) {
            Arrays.stream(family.getClasses()).filter(FunctionClassScanner::isFunctionClass)
                    .sorted(Comparator.comparing(Class::getName)).forEach(all::add);
        }
        return all;
    }
}
