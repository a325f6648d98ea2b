package io.runnel.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * The body of every REST error, shaped like ksqlDB's: {@code {"@type":"generic_error",
 * "error_code":40000,"message":"..."}} or, for a failing statement, {@code {"@type":
 * "statement_error","error_code":40001,"message":"...","statementText":"...","entities":[...]}}.
 * The HTTP status is {@code error_code / 100}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = KsqlErrorMessage.GenericError.class, name = "generic_error"),
    @JsonSubTypes.Type(value = KsqlErrorMessage.StatementError.class, name = "statement_error"),
})
public sealed interface KsqlErrorMessage {

    int errorCode();

    String message();

    /** The error for an exception: a statement error if it names a statement, else generic. */
    static KsqlErrorMessage of(StatementException e) {
        return e.statementText() == null
                ? new GenericError(e.errorCode(), e.getMessage())
                : new StatementError(e.errorCode(), e.getMessage(), e.statementText(), e.entities(), e.line(),
                        e.column());
    }

    /** An error that is not about one statement. */
    record GenericError(@JsonProperty("error_code") int errorCode, String message) implements KsqlErrorMessage {
        public GenericError {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A statement failed; {@code entities} are the results of the statements before it.
     * {@code line} and {@code column} (1-based, within {@code statementText}) are Runnel's
     * addition to ksqlDB's shape, sent only when known (ksqlDB clients ignore them); the shell
     * puts a caret there.
     */
    record StatementError(@JsonProperty("error_code") int errorCode, String message, String statementText,
            List<KsqlEntity> entities,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) int line,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) int column) implements KsqlErrorMessage {
        public StatementError {
            Objects.requireNonNull(message, "message");
            entities = entities == null ? List.of() : List.copyOf(entities);
        }

        /** Without a position. */
        public StatementError(int errorCode, String message, String statementText, List<KsqlEntity> entities) {
            this(errorCode, message, statementText, entities, 0, 0);
        }
    }
}
