/**
 * The log's public API: topic configuration, the in-process {@link io.runnel.log.Producer},
 * {@link io.runnel.log.Consumer} and {@link io.runnel.log.Admin} clients, and
 * {@link io.runnel.log.LogClients}, the factory through which everything above the log reaches
 * it (so that another log can be plugged in later).
 */
package io.runnel.log;
