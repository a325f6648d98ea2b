package io.runnel.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workload options from the command line, written {@code --name value} or {@code --name=value}.
 * A workload reads each with its default; {@link #unused()} lists names nobody asked for so
 * that a typo is reported instead of silently ignored.
 */
public final class Options {
    private final Map<String, String> values;
    private final Map<String, Boolean> read = new LinkedHashMap<>();

    private Options(Map<String, String> values) {
        this.values = values;
    }

    public static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got '" + arg + "'");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            if (eq >= 0) {
                values.put(body.substring(0, eq), body.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(body, args[++i]);
            } else {
                values.put(body, "true");
            }
        }
        return new Options(values);
    }

    public static Options of(Map<String, String> values) {
        return new Options(new LinkedHashMap<>(values));
    }

    public String string(String name, String defaultValue) {
        read.put(name, Boolean.TRUE);
        return values.getOrDefault(name, defaultValue);
    }

    public long longValue(String name, long defaultValue) {
        String v = string(name, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, got '" + v + "'");
        }
    }

    public int intValue(String name, int defaultValue) {
        return Math.toIntExact(longValue(name, defaultValue));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(string(name, "false"));
    }

    /** Option names given but never read by the workload. */
    public Map<String, String> unused() {
        Map<String, String> unused = new LinkedHashMap<>(values);
        unused.keySet().removeAll(read.keySet());
        return Collections.unmodifiableMap(unused);
    }
}
