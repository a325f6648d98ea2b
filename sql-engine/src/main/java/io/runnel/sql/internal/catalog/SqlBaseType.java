package io.runnel.sql.internal.catalog;

/** The kinds of SQL types, as in ksqlDB. */
public enum SqlBaseType {
    BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL, STRING, BYTES, DATE, TIME, TIMESTAMP, ARRAY, MAP, STRUCT;

    /** INTEGER, BIGINT, DECIMAL and DOUBLE: the types arithmetic works on. */
    public boolean isNumber() {
        return this == INTEGER || this == BIGINT || this == DECIMAL || this == DOUBLE;
    }
}
