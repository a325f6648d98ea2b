package io.runnel.log.internal.client;

import io.runnel.log.InvalidConfigurationException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a client configuration map (Kafka property names, string or typed values): rejects
 * unknown names, naming them, and parses values with messages that name the property.
 */
final class ClientConfig {
    private final String kind;
    private final Map<String, ?> values;

    ClientConfig(String kind, Map<String, ?> values, Set<String> known) {
        this.kind = kind;
        this.values = values;
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidConfigurationException("Unknown " + kind + " configuration '" + name + "'; known: "
                        + new TreeSet<>(known));
            }
        }
    }

    String string(String name, String defaultValue) {
        Object v = values.get(name);
        return v == null ? defaultValue : String.valueOf(v).trim();
    }

    long longValue(String name, long defaultValue, long min) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        long n;
        if (v instanceof Number num) {
            n = num.longValue();
        } else {
            try {
                n = Long.parseLong(String.valueOf(v).trim());
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(name, v, "a whole number");
            }
        }
        if (n < min) {
            throw new InvalidConfigurationException(name, v, "at least " + min);
        }
        return n;
    }

    int intValue(String name, int defaultValue, int min) {
        long n = longValue(name, defaultValue, min);
        if (n > Integer.MAX_VALUE) {
            throw new InvalidConfigurationException(name, n, "at most " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    boolean bool(String name, boolean defaultValue) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new InvalidConfigurationException(name, v, "true or false");
    }

    @Override
    public String toString() {
        return kind + " config " + values;
    }
}
