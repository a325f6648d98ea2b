package io.runnel.sql.internal.exec;

import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.function.builtin.DateTimeFormats;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A record's time taken from a column (the {@code TIMESTAMP} property of a source or a sink), as
 * ksqlDB does: a BIGINT is epoch milliseconds, a TIMESTAMP its instant, a STRING is parsed with
 * the {@code TIMESTAMP_FORMAT} pattern (UTC unless the text has a zone). NULL, a negative time or
 * unparseable text is no time: the record is dropped and logged. Stateless.
 */
final class RecordTimestamps {
    /** The format property holding the pattern of a STRING timestamp column. */
    static final String FORMAT_PROPERTY = "TIMESTAMP_FORMAT";

    private final int column;
    private final String pattern;

    /**
     * @param columns the columns of the rows read, in order (the timestamp column is looked up by name)
     */
    RecordTimestamps(List<Column> columns, String timestampColumn, SourceFormats formats) {
        int index = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(timestampColumn)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("timestamp column " + timestampColumn + " not in " + columns);
        }
        this.column = index;
        this.pattern = formats.properties().get(FORMAT_PROPERTY);
    }

    /** The index, among the columns given, of the timestamp column. */
    int column() {
        return column;
    }

    /** The time of a value of the timestamp column, or empty when it has none. */
    Optional<Long> millis(Object value) {
        long ms;
        if (value instanceof Number n) {
            ms = n.longValue();
        } else if (value instanceof Instant i) {
            ms = i.toEpochMilli();
        } else if (value instanceof String s && pattern != null) {
            try {
                ms = DateTimeFormats.parseInstant(s, pattern, ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeException | IllegalArgumentException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        return ms < 0 ? Optional.empty() : Optional.of(ms);
    }
}
