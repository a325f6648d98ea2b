package io.runnel.sql.internal.parser;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The grammar's keywords by spelling, to decide whether a name must be quoted when printed. */
final class Keywords {

    private static final Map<String, Integer> BY_NAME = new HashMap<>();

    static {
        for (int type = 1; type <= RunnelSqlLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = RunnelSqlLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && Character.isLetter(literal.charAt(1))) {
                BY_NAME.put(literal.substring(1, literal.length() - 1).toUpperCase(Locale.ROOT), type);
            }
        }
    }

    private Keywords() {
    }

    /** Every keyword, upper-case. */
    static List<String> all() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** True if {@code word} is any keyword of the grammar. */
    static boolean isKeyword(String word) {
        return BY_NAME.containsKey(word.toUpperCase(Locale.ROOT));
    }
}
