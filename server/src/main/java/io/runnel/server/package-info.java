/** Runnel server. */
package io.runnel.server;
