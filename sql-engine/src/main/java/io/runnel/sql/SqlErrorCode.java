package io.runnel.sql;

/**
 * Stable error codes of user-facing SQL errors. The code never changes meaning once released;
 * clients may match on it (the message wording may improve over time).
 */
public enum SqlErrorCode {
    /** The statement does not follow the grammar (mismatched or missing token). */
    SYNTAX_ERROR("RUNNEL-1001"),
    /** A character or token that the SQL lexer does not know (e.g. an unterminated string). */
    LEXICAL_ERROR("RUNNEL-1002"),
    /** A literal the grammar accepts but whose value is invalid (integer too large, bad DECIMAL). */
    INVALID_LITERAL("RUNNEL-1003"),
    /** Well-formed syntax that is still not a valid statement (duplicate property, bad type). */
    INVALID_STATEMENT("RUNNEL-1004"),
    /** A {@code ${name}} variable that is not defined. */
    UNDEFINED_VARIABLE("RUNNEL-1005"),
    /** Input nested so deeply that the parser would run out of stack. */
    TOO_DEEPLY_NESTED("RUNNEL-1006"),
    /** A bug in the parser itself: always reported, never expected. */
    PARSER_INTERNAL_ERROR("RUNNEL-1099"),
    /** No stream or table with that name. */
    SOURCE_NOT_FOUND("RUNNEL-2001"),
    /** No column with that name in the source. */
    COLUMN_NOT_FOUND("RUNNEL-2002"),
    /** No custom type with that name. */
    TYPE_NOT_FOUND("RUNNEL-2003"),
    /** A stream, table or type with that name exists already. */
    ALREADY_EXISTS("RUNNEL-2004"),
    /** No function (scalar, aggregate or table) with that name. */
    FUNCTION_NOT_FOUND("RUNNEL-3001"),
    /** A function exists but none of its overloads accepts the arguments' types. */
    NO_MATCHING_FUNCTION_OVERLOAD("RUNNEL-3002"),
    /** A user function class that cannot be registered (bad signature, duplicate name, missing schema). */
    INVALID_FUNCTION_DEFINITION("RUNNEL-3003"),
    /** Several overloads of a function accept the arguments equally well (e.g. only NULL literals). */
    AMBIGUOUS_FUNCTION_CALL("RUNNEL-3004"),
    /** A WITH clause property that is unknown, missing, of the wrong type or in conflict with another. */
    INVALID_PROPERTY("RUNNEL-4001"),
    /** A key or value format that does not exist, or that Runnel does not support (e.g. AVRO). */
    UNSUPPORTED_FORMAT("RUNNEL-4002"),
    /** Columns the source's formats or kind cannot hold (key rules, reserved names, header types). */
    INVALID_SCHEMA("RUNNEL-4003"),
    /** The source's topic does not exist (and PARTITIONS was not given) or differs from what was asked. */
    TOPIC_NOT_FOUND("RUNNEL-4004"),
    /** A DDL statement the catalog's current state does not allow (drop of the wrong kind, replace of a read-only source). */
    INVALID_DDL("RUNNEL-4005"),
    /** SET / UNSET of a property name that is not known, or a value it does not accept. */
    INVALID_SESSION_PROPERTY("RUNNEL-4006"),
    /** A statement that is valid SQL but uses a feature Runnel does not support yet (e.g. JOIN). */
    UNSUPPORTED_FEATURE("RUNNEL-5001"),
    /** A query (SELECT, PRINT) given where statements are run (they go to the query endpoint). */
    QUERY_STATEMENT("RUNNEL-5002"),
    /** A statement that is not a query given where a query is expected. */
    NOT_A_QUERY("RUNNEL-5003"),
    /** No persistent query with that id. */
    QUERY_NOT_FOUND("RUNNEL-2005"),
    /** A row given to INSERT does not fit the target's schema. */
    INVALID_ROW("RUNNEL-4007");

    private final String code;

    SqlErrorCode(String code) {
        this.code = code;
    }

    /** The stable code, e.g. {@code RUNNEL-1001}. */
    public String code() {
        return code;
    }
}
