package io.runnel.sql.internal.exec;

import io.runnel.common.Serde;
import io.runnel.sql.internal.analyzer.AnalyzedJoin;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.ast.Relation;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.TimeSpan;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.SerdeSchema;
import io.runnel.state.KeyValueStore;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.JoinWindows;
import io.runnel.streams.dsl.Joined;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Named;
import io.runnel.streams.dsl.StreamJoined;
import io.runnel.streams.dsl.ValueJoiner;
import io.runnel.streams.processor.FixedKeyProcessor;
import io.runnel.streams.processor.FixedKeyProcessorContext;
import io.runnel.streams.processor.FixedKeyRecord;
import java.time.Duration;
import java.util.List;

/**
 * Builds the operators of {@link ExecNode.Join} steps through the public streams-dsl API, as
 * ksqlDB compiles its joins: stream-stream joins with {@link JoinWindows} (without GRACE PERIOD,
 * Kafka Streams' legacy windows: 24 h grace and eager left/outer results), stream-table joins,
 * table-table joins and foreign-key table joins. A side joined on something other than its key
 * is re-keyed by its join expression first; the DSL repartitions it. RIGHT joins are the other
 * side's LEFT join with the values put back in order. Every operator, store and repartition
 * topic is named {@code queryId.nodeId...}.
 *
 * <p>Values are joined rows: a source's row (its columns, ROWTIME, ROWPARTITION, ROWOFFSET), or
 * the left value and right value side by side after a join; keys are {@link Row}s of the join key.
 */
final class JoinBuilder {
    private final java.util.function.Function<ExecNode.StreamSource, KStream<Object, Row>> sources;
    private final String queryId;
    private final ProcessingLog log;

    /**
     * @param sources reads a source node's records as the rest of the topology does (its formats,
     *                and whatever the source needs before its rows are laid out)
     */
    JoinBuilder(java.util.function.Function<ExecNode.StreamSource, KStream<Object, Row>> sources, String queryId,
                ProcessingLog log) {
        this.sources = sources;
        this.queryId = queryId;
        this.log = log;
    }

    /** The join's result as a stream (of changes, when it is a table). */
    KStream<Object, Row> stream(ExecNode.Join node) {
        if (node.step().resultKind() == SourceKind.TABLE) {
            return table(node).toStream(Named.as(name(node) + ".changes"));
        }
        AnalyzedJoin.Step step = node.step();
        KStream<Object, Row> left = leftStream(node);
        if (step.kind() == AnalyzedJoin.Kind.STREAM_TABLE) {
            KTable<Object, Row> right = tableRows(node.right(), step.right().row());
            Joined<Object, Row, Row> joined = Joined.with(keySerde(node), valueSerde(node.leftRows()),
                    valueSerde(step.right().row())).withName(name(node));
            ValueJoiner<Row, Row, Row> joiner = joiner(node.leftRows().size(), step.right().row().size());
            return step.type() == Relation.JoinType.LEFT ? left.leftJoin(right, joiner, joined)
                    : left.join(right, joiner, joined);
        }
        KStream<Object, Row> right = rekeyed(sourceRows(node.right()), step.rekeyRight(), step.rightKey(),
                node, ".right.rekey");
        Relation.JoinWindow within = step.within().orElseThrow();
        long before = millis(within.before());
        long after = millis(within.after());
        int leftWidth = node.leftRows().size();
        int rightWidth = step.right().row().size();
        Serde<Row> leftSerde = valueSerde(node.leftRows());
        Serde<Row> rightSerde = valueSerde(step.right().row());
        if (step.type() == Relation.JoinType.RIGHT) {
            // The right side's left join, windows seen from the right, values back in left-right order.
            JoinWindows windows = windows(after, before, within);
            ValueJoiner<Row, Row, Row> swapped = (r, l) -> concat(l, leftWidth, r, rightWidth);
            return right.leftJoin(left, swapped, windows, StreamJoined.<Object, Row, Row>with(keySerde(node),
                    rightSerde, leftSerde).withName(name(node)).withStoreName(name(node) + ".store"));
        }
        JoinWindows windows = windows(before, after, within);
        StreamJoined<Object, Row, Row> joined = StreamJoined.<Object, Row, Row>with(keySerde(node), leftSerde,
                rightSerde).withName(name(node)).withStoreName(name(node) + ".store");
        ValueJoiner<Row, Row, Row> joiner = joiner(leftWidth, rightWidth);
        return switch (step.type()) {
            case INNER -> left.join(right, joiner, windows, joined);
            case LEFT -> left.leftJoin(right, joiner, windows, joined);
            case FULL -> left.outerJoin(right, joiner, windows, joined);
            case RIGHT -> throw new IllegalStateException("handled above");
        };
    }

