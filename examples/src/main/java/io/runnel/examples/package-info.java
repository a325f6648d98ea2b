/** Runnel examples. */
package io.runnel.examples;
