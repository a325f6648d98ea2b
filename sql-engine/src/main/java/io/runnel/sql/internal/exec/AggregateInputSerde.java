package io.runnel.sql.internal.exec;

import io.runnel.common.Deserializer;
import io.runnel.common.Serde;
import io.runnel.common.Serializer;
import io.runnel.sql.internal.analyzer.ExpressionChildren;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.FormatOptions;
import io.runnel.sql.internal.serde.Formats;
import io.runnel.sql.internal.serde.SerdeSchema;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The serde of an aggregation's input rows between its grouping and its aggregate functions (the
 * repartition topic of GROUP BY): a JSON object holding only the columns the aggregate functions
 * read, named as {@link TopologyBuilder#jsonSerde} names the whole row's fields, read back into a
 * row of the whole width with the other columns NULL. {@code COUNT(*)} reads none, so its rows
 * travel as {@code {}}.
 *
 * <p>Compatibility: the reader matches fields by name, ignores unknown ones and reads missing
 * ones as NULL, so rows written with every column (before this serde) read back the same way.
 * Thread-safe, as the JSON serde it wraps.
 */
final class AggregateInputSerde {

    private AggregateInputSerde() {
    }

    /** The serde of rows of {@code fields}, writing only the columns in {@code read}. */
    static Serde<Row> of(List<RowSchema.Field> fields, BitSet read) {
        List<Column> all = TopologyBuilder.jsonColumns(SerdeSchema.Part.VALUE, fields);
        int width = all.size();
        int[] kept = read.stream().filter(i -> i < width).toArray();
        if (kept.length == width) {
            return Formats.JSON.serde(new SerdeSchema(SerdeSchema.Part.VALUE, all), FormatOptions.DEFAULTS);
        }
        List<Column> columns = new ArrayList<>();
        for (int i : kept) {
            columns.add(all.get(i));
        }
        Serde<Row> narrow = Formats.JSON.serde(new SerdeSchema(SerdeSchema.Part.VALUE, columns), FormatOptions.DEFAULTS);
        Serializer<Row> writer = narrow.serializer();
        Deserializer<Row> reader = narrow.deserializer();
        return Serde.of((topic, row) -> {
            if (row == null) {
                return null;
            }
            Object[] out = new Object[kept.length];
            for (int i = 0; i < kept.length; i++) {
                out[i] = kept[i] < row.size() ? row.get(kept[i]) : null;
            }
            return writer.serialize(topic, Row.wrap(out));
        }, (topic, data) -> {
            Row narrowRow = reader.deserialize(topic, data);
            if (narrowRow == null) {
                return null;
            }
            Object[] out = new Object[width];
            for (int i = 0; i < kept.length; i++) {
                out[kept[i]] = narrowRow.get(i);
            }
            return Row.wrap(out);
        });
    }

    /** The input columns an expression reads (the indices of its nodes bound to input columns). */
    static BitSet columnsRead(TypedExpression expression) {
        BitSet read = new BitSet();
        collect(expression, expression.expression(), read);
        return read;
    }

    private static void collect(TypedExpression typed, Expression e, BitSet read) {
        if (typed.isBound(e)) {
            read.set(typed.columnIndex(e));
            return;
        }
        for (Expression child : ExpressionChildren.of(e)) {
            collect(typed, child, read);
        }
    }
}