    /** The join's result as a table (both sides tables). */
    KTable<Object, Row> table(ExecNode.Join node) {
        AnalyzedJoin.Step step = node.step();
        KTable<Object, Row> left = leftTable(node.left(), node.leftRows());
        KTable<Object, Row> right = tableRows(node.right(), step.right().row());
        int leftWidth = node.leftRows().size();
        int rightWidth = step.right().row().size();
        Materialized<Object, Row, KeyValueStore<Object, Row>> store = Materialized
                .<Object, Row, KeyValueStore<Object, Row>>as(name(node) + ".store")
                .withKeySerde(keySerde(node)).withValueSerde(valueSerde(joinedRows(node)));
        ValueJoiner<Row, Row, Row> joiner = joiner(leftWidth, rightWidth);
        if (step.kind() == AnalyzedJoin.Kind.FOREIGN_KEY) {
            Evaluator foreignKey = ExpressionCompiler.compile(step.leftKey());
            String nodeId = node.id();
            java.util.function.Function<Row, Object> extractor = row -> {
                try {
                    Object fk = foreignKey.evaluate(row.columnsForReading());
                    return fk == null ? null : Row.of(fk);
                } catch (ExpressionEvaluationException e) {
                    log.error(nodeId, e.getMessage(), e);
                    return null;
                }
            };
            return step.type() == Relation.JoinType.LEFT ? left.leftJoin(right, extractor, joiner, store)
                    : left.join(right, extractor, joiner, store);
        }
        return switch (step.type()) {
            case INNER -> left.join(right, joiner, store);
            case LEFT -> left.leftJoin(right, joiner, store);
            case FULL -> left.outerJoin(right, joiner, store);
            case RIGHT -> right.leftJoin(left, (r, l) -> concat(l, leftWidth, r, rightWidth), store);
        };
    }

    private KStream<Object, Row> leftStream(ExecNode.Join node) {
        KStream<Object, Row> rows;
        if (node.left() instanceof ExecNode.StreamSource s) {
            rows = sourceRows(s);
        } else if (node.left() instanceof ExecNode.Join j) {
            rows = stream(j);
        } else if (node.left() instanceof ExecNode.Filter f && f.input() instanceof ExecNode.StreamSource s) {
            rows = filtered(sourceRows(s), f);
        } else {
            throw new IllegalStateException("a join's left side is a source, a filtered stream source or a join: "
                    + node.left().id());
        }
        return rekeyed(rows, node.step().rekeyLeft(), node.step().leftKey(), node, ".left.rekey");
    }

    /**
     * A WHERE filter the optimizer pushed below the join onto its left stream: source rows for
     * which the predicate (over the source row) is not TRUE are dropped, as are records without a
     * value; a failing predicate goes to the processing log and drops the record.
     */
    private KStream<Object, Row> filtered(KStream<Object, Row> rows, ExecNode.Filter filter) {
        Evaluator predicate = ExpressionCompiler.compile(filter.predicate());
        String nodeId = filter.id();
        ExpressionErrors errors = e -> log.error(nodeId, e.getMessage(), e);
        return rows.filter((key, row) -> {
            if (row == null) {
                return false;
            }
            try {
                return Boolean.TRUE.equals(predicate.evaluate(row.columnsForReading(), errors));
            } catch (ExpressionEvaluationException e) {
                log.error(nodeId, e.getMessage(), e);
                return false;
            }
        }, Named.as(name(filter)));
    }

    private KTable<Object, Row> leftTable(ExecNode left, RowSchema rows) {
        if (left instanceof ExecNode.StreamSource s) {
            return tableRows(s, rows);
        } else if (left instanceof ExecNode.Join j) {
            return table(j);
        }
        throw new IllegalStateException("a join's left side is a source or a join: " + left.id());
    }

    /** A source's records as source rows, keyed as read (tombstones stay tombstones). */
    private KStream<Object, Row> sourceRows(ExecNode.StreamSource node) {
        DataSource source = node.source();
        KStream<Object, Row> stream = sources.apply(node);
        RowLayout layout = new RowLayout.Source(source);
        return stream.processValues(() -> new FixedKeyProcessor<Object, Row, Row>() {
            private FixedKeyProcessorContext<Object, Row> context;

            @Override
            public void init(FixedKeyProcessorContext<Object, Row> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<Object, Row> record) {
                if (record.value() == null) {
                    context.forward(record);
                    return;
                }
                context.forward(record.withValue(Row.wrap(layout.fill(record.key(), record.value(), record.timestamp(),
                        context.recordMetadata().map(m -> m.partition()).orElse(0),
                        context.recordMetadata().map(m -> m.offset()).orElse(-1L)))));
            }
        }, Named.as(name(node) + ".rows"));
    }

