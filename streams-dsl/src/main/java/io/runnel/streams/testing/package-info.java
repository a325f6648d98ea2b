/**
 * A synchronous, deterministic driver for topologies in tests:
 * {@link io.runnel.streams.testing.TestDriver} with input and output topics.
 */
package io.runnel.streams.testing;
