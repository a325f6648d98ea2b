package io.runnel.log.internal.client;

import io.runnel.log.CompressionType;
import io.runnel.log.InvalidConfigurationException;
import java.util.Map;
import java.util.Set;

/**
 * A producer's validated configuration, with Kafka 3.9's defaults.
 *
 * @param clientId          client.id
 * @param lingerMs          linger.ms: how long a batch waits for more records before it is sent (0)
 * @param batchSize         batch.size: bytes at which a batch is closed (16384)
 * @param compression       compression.type (none)
 * @param idempotence       enable.idempotence (true)
 * @param maxRequestSize    max.request.size: largest record accepted (1048576)
 * @param bufferMemory      buffer.memory: bytes of closed batches awaiting acknowledgement before
 *                          send() blocks (33554432)
 * @param deliveryTimeoutMs delivery.timeout.ms: bound of close(Duration) default waits (120000)
 */
public record ProducerConfig(String clientId, long lingerMs, int batchSize, CompressionType compression,
                             boolean idempotence, int maxRequestSize, long bufferMemory, long deliveryTimeoutMs) {

    /** Property names accepted; {@code acks}, {@code retries} etc. are accepted for compatibility and checked. */
    public static final Set<String> NAMES = Set.of("client.id", "linger.ms", "batch.size", "compression.type",
            "enable.idempotence", "max.request.size", "buffer.memory", "delivery.timeout.ms", "acks", "retries",
            "max.in.flight.requests.per.connection", "request.timeout.ms", "max.block.ms");

    public static ProducerConfig from(Map<String, ?> config, String defaultClientId) {
        ClientConfig c = new ClientConfig("producer", config, NAMES);
        String acks = c.string("acks", "all");
        if (!acks.equals("all") && !acks.equals("-1") && !acks.equals("1") && !acks.equals("0")) {
            throw new InvalidConfigurationException("acks", acks, "all, -1, 1 or 0");
        }
        boolean idempotence = c.bool("enable.idempotence", true);
        if (idempotence && (acks.equals("0") || acks.equals("1")) && config.containsKey("enable.idempotence")) {
            throw new InvalidConfigurationException("enable.idempotence=true requires acks=all, got acks=" + acks);
        }
        c.intValue("retries", Integer.MAX_VALUE, 0);
        c.intValue("max.in.flight.requests.per.connection", 5, 1);
        c.longValue("request.timeout.ms", 30_000, 0);
        c.longValue("max.block.ms", 60_000, 0);
        return new ProducerConfig(
                c.string("client.id", defaultClientId),
                c.longValue("linger.ms", 0, 0),
                c.intValue("batch.size", 16_384, 1),
                CompressionType.forName(c.string("compression.type", "none")),
                idempotence,
                c.intValue("max.request.size", 1_048_576, 1),
                c.longValue("buffer.memory", 33_554_432L, 1),
                c.longValue("delivery.timeout.ms", 120_000, 1));
    }
}
