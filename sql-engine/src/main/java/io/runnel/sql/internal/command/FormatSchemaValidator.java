package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that a key or value format can hold the columns given to it, with ksqlDB's messages:
 * NONE holds no column, KAFKA one column of INTEGER, BIGINT, DOUBLE, STRING or BYTES, DELIMITED
 * primitive and DECIMAL columns, JSON anything; {@code WRAP_SINGLE_VALUE} needs a format that
 * supports the setting and exactly one value column; no key column may be or contain a MAP.
 * Usable for CREATE and for the sink of CREATE ... AS SELECT alike.
 *
 * <p>Messages have ksqlDB's shape:
 * <pre>
 * Key format does not support schema.
 * format: KAFKA
 * schema: Persistence{columns=[`K1` INTEGER KEY, `K2` INTEGER KEY], features=[]}
 * reason: The 'KAFKA' format only supports a single field. Got: [`K1` INTEGER KEY, `K2` INTEGER KEY]
 * </pre>
 */
public final class FormatSchemaValidator {

    private static final Set<SqlBaseType> KAFKA_TYPES = Set.of(SqlBaseType.INTEGER, SqlBaseType.BIGINT,
            SqlBaseType.DOUBLE, SqlBaseType.STRING, SqlBaseType.BYTES);

    private FormatSchemaValidator() {
    }

    /** Checks the key columns (in order) against the key format. */
    public static void validateKey(KnownFormat format, List<Column> keyColumns) {
        for (Column column : keyColumns) {
            if (containsMap(column.type())) {
                throw new SqlException(SqlErrorCode.INVALID_SCHEMA, "Map keys, including types that contain maps, are not"
                        + " supported as they may lead to unexpected behavior due to inconsistent serialization. Key column"
                        + " name: " + SqlType.quote(column.name()) + ". Column type: " + column.type().sql()
                        + ". See https://github.com/confluentinc/ksql/issues/6621 for more.");
            }
        }
        String features = keyColumns.size() == 1 && format.unwrapsSingles() ? "UNWRAP_SINGLES" : "";
        reason(format, keyColumns).ifPresent(reason -> {
            throw unsupported("Key", format, keyColumns, features, reason);
        });
    }

    /**
     * Checks the value columns (headers excluded) against the value format and an explicit
     * WRAP_SINGLE_VALUE setting.
     */
    public static void validateValue(KnownFormat format, List<Column> valueColumns, Optional<Boolean> wrapSingleValue) {
        if (wrapSingleValue.isPresent()) {
            boolean wrap = wrapSingleValue.get();
            if (!format.supportsWrapping(wrap)) {
                throw new SqlException(SqlErrorCode.INVALID_PROPERTY, "Format '" + format + "' does not support"
                        + " 'WRAP_SINGLE_VALUE' set to '" + wrap + "'.");
            }
            if (valueColumns.size() != 1) {
                throw new SqlException(SqlErrorCode.INVALID_PROPERTY,
                        "'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
            }
        }
        String features = wrapSingleValue.map(w -> w ? "WRAP_SINGLES" : "UNWRAP_SINGLES").orElse("");
        reason(format, valueColumns).ifPresent(reason -> {
            throw unsupported("Value", format, valueColumns, features, reason);
        });
    }

    private static Optional<String> reason(KnownFormat format, List<Column> columns) {
        switch (format) {
            case NONE -> {
                if (!columns.isEmpty()) {
                    return Optional.of("The 'NONE' format can only be used when no columns are defined. Got: "
                            + columnList(columns));
                }
            }
            case KAFKA -> {
                if (columns.size() > 1) {
                    return Optional.of("The 'KAFKA' format only supports a single field. Got: " + columnList(columns));
                }
                if (columns.size() == 1 && !KAFKA_TYPES.contains(columns.get(0).type().baseType())) {
                    return Optional.of("The 'KAFKA' format does not support type '" + columns.get(0).type().baseType()
                            + "'");
                }
            }
            case DELIMITED -> {
                for (Column column : columns) {
                    SqlBaseType base = column.type().baseType();
                    if (base == SqlBaseType.ARRAY || base == SqlBaseType.MAP || base == SqlBaseType.STRUCT) {
                        return Optional.of("The 'DELIMITED' format does not support type '" + base + "', column: "
                                + SqlType.quote(column.name()));
                    }
                }
            }
            case JSON -> {
                return Optional.empty();
            }
            default -> throw new IllegalStateException("unhandled format " + format);
        }
        return Optional.empty();
    }

    private static SqlException unsupported(String what, KnownFormat format, List<Column> columns, String features,
                                            String reason) {
        return new SqlException(SqlErrorCode.INVALID_SCHEMA, what + " format does not support schema."
                + System.lineSeparator() + "format: " + format
                + System.lineSeparator() + "schema: Persistence{columns=" + columnList(columns) + ", features=["
                + features + "]}"
                + System.lineSeparator() + "reason: " + reason);
    }

    /** As ksqlDB prints persistence columns: {@code [`K` STRING KEY, `V` INTEGER]} (tables' keys print KEY too). */
    static String columnList(List<Column> columns) {
        return columns.stream().map(c -> SqlType.quote(c.name()) + " " + c.type().sql() + (c.isKey() ? " KEY" : ""))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static boolean containsMap(SqlType type) {
        if (type instanceof SqlType.Map) return true;
        if (type instanceof SqlType.Array a) return containsMap(a.element());
        if (type instanceof SqlType.Struct s) return s.fields().stream().anyMatch(f -> containsMap(f.type()));
        return false;
    }
}
