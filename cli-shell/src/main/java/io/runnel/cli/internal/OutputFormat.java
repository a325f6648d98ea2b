package io.runnel.cli.internal;

import java.util.Locale;

/** How the shell prints results: aligned tables (ksqlDB's TABULAR) or JSON. */
public enum OutputFormat {
    TABLE, JSON;

    /** {@code table}, {@code tabular} or {@code json}, in any case. */
    public static OutputFormat parse(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "TABLE", "TABULAR" -> TABLE;
            case "JSON" -> JSON;
            default -> throw new IllegalArgumentException("Unknown output format '" + text
                    + "'; use TABLE (or TABULAR) or JSON");
        };
    }
}
