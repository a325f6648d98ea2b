package io.runnel.sql.internal.planner;

/** A query shape the Calcite phase does not translate; the query is planned without it. */
final class UnsupportedShapeException extends RuntimeException {
    UnsupportedShapeException(String shape) {
        super(shape);
    }
}
