package io.runnel.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The status of a command, as ksqlDB's {@code commandStatus}:
 * {@code {"status":"SUCCESS","message":"Stream created","queryId":null}}.
 *
 * @param status  QUEUED, PARSING, EXECUTING, SUCCESS, ERROR, TERMINATED
 * @param message for the user
 * @param queryId the persistent query the command started, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CommandStatus(Status status, String message, String queryId) {

    public CommandStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public static CommandStatus success(String message) {
        return new CommandStatus(Status.SUCCESS, message, null);
    }

    /** ksqlDB's command states. */
    public enum Status { QUEUED, PARSING, EXECUTING, SUCCESS, ERROR, TERMINATED }
}
