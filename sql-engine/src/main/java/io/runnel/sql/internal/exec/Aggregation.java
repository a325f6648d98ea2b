package io.runnel.sql.internal.exec;

import io.runnel.sql.function.Udaf;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.row.Row;
import java.util.ArrayList;
import java.util.List;

/** The aggregate functions of one node: their states as a row, updated per input row. */
final class Aggregation {
    private final List<AnalyzedQuery.AggregateCall> calls;
    private final List<Udaf<Object, Object, Object>> udafs = new ArrayList<>();
    private final List<Evaluator[]> arguments = new ArrayList<>();
    private final Step adding = (i, input, old) -> udafs.get(i).aggregate(input, old);
    @SuppressWarnings("unchecked")
    private final Step undoing = (i, input, old) -> ((io.runnel.sql.function.TableUdaf<Object, Object, Object>) udafs.get(i))
            .undo(input, old);

    Aggregation(List<AnalyzedQuery.AggregateCall> calls, ProcessingLog log, String nodeId) {
        this.calls = calls;
        for (AnalyzedQuery.AggregateCall call : calls) {
            int columns = call.function().columnCount();
            List<Object> constants = new ArrayList<>();
            for (TypedExpression c : call.arguments().subList(columns, call.arguments().size())) {
                constants.add(ExpressionCompiler.compile(c).evaluate(new Object[0]));
            }
            udafs.add(call.function().create(constants));
            Evaluator[] args = new Evaluator[columns];
            for (int i = 0; i < columns; i++) {
                args[i] = TopologyBuilder.compile(call.arguments().get(i), log, nodeId);
            }
            arguments.add(args);
        }
    }

    /** The input columns the aggregate functions read (none for {@code COUNT(*)}). */
    java.util.BitSet columnsRead() {
        java.util.BitSet read = new java.util.BitSet();
        for (AnalyzedQuery.AggregateCall call : calls) {
            for (TypedExpression argument : call.arguments().subList(0, call.function().columnCount())) {
                read.or(AggregateInputSerde.columnsRead(argument));
            }
        }
        return read;
    }

    List<RowSchema.Field> stateFields() {
        List<RowSchema.Field> fields = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            fields.add(RowSchema.Field.of("S" + i, calls.get(i).function().aggregateType()));
        }
        return fields;
    }

    Row initialize() {
        Object[] states = new Object[udafs.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = udafs.get(i).initialize();
        }
        return Row.wrap(states);
    }

    Row add(Row inputRow, Row state, ProcessingLog log, String nodeId) {
        return update(inputRow, state, log, nodeId, "aggregate", adding);
    }

    /** Merges the states of two sessions that a record joined into one. */
    Row merge(Row one, Row two, ProcessingLog log, String nodeId) {
        Object[] merged = new Object[udafs.size()];
        for (int i = 0; i < merged.length; i++) {
            try {
                merged[i] = udafs.get(i).merge(one.get(i), two.get(i));
            } catch (RuntimeException e) {
                log.error(nodeId, "merge of aggregate " + calls.get(i).sql() + " failed: " + e, e);
                merged[i] = two.get(i);
            }
        }
        return Row.wrap(merged);
    }

    /** Takes a row back out of the states (a table row that changed or was deleted). */
    Row undo(Row inputRow, Row state, ProcessingLog log, String nodeId) {
        return update(inputRow, state, log, nodeId, "undo of aggregate", undoing);
    }

    /** One function's next state from its input (its arguments) and its old state. */
    @FunctionalInterface
    private interface Step {
        Object next(int function, Object input, Object old);
    }

    /** Each function's next state for an input row; a function that fails keeps its state and is logged. */
    private Row update(Row inputRow, Row state, ProcessingLog log, String nodeId, String what, Step step) {
        Object[] row = inputRow.columnsForReading();
        Object[] next = state.toArray();
        for (int i = 0; i < udafs.size(); i++) {
            try {
                Evaluator[] args = arguments.get(i);
                Object[] values = new Object[args.length];
                for (int a = 0; a < args.length; a++) {
                    values[a] = args[a].evaluate(row);
                }
                next[i] = step.next(i, calls.get(i).function().input(values), next[i]);
            } catch (RuntimeException e) {
                log.error(nodeId, what + " " + calls.get(i).sql() + " failed: " + e, e);
            }
        }
        return Row.wrap(next);
    }

    Row results(Row state) {
        Object[] out = new Object[udafs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = udafs.get(i).map(state.get(i));
        }
        return Row.wrap(out);
    }
}
