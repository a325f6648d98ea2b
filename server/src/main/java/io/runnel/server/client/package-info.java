/**
 * The Java client of the Runnel REST API ({@link io.runnel.server.client.RunnelClient}); it
 * speaks ksqlDB's API, so it also works against a ksqlDB server for the calls they share.
 */
package io.runnel.server.client;