    /** A table source's rows as a table keyed by its key. */
    private KTable<Object, Row> tableRows(ExecNode.StreamSource node, RowSchema rows) {
        Consumed<Row, Row> consumed = TopologyBuilder.consumed(node.source());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serde<Object> keySerde = (Serde) consumed.keySerde();
        return sourceRows(node).toTable(Materialized.<Object, Row, KeyValueStore<Object, Row>>as(name(node) + ".store")
                .withKeySerde(keySerde).withValueSerde(valueSerde(rows)));
    }

    /** Re-keys a side by its join expression (the DSL repartitions it before the join). */
    private KStream<Object, Row> rekeyed(KStream<Object, Row> rows, boolean rekey,
                                         io.runnel.sql.internal.analyzer.TypedExpression key, ExecNode.Join node,
                                         String suffix) {
        if (!rekey) {
            return rows;
        }
        Evaluator evaluator = ExpressionCompiler.compile(key);
        return rows.selectKey((k, v) -> {
            if (v == null) {
                return null;
            }
            try {
                Object value = evaluator.evaluate(v.columnsForReading());
                return value == null ? null : Row.of(value);
            } catch (ExpressionEvaluationException e) {
                log.error(node.id(), e.getMessage(), e);
                return null;
            }
        }, Named.as(name(node) + suffix));
    }

    private static JoinWindows windows(long before, long after, Relation.JoinWindow within) {
        if (within.grace().isPresent()) {
            return new JoinWindows(before, after, millis(within.grace().get()));
        }
        return JoinWindows.of(Duration.ofMillis(before)).after(Duration.ofMillis(after));
    }

    private static ValueJoiner<Row, Row, Row> joiner(int leftWidth, int rightWidth) {
        return (l, r) -> concat(l, leftWidth, r, rightWidth);
    }

    /** The left value then the right value; a missing side is all NULL. */
    static Row concat(Row left, int leftWidth, Row right, int rightWidth) {
        Object[] out = new Object[leftWidth + rightWidth];
        if (left != null) {
            System.arraycopy(left.columnsForReading(), 0, out, 0, Math.min(leftWidth, left.size()));
        }
        if (right != null) {
            System.arraycopy(right.columnsForReading(), 0, out, leftWidth, Math.min(rightWidth, right.size()));
        }
        return Row.wrap(out);
    }

    /** The serde of the join key: its columns as JSON (stores and repartition topics only). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Serde<Object> keySerde(ExecNode.Join node) {
        List<RowSchema.Field> fields = new java.util.ArrayList<>();
        if (node.step().kind() == AnalyzedJoin.Kind.FOREIGN_KEY) {
            for (io.runnel.sql.internal.catalog.Column c : ExecNode.sourcesOf(node).get(0).source().keyColumns()) {
                fields.add(RowSchema.Field.of(c.name(), c.type()));
            }
        } else {
            fields.add(RowSchema.Field.of("K", node.step().keyType()));
        }
        Serde<Row> rows = TopologyBuilder.jsonSerde(SerdeSchema.Part.KEY, fields);
        // Windowed streams are joined on key and window: their keys stay Windowed<Row> through the join.
        io.runnel.sql.internal.catalog.SourceFormats left = ExecNode.sourcesOf(node).get(0).source().formats();
        return left.window().isPresent() ? TopologyBuilder.windowedKeySerde(rows, left) : (Serde) rows;
    }

    private static Serde<Row> valueSerde(RowSchema rows) {
        List<RowSchema.Field> fields = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            fields.add(RowSchema.Field.of("F" + i, rows.field(i).type()));
        }
        return TopologyBuilder.jsonSerde(SerdeSchema.Part.VALUE, fields);
    }

    private static RowSchema joinedRows(ExecNode.Join node) {
        List<RowSchema.Field> fields = new java.util.ArrayList<>(node.leftRows().fields());
        fields.addAll(node.step().right().row().fields());
        return new RowSchema(fields);
    }

    private static long millis(TimeSpan span) {
        return span.toMillis();
    }

    private String name(ExecNode node) {
        return queryId + "." + node.id();
    }
}
