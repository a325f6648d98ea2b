package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;

/**
 * ksqlDB's masking functions: upper-case letters become 'X', lower-case 'x', digits 'n', other
 * characters '-', unless overridden; a NULL override keeps that class of characters unmasked.
 */
public final class MaskFunctions {
    private MaskFunctions() {
    }

    static String mask(String input, int from, int to, String upper, String lower, String digit, String other) {
        StringBuilder b = new StringBuilder(input);
        for (int i = Math.max(from, 0); i < Math.min(to, input.length()); i++) {
            char c = input.charAt(i);
            String r = Character.isUpperCase(c) ? upper : Character.isLowerCase(c) ? lower : Character.isDigit(c) ? digit : other;
            if (r != null && !r.isEmpty()) b.setCharAt(i, r.charAt(0));
        }
        return b.toString();
    }

    private static void checkCount(String function, int n) {
        if (n < 0) throw new IllegalArgumentException("function " + function + " requires a non-negative number of characters to mask or keep");
    }

    @UdfDescription(name = "mask", category = "STRING", description = "Masks every character of a string.")
    public static final class Mask {
        @Udf
        public static String mask(@UdfParameter("input") String input) {
            return input == null ? null : MaskFunctions.mask(input, 0, input.length(), "X", "x", "n", "-");
        }

        @Udf
        public static String mask(@UdfParameter("input") String input, @UdfParameter("upper") String upper,
                                  @UdfParameter("lower") String lower, @UdfParameter("digit") String digit,
                                  @UdfParameter("other") String other) {
            return input == null ? null : MaskFunctions.mask(input, 0, input.length(), upper, lower, digit, other);
        }
    }

    @UdfDescription(name = "mask_left", category = "STRING", description = "Masks the first n characters of a string.")
    public static final class MaskLeft {
        @Udf
        public static String maskLeft(@UdfParameter("input") String input, @UdfParameter("numChars") Integer numChars) {
            return maskLeft(input, numChars, "X", "x", "n", "-");
        }

        @Udf
        public static String maskLeft(@UdfParameter("input") String input, @UdfParameter("numChars") Integer numChars,
                                      @UdfParameter("upper") String upper, @UdfParameter("lower") String lower,
                                      @UdfParameter("digit") String digit, @UdfParameter("other") String other) {
            if (input == null || numChars == null) return null;
            checkCount("mask_left", numChars);
            return MaskFunctions.mask(input, 0, numChars, upper, lower, digit, other);
        }
    }

    @UdfDescription(name = "mask_right", category = "STRING", description = "Masks the last n characters of a string.")
    public static final class MaskRight {
        @Udf
        public static String maskRight(@UdfParameter("input") String input, @UdfParameter("numChars") Integer numChars) {
            return maskRight(input, numChars, "X", "x", "n", "-");
        }

        @Udf
        public static String maskRight(@UdfParameter("input") String input, @UdfParameter("numChars") Integer numChars,
                                       @UdfParameter("upper") String upper, @UdfParameter("lower") String lower,
                                       @UdfParameter("digit") String digit, @UdfParameter("other") String other) {
            if (input == null || numChars == null) return null;
            checkCount("mask_right", numChars);
            return MaskFunctions.mask(input, input.length() - numChars, input.length(), upper, lower, digit, other);
        }
    }

    @UdfDescription(name = "mask_keep_left", category = "STRING", description = "Masks all but the first n characters of a string.")
    public static final class MaskKeepLeft {
        @Udf
        public static String maskKeepLeft(@UdfParameter("input") String input, @UdfParameter("numChars") Integer numChars) {
            return maskKeepLeft(input, numChars, "X", "x", "n", "-");
        }

        @Udf
        public static String maskKeepLeft(@UdfParameter("input") String input, @UdfParameter("numChars") Integer numChars,
                                          @UdfParameter("upper") String upper, @UdfParameter("lower") String lower,
                                          @UdfParameter("digit") String digit, @UdfParameter("other") String other) {
            if (input == null || numChars == null) return null;
            checkCount("mask_keep_left", numChars);
            return MaskFunctions.mask(input, numChars, input.length(), upper, lower, digit, other);
        }
    }

    @UdfDescription(name = "mask_keep_right", category = "STRING", description = "Masks all but the last n characters of a string.")
    public static final class MaskKeepRight {
        @Udf
        public static String maskKeepRight(@UdfParameter("input") String input, @UdfParameter("numChars") Integer numChars) {
            return maskKeepRight(input, numChars, "X", "x", "n", "-");
        }

        @Udf
        public static String maskKeepRight(@UdfParameter("input") String input, @UdfParameter("numChars") Integer numChars,
                                           @UdfParameter("upper") String upper, @UdfParameter("lower") String lower,
                                           @UdfParameter("digit") String digit, @UdfParameter("other") String other) {
            if (input == null || numChars == null) return null;
            checkCount("mask_keep_right", numChars);
            return MaskFunctions.mask(input, 0, input.length() - numChars, upper, lower, digit, other);
        }
    }
}
