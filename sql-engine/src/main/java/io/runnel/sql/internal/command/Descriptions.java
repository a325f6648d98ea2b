package io.runnel.sql.internal.command;

import io.runnel.sql.engine.EngineResult;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Catalog objects as the {@link EngineResult} records that describe them (ksqlDB's REST entities
 * {@code SourceInfo}, {@code SourceDescription}, {@code FieldInfo}, {@code SchemaInfo}).
 */
public final class Descriptions {
    private Descriptions() {
    }

    /** One line of SHOW STREAMS / SHOW TABLES. */
    public static EngineResult.SourceInfo summary(DataSource source) {
        return new EngineResult.SourceInfo(source.kind().name(), source.name(), source.topic(),
                source.formats().keyFormat(), source.formats().valueFormat(), source.formats().window().isPresent());
    }

    /**
     * DESCRIBE's answer for one source, without the queries reading and writing it (the engine,
     * which knows them, adds them): keys first, the topic's partition count (0 and replication 0
     * when the topic is not visible), the window of a windowed key and its size.
     */
    public static EngineResult.SourceDetails source(DataSource source, EngineTopics topics, boolean extended,
                                                    String statement) {
        List<EngineResult.FieldDetails> fields = source.columns().stream()
                .sorted(Comparator.comparing((Column c) -> !c.isKey()))
                .map(Descriptions::field).toList();
        int partitions = topics.partitions(source.topic()).orElse(0);
        return new EngineResult.SourceDetails(source.name(), source.kind().name(), fields, source.topic(), partitions,
                partitions == 0 ? 0 : 1, source.formats().keyFormat(), source.formats().valueFormat(),
                source.formats().window().map(w -> w.kind().name()),
                source.formats().window().flatMap(w -> w.sizeMillis()),
                source.timestampColumn().orElse(""), source.readOnly(), extended, List.of(), List.of(), statement);
    }

    /** A column: role KEY for key columns, HEADER (with the header's key for {@code HEADER('k')}) for headers. */
    public static EngineResult.FieldDetails field(Column column) {
        Optional<String> role = switch (column.role()) {
            case KEY, PRIMARY_KEY -> Optional.of("KEY");
            case HEADERS -> Optional.of("HEADER");
            case VALUE -> Optional.empty();
        };
        return new EngineResult.FieldDetails(column.name(), type(column.type()), role, column.headerKey());
    }

    /**
     * A type as {@code {type, fields, member, parameters}}: the base type name; a STRUCT's fields;
     * an ARRAY's element or a MAP's value type; a DECIMAL's precision and scale.
     */
    public static EngineResult.ColumnType type(SqlType type) {
        Objects.requireNonNull(type, "type");
        String name = type.baseType().name();
        if (type instanceof SqlType.Decimal d) {
            Map<String, Integer> parameters = new LinkedHashMap<>();
            parameters.put("precision", d.precision());
            parameters.put("scale", d.scale());
            return new EngineResult.ColumnType(name, List.of(), Optional.empty(), parameters);
        }
        if (type instanceof SqlType.Array a) {
            return new EngineResult.ColumnType(name, List.of(), Optional.of(type(a.element())), Map.of());
        }
        if (type instanceof SqlType.Map m) {
            return new EngineResult.ColumnType(name, List.of(), Optional.of(type(m.value())), Map.of());
        }
        if (type instanceof SqlType.Struct s) {
            List<EngineResult.FieldDetails> fields = new ArrayList<>();
            for (SqlType.Field field : s.fields()) {
                fields.add(EngineResult.FieldDetails.value(field.name(), type(field.type())));
            }
            return new EngineResult.ColumnType(name, fields, Optional.empty(), Map.of());
        }
        return new EngineResult.ColumnType(name, List.of(), Optional.empty(), Map.of());
    }
}
