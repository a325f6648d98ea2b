/**
 * The in-process clients (log-core internal): {@link io.runnel.log.internal.client.EmbeddedProducer}
 * (Kafka's partitioner, per-partition batching, a sender thread, idempotent sequences),
 * {@link io.runnel.log.internal.client.EmbeddedConsumer} (fetch buffers, long polls, group
 * membership on the polling thread) and {@link io.runnel.log.internal.client.EmbeddedAdmin}.
 */
package io.runnel.log.internal.client;
