/**
 * The DSL: {@link io.runnel.streams.dsl.KStream}, {@link io.runnel.streams.dsl.KTable},
 * grouped and windowed streams, joins, and their options objects. Start with
 * {@link io.runnel.streams.StreamsBuilder}.
 */
package io.runnel.streams.dsl;
