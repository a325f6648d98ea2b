package io.runnel.sql.internal.command;

import io.runnel.sql.internal.catalog.DataSource;
import java.util.Objects;

/** One line of SHOW STREAMS / SHOW TABLES, as ksqlDB's {@code SourceInfo}: type STREAM or TABLE. */
public record SourceSummary(String type, String name, String topic, String keyFormat, String valueFormat,
                            boolean isWindowed) {

    public SourceSummary {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(keyFormat, "keyFormat");
        Objects.requireNonNull(valueFormat, "valueFormat");
    }

    public static SourceSummary of(DataSource source) {
        return new SourceSummary(source.kind().name(), source.name(), source.topic(), source.formats().keyFormat(),
                source.formats().valueFormat(), source.formats().window().isPresent());
    }
}
