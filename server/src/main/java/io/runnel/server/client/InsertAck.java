package io.runnel.server.client;

import java.util.Objects;

/**
 * The server's answer to one inserted row.
 *
 * @param status    {@code ok} or {@code error}
 * @param seq       the row's position in the request, from 0
 * @param errorCode for an error, ksqlDB's error code; 0 otherwise
 * @param message   for an error, why; null otherwise
 */
public record InsertAck(String status, long seq, int errorCode, String message) {

    public InsertAck {
        Objects.requireNonNull(status, "status");
    }

    public boolean isOk() {
        return "ok".equals(status);
    }
}
