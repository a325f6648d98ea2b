/** Serdes beyond {@link io.runnel.common.Serdes}: JSON and windowed keys. */
package io.runnel.streams.serde;
