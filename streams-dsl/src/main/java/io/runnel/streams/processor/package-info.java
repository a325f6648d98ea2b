/**
 * The Processor API: {@link io.runnel.streams.processor.Processor},
 * {@link io.runnel.streams.processor.Record}, {@link io.runnel.streams.processor.ProcessorContext}
 * and punctuation. Topologies are assembled with {@link io.runnel.streams.Topology}.
 */
package io.runnel.streams.processor;
