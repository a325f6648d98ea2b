package io.runnel.log;

/** Whose time a record's timestamp is: the producer's (create) or the log's (append). */
public enum TimestampType {
    CREATE_TIME("CreateTime"), LOG_APPEND_TIME("LogAppendTime");

    private final String configName;

    TimestampType(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static TimestampType forName(String name) {
        for (TimestampType t : values()) {
            if (t.configName.equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new InvalidConfigurationException("message.timestamp.type", name, "CreateTime or LogAppendTime");
    }
}
