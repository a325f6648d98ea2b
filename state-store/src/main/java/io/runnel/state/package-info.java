/** Runnel state-store. */
package io.runnel.state;
