/**
 * Runnel Streams: {@link io.runnel.streams.StreamsBuilder} (the DSL entry point),
 * {@link io.runnel.streams.Topology} (also built by hand with the Processor API) and its
 * description. Run topologies in tests with {@link io.runnel.streams.testing.TestDriver}.
 */
package io.runnel.streams;
