package io.runnel.sql.internal.function;

/** The kinds of functions, as SHOW FUNCTIONS lists them. */
public enum FunctionKind {
    SCALAR, AGGREGATE, TABLE
}
