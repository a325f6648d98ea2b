package io.runnel.streams.dsl;

/** The initial aggregate of a new key (or window, or session). */
@FunctionalInterface
public interface Initializer<VA> {
    VA apply();
}
