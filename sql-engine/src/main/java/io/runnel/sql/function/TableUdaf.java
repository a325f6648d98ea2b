package io.runnel.sql.function;

/**
 * An aggregate usable over a table: when a row is updated or deleted, its old value is taken out
 * of the aggregate with {@link #undo}.
 */
public interface TableUdaf<I, A, O> extends Udaf<I, A, O> {
    /** The aggregate after removing {@code valueToUndo}, which was added earlier. */
    A undo(I valueToUndo, A aggregate);
}
