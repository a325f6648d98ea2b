/**
 * The server side of the embedded log (log-core internal): {@link io.runnel.log.internal.broker.TopicRegistry}
 * (topics, persisted as versioned JSON by {@link io.runnel.log.internal.broker.TopicMetadataStore}),
 * {@link io.runnel.log.internal.broker.LogPartition} over storage's PartitionLog with long-poll
 * {@link io.runnel.log.internal.broker.WakeSignal}s, producer id allocation, the
 * {@code __consumer_offsets} store, and {@link io.runnel.log.internal.broker.Broker} tying them
 * together with the periodic tasks.
 *
 * <p>Data directory layout:
 * <pre>
 * &lt;dataDir&gt;/topics/&lt;topic&gt;.json          topic metadata (type runnel.topic, version 1)
 * &lt;dataDir&gt;/topics/&lt;topic&gt;.deleting      deletion in progress (finished on the next open)
 * &lt;dataDir&gt;/data/&lt;topic&gt;-&lt;partition&gt;/     a partition (storage's segments, indexes, checkpoints)
 * &lt;dataDir&gt;/producer-ids.json               next producer id block (type runnel.producer-ids, version 1)
 * </pre>
 */
package io.runnel.log.internal.broker;
