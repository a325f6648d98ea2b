package io.runnel.server.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.server.api.KsqlErrorMessage;
import java.io.IOException;

/** Turns an error body from the server into a {@link RunnelClientException}. */
final class ErrorBodies {

    private ErrorBodies() {
    }

    static RunnelClientException parse(ObjectMapper mapper, int httpStatus, String body) {
        try {
            KsqlErrorMessage error = mapper.readValue(body, KsqlErrorMessage.class);
            if (error instanceof KsqlErrorMessage.StatementError s) {
                return new RunnelClientException(httpStatus, s.errorCode(), s.message(), s.statementText(), s.entities(),
                        s.line(), s.column());
            }
            return new RunnelClientException(httpStatus, error.errorCode(), error.message(), null, null);
        } catch (IOException | RuntimeException e) {
            String shown = body.length() > 500 ? body.substring(0, 500) + "..." : body;
            return new RunnelClientException(httpStatus, httpStatus * 100, "HTTP " + httpStatus + ": " + shown, null, null);
        }
    }
}
