package io.runnel.server.api;

import java.util.Objects;

/**
 * What {@code GET /info} returns, inside {@code {"KsqlServerInfo": {...}}} as ksqlDB does.
 *
 * @param serverStatus {@code RUNNING}, {@code STARTING} or {@code TERMINATING}
 */
public record ServerInfo(String version, String kafkaClusterId, String ksqlServiceId, String serverStatus) {

    public ServerInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kafkaClusterId, "kafkaClusterId");
        Objects.requireNonNull(ksqlServiceId, "ksqlServiceId");
        Objects.requireNonNull(serverStatus, "serverStatus");
    }
}
