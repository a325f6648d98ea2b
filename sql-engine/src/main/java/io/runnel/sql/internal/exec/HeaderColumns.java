package io.runnel.sql.internal.exec;

import io.runnel.common.Header;
import io.runnel.sql.function.Struct;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of a header column of a record, as ksqlDB reads it: a {@code HEADERS} column is every
 * header, in order, as {@code ARRAY<STRUCT<KEY STRING, VALUE BYTES>>}; a {@code HEADER('k')}
 * column is the BYTES of the last header named {@code k}, or NULL when there is none. Stateless.
 */
public final class HeaderColumns {

    private HeaderColumns() {
    }

    /** The column's value from a record's headers. */
    public static Object value(Column column, List<Header> headers) {
        if (column.headerKey().isPresent()) {
            String key = column.headerKey().get();
            Object last = null;
            for (Header h : headers) {
                if (h.key().equals(key)) {
                    last = bytes(h.value());
                }
            }
            return last;
        }
        List<SqlType.Field> fields = ((SqlType.Struct) ((SqlType.Array) column.type()).element()).fields();
        String keyField = fields.get(0).name();
        String valueField = fields.get(1).name();
        List<Object> out = new ArrayList<>(headers.size());
        for (Header h : headers) {
            out.add(Struct.builder().put(keyField, h.key()).put(valueField, bytes(h.value())).build());
        }
        return out;
    }

    private static ByteBuffer bytes(byte[] value) {
        return value == null ? null : ByteBuffer.wrap(value.clone());
    }
}
