package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ksqlDB's regular-expression functions (Java regex syntax). Compiled patterns are cached per
 * pattern text (patterns are usually literals, so the cache stays small; it is bounded).
 */
public final class RegexFunctions {
    private static final int MAX_CACHED = 1024;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private RegexFunctions() {
    }

    static Pattern pattern(String regex) {
        Pattern p = CACHE.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            if (CACHE.size() < MAX_CACHED) CACHE.put(regex, p);
        }
        return p;
    }

    @UdfDescription(name = "regexp_extract", category = "STRING",
            description = "The first substring matching a pattern (or one of its groups); NULL when nothing matches.")
    public static final class RegexpExtract {
        @Udf
        public static String regexpExtract(@UdfParameter("pattern") String pattern, @UdfParameter("input") String input) {
            return regexpExtract(pattern, input, 0);
        }

        @Udf
        public static String regexpExtract(@UdfParameter("pattern") String pattern, @UdfParameter("input") String input,
                                           @UdfParameter("group") Integer group) {
            if (pattern == null || input == null || group == null) return null;
            Matcher m = pattern(pattern).matcher(input);
            if (!m.find() || group > m.groupCount()) return null;
            return m.group(group);
        }
    }

    @UdfDescription(name = "regexp_extract_all", category = "STRING",
            description = "Every substring matching a pattern (or one of its groups).")
    public static final class RegexpExtractAll {
        @Udf
        public static List<String> regexpExtractAll(@UdfParameter("pattern") String pattern, @UdfParameter("input") String input) {
            return regexpExtractAll(pattern, input, 0);
        }

        @Udf
        public static List<String> regexpExtractAll(@UdfParameter("pattern") String pattern,
                                                    @UdfParameter("input") String input, @UdfParameter("group") Integer group) {
            if (pattern == null || input == null || group == null) return null;
            Matcher m = pattern(pattern).matcher(input);
            if (group > m.groupCount()) return null;
            List<String> out = new ArrayList<>();
            while (m.find()) out.add(m.group(group));
            return out;
        }
    }

    @UdfDescription(name = "regexp_replace", category = "STRING", description = "Replaces every match of a pattern.")
    public static final class RegexpReplace {
        @Udf
        public static String regexpReplace(@UdfParameter("input") String input, @UdfParameter("regex") String regex,
                                           @UdfParameter("replacement") String replacement) {
            if (input == null || regex == null || replacement == null) return null;
            return pattern(regex).matcher(input).replaceAll(replacement);
        }
    }

    @UdfDescription(name = "regexp_split_to_array", category = "STRING",
            description = "Splits a string by a pattern; empty parts are kept; an empty pattern splits into characters.")
    public static final class RegexpSplitToArray {
        @Udf
        public static List<String> regexpSplitToArray(@UdfParameter("string") String string, @UdfParameter("regexp") String regexp) {
            if (string == null || regexp == null) return null;
            if (regexp.isEmpty()) return StringFunctions.Split.split(string, "");
            return new ArrayList<>(Arrays.asList(pattern(regexp).split(string, -1)));
        }
    }
}
