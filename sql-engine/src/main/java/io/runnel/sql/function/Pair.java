package io.runnel.sql.function;

/** The input of an aggregate over two columns, e.g. {@code CORRELATION(x, y)}; either may be null. */
public record Pair<L, R>(L left, R right) {
}
