package io.runnel.log;

/** What happens to old records: deleted by retention, compacted by key, or both. */
public enum CleanupPolicy {
    DELETE("delete"), COMPACT("compact"), COMPACT_DELETE("compact,delete");

    private final String configName;

    CleanupPolicy(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public boolean compacts() {
        return this != DELETE;
    }

    public boolean deletes() {
        return this != COMPACT;
    }

    /** Parses {@code delete}, {@code compact}, {@code compact,delete} or {@code delete,compact}. */
    public static CleanupPolicy forName(String name) {
        String n = name.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "delete" -> DELETE;
            case "compact" -> COMPACT;
            case "compact,delete", "delete,compact" -> COMPACT_DELETE;
            default -> throw new InvalidConfigurationException("cleanup.policy", name, "delete, compact or compact,delete");
        };
    }
}
