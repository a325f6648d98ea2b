/**
 * What the runtime does with a record it cannot deserialize, process or produce: the three
 * handlers of Kafka Streams ({@link io.runnel.streams.errors.DeserializationExceptionHandler},
 * {@link io.runnel.streams.errors.ProcessingExceptionHandler},
 * {@link io.runnel.streams.errors.ProductionExceptionHandler}), each answering
 * {@link io.runnel.streams.errors.HandlerResponse#CONTINUE} (drop the record, count it, go on) or
 * {@link io.runnel.streams.errors.HandlerResponse#FAIL} (the stream thread stops with a
 * {@link io.runnel.streams.StreamsException}, reported to the runtime's uncaught-exception handler
 * and state listener, never silently).
 */
package io.runnel.streams.errors;
