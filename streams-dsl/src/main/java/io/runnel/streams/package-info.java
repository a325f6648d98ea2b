/** Runnel streams-dsl. */
package io.runnel.streams;
