package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.List;
import java.util.Optional;

/**
 * The {@code TIMESTAMP} / {@code TIMESTAMP_FORMAT} rule of ksqlDB, for CREATE and for the sink of
 * CREATE ... AS SELECT alike: the column must exist and be BIGINT or TIMESTAMP, or STRING with a
 * format (and a format needs a STRING column), with ksqlDB's messages.
 */
public final class TimestampColumnValidator {

    private TimestampColumnValidator() {
    }

    /**
     * The timestamp column, when set: TIMESTAMP must name a BIGINT or TIMESTAMP column, or a STRING
     * one with TIMESTAMP_FORMAT.
     */
    public static Optional<String> validate(SourceProperties props, List<Column> columns) {
        if (props.timestampColumn().isEmpty()) return Optional.empty();
        String name = props.timestampColumn().get();
        Column column = columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new SqlException(SqlErrorCode.COLUMN_NOT_FOUND, "The TIMESTAMP column set in the WITH"
                        + " clause does not exist in the schema: '" + name + "'"));
        SqlBaseType type = column.type().baseType();
        if (type == SqlBaseType.STRING) {
            if (props.timestampFormat().isEmpty()) {
                throw new SqlException(SqlErrorCode.INVALID_PROPERTY, "A String timestamp field has been specified"
                        + " without also specifying the timestamp_format");
            }
            return Optional.of(name);
        }
        if (props.timestampFormat().isPresent()) {
            throw new SqlException(SqlErrorCode.INVALID_PROPERTY, "'TIMESTAMP_FORMAT' set in the WITH clause can only be"
                    + " used when the timestamp column in of type STRING.");
        }
        if (type == SqlBaseType.BIGINT || type == SqlBaseType.TIMESTAMP) return Optional.of(name);
        throw new SqlException(SqlErrorCode.INVALID_SCHEMA, "Timestamp column, " + SqlType.quote(name)
                + ", should be LONG(INT64), TIMESTAMP, or a String with a timestamp_format specified");
    }
}
