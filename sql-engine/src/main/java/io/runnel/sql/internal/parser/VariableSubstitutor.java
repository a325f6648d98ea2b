package io.runnel.sql.internal.parser;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${name}} with the value of a variable defined by {@code DEFINE name = 'value'},
 * everywhere in the text (identifiers and string literals alike, as ksqlDB does). Variable names
 * ignore case. An undefined variable is an error at its position.
 */
public final class VariableSubstitutor {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private VariableSubstitutor() {
    }

    /** {@code sql} with every {@code ${name}} replaced; {@code variables} keys are compared ignoring case. */
    public static String substitute(String sql, Map<String, String> variables) {
        if (sql.indexOf("${") < 0) return sql;
        Matcher matcher = REFERENCE.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length());
        while (matcher.find()) {
            String name = matcher.group(1).toUpperCase(Locale.ROOT);
            String value = lookup(variables, name);
            if (value == null) {
                int line = 1;
                int column = 1;
                for (int i = 0; i < matcher.start(); i++) {
                    if (sql.charAt(i) == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                throw new SqlParseException(SqlErrorCode.UNDEFINED_VARIABLE, line, column,
                        "variable " + matcher.group() + " is not defined", matcher.group(), List.of(),
                        "define it first with DEFINE " + matcher.group(1) + " = 'value';");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String lookup(Map<String, String> variables, String upperName) {
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (variable.getKey().toUpperCase(Locale.ROOT).equals(upperName)) return variable.getValue();
        }
        return null;
    }
}
