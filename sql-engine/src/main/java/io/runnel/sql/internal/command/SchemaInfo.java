package io.runnel.sql.internal.command;

import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A type as ksqlDB's REST entities describe it: {@code {type, fields, memberSchema, parameters}}.
 * {@code type} is the base type name (INTEGER, BIGINT, STRING, DECIMAL, ARRAY, MAP, STRUCT, ...);
 * {@code fields} are a STRUCT's fields (empty otherwise); {@code memberSchema} is an ARRAY's
 * element type or a MAP's value type; {@code parameters} hold a DECIMAL's precision and scale.
 */
public record SchemaInfo(String type, List<FieldInfo> fields, Optional<SchemaInfo> memberSchema,
                         Map<String, Integer> parameters) {

    public SchemaInfo {
        Objects.requireNonNull(type, "type");
        fields = List.copyOf(fields);
        Objects.requireNonNull(memberSchema, "memberSchema");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static SchemaInfo of(SqlType type) {
        Objects.requireNonNull(type, "type");
        String name = type.baseType().name();
        if (type instanceof SqlType.Decimal d) {
            Map<String, Integer> parameters = new LinkedHashMap<>();
            parameters.put("precision", d.precision());
            parameters.put("scale", d.scale());
            return new SchemaInfo(name, List.of(), Optional.empty(), parameters);
        }
        if (type instanceof SqlType.Array a) return new SchemaInfo(name, List.of(), Optional.of(of(a.element())), Map.of());
        if (type instanceof SqlType.Map m) return new SchemaInfo(name, List.of(), Optional.of(of(m.value())), Map.of());
        if (type instanceof SqlType.Struct s) {
            List<FieldInfo> fields = new ArrayList<>();
            for (SqlType.Field field : s.fields()) fields.add(FieldInfo.value(field.name(), of(field.type())));
            return new SchemaInfo(name, fields, Optional.empty(), Map.of());
        }
        return new SchemaInfo(name, List.of(), Optional.empty(), Map.of());
    }
}
