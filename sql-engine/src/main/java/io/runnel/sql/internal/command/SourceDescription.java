package io.runnel.sql.internal.command;

import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * DESCRIBE's answer, with the information of ksqlDB's {@code SourceDescription}: name, type
 * (STREAM/TABLE), fields (keys first, marked KEY), topic and its partition count (0 when the
 * topic is not visible), formats, the window of a windowed key ({@code TUMBLING}, {@code HOPPING},
 * {@code SESSION}) and its size, the timestamp column ("" for ROWTIME), whether the source is
 * read-only ({@code CREATE SOURCE}), and whether the extended form was asked for. Queries reading
 * and writing the source (ksqlDB's readQueries/writeQueries) are added by the engine, which knows them.
 */
public record SourceDescription(String name, String type, List<FieldInfo> fields, String topic, int partitions,
                                int replication, String keyFormat, String valueFormat, Optional<String> windowType,
                                Optional<Long> windowSizeMillis, String timestamp, boolean readOnly, boolean extended) {

    public SourceDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        fields = List.copyOf(fields);
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(keyFormat, "keyFormat");
        Objects.requireNonNull(valueFormat, "valueFormat");
        Objects.requireNonNull(windowType, "windowType");
        Objects.requireNonNull(windowSizeMillis, "windowSizeMillis");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public static SourceDescription of(DataSource source, EngineTopics topics, boolean extended) {
        List<FieldInfo> fields = source.columns().stream()
                .sorted(java.util.Comparator.comparing((Column c) -> !c.isKey()))
                .map(FieldInfo::of).toList();
        int partitions = topics.partitions(source.topic()).orElse(0);
        return new SourceDescription(source.name(), source.kind().name(), fields, source.topic(), partitions,
                partitions == 0 ? 0 : 1, source.formats().keyFormat(), source.formats().valueFormat(),
                source.formats().window().map(w -> w.kind().name()),
                source.formats().window().flatMap(w -> w.sizeMillis()),
                source.timestampColumn().orElse(""), source.readOnly(), extended);
    }
}
