package io.runnel.server.internal.http;

import io.runnel.server.api.ErrorCodes;
import io.runnel.server.api.KsqlErrorMessage;
import io.runnel.server.api.StatementException;

/**
 * Maps failures to REST error bodies: a {@link StatementException} keeps its code (a user's
 * mistake is never a 500); anything else is an internal error, logged with its stack trace and
 * reported without it.
 */
final class Errors {

    private static final System.Logger LOG = System.getLogger(Errors.class.getName());

    private Errors() {
    }

    static KsqlErrorMessage toMessage(Throwable failure) {
        if (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof StatementException e) {
            return KsqlErrorMessage.of(e);
        }
        LOG.log(System.Logger.Level.ERROR, "internal error while serving a request", failure);
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new KsqlErrorMessage.GenericError(ErrorCodes.SERVER_ERROR, "Internal server error: " + detail);
    }

    static KsqlErrorMessage badRequest(String message) {
        return new KsqlErrorMessage.GenericError(ErrorCodes.BAD_REQUEST, message);
    }
}
