package io.runnel.sql.internal.exec;

import io.runnel.common.Serde;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.LogicalSchema;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.TimeSpan;
import io.runnel.sql.internal.ast.WindowExpression;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.FormatOptions;
import io.runnel.sql.internal.serde.Formats;
import io.runnel.sql.internal.serde.SerdeSchema;
import io.runnel.sql.internal.serde.WindowedKey;
import io.runnel.sql.internal.serde.WindowedSerdes;
import io.runnel.state.Window;
import io.runnel.state.SessionStore;
import io.runnel.state.WindowStore;
import io.runnel.state.Windowed;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.EmitStrategy;
import io.runnel.streams.dsl.ForeachAction;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.KGroupedStream;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Named;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.SessionWindows;
import io.runnel.streams.dsl.Suppressed;
import io.runnel.streams.dsl.TimeWindows;
import io.runnel.streams.processor.FixedKeyProcessor;
import io.runnel.streams.processor.FixedKeyProcessorContext;
import io.runnel.streams.processor.FixedKeyRecord;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the streams topology of an exec plan through the public streams-dsl API: one method per
 * node kind, each operator and store named {@code queryId.nodeId}. Rows travel as
 * {@code KStream<Object, Row>}: the key is the key columns as a {@link Row}, or a
 * {@code Windowed<Row>} after a windowed aggregation. Expressions are compiled once here and
 * evaluated per record; a record whose expression fails is reported to the {@link ProcessingLog}.
 */
public final class TopologyBuilder {
    /** ksqlDB's grace period of a window that does not set one. */
    static final Duration DEFAULT_GRACE = Duration.ofHours(24);

    private final String queryId;
    private final ProcessingLog log;
    private final StreamsBuilder builder = new StreamsBuilder();
    private final JoinBuilder joins;
    /** Where a push query's results go in-process instead of the sink's topic; null for a persistent query. */
    private final ForeachAction<Object, Row> results;

    private TopologyBuilder(String queryId, ProcessingLog log, ForeachAction<Object, Row> results) {
        this.queryId = queryId;
        this.log = log;
        this.joins = new JoinBuilder(this::source, queryId, log);
        this.results = results;
    }

    public static Topology build(String queryId, ExecNode.Sink plan, ProcessingLog log) {
        TopologyBuilder b = new TopologyBuilder(queryId, log, null);
        b.sink(plan);
        return b.builder.build();
    }

    /**
     * As {@link #build}, except that the sink's records (key: a {@code Row}, a {@link Windowed}
     * row or null; value: a {@code Row} or null for a delete) are handed to {@code results} on
     * the stream thread instead of being written to the sink's topic: a push query's result
     * reaches its reader without a topic, a producer linger or an fsync on the way.
     */
    public static Topology buildTransient(String queryId, ExecNode.Sink plan, ProcessingLog log,
                                          ForeachAction<Object, Row> results) {
        TopologyBuilder b = new TopologyBuilder(queryId, log, java.util.Objects.requireNonNull(results, "results"));
        b.sink(plan);
        return b.builder.build();
    }

    private KStream<Object, Row> stream(ExecNode node) {
        if (node instanceof ExecNode.StreamSource s) {
            return source(s);
        } else if (node instanceof ExecNode.Filter f) {
            return filter(f);
        } else if (node instanceof ExecNode.Aggregate a) {
            return aggregate(a);
        } else if (node instanceof ExecNode.TableFilter f) {
            return f.input() instanceof ExecNode.Aggregate a ? havingFilter(f, a) : tableFilter(f);
        } else if (node instanceof ExecNode.Project p) {
            return project(p);
        } else if (node instanceof ExecNode.Join j) {
            return joins.stream(j);
        } else if (node instanceof ExecNode.Sink s) {
            throw new IllegalStateException("a sink has no downstream: " + s.id());
        }
        throw new IllegalStateException("exec node kind not handled: " + node.getClass().getSimpleName());
    }

    private KStream<Object, Row> source(ExecNode.StreamSource node) {
        DataSource source = node.source();
        if (source.formats().window().isPresent()) {
            // A windowed source's keys are read as Windowed<Row>, so WINDOWSTART / WINDOWEND are readable
            // and a projection writes them on unchanged.
            Consumed<Row, Row> plain = consumed(source);
            Consumed<Object, Row> windowed = Consumed.with(windowedKeySerde(plain.keySerde(), source.formats()),
                    plain.valueSerde());
            return withSourceTimestamps(node, builder.stream(source.topic(), windowed.withName(name(node))));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        KStream<Object, Row> stream = (KStream) builder.stream(source.topic(), consumed(source).withName(name(node)));
        return withSourceTimestamps(node, stream);
    }

    /**
     * A source with HEADERS / HEADER('key') columns: their values, read from the record's headers,
     * are appended to the value row (after the value columns, in declared order: the layout of
     * {@link RowLayout.Source}).
     */
    private KStream<Object, Row> withHeaderColumns(ExecNode.StreamSource node, KStream<Object, Row> stream) {
        List<Column> headerColumns = node.source().columns().stream()
                .filter(c -> c.role() == Column.Role.HEADERS).toList();
        if (headerColumns.isEmpty()) {
            return stream;
        }
        return stream.process(() -> new Processor<Object, Row, Object, Row>() {
            private ProcessorContext<Object, Row> context;

            @Override
            public void init(ProcessorContext<Object, Row> context) {
                this.context = context;
            }

            @Override
            public void process(Record<Object, Row> record) {
                if (record.value() == null) {
                    context.forward(record);
                    return;
                }
                Object[] values = record.value().columnsForReading();
                Object[] row = java.util.Arrays.copyOf(values, values.length + headerColumns.size());
                for (int i = 0; i < headerColumns.size(); i++) {
                    row[values.length + i] = HeaderColumns.value(headerColumns.get(i), record.headers());
                }
                context.forward(record.withValue(Row.wrap(row)));
            }
        }, Named.as(name(node) + ".headers"));
    }

    /** A source with a TIMESTAMP column: each record's time is that column's (records without one are dropped). */
    private KStream<Object, Row> withSourceTimestamps(ExecNode.StreamSource node, KStream<Object, Row> input) {
        DataSource source = node.source();
        KStream<Object, Row> stream = withHeaderColumns(node, input);
        if (source.timestampColumn().isEmpty()) {
            return stream;
        }
        RecordTimestamps timestamps = new RecordTimestamps(source.columns(), source.timestampColumn().get(),
                source.formats());
        RowLayout layout = new RowLayout.Source(source);
        return retime(stream, (key, value) -> value == null ? null
                : layout.fill(key, value, 0, 0, -1)[timestamps.column()], timestamps, node.id(), name(node) + ".timestamp");
    }

    /** Sets each record's time from a column value ({@code column} reads it from key and value); drops the record when there is none. */
    private KStream<Object, Row> retime(KStream<Object, Row> stream, java.util.function.BiFunction<Object, Row, Object> column,
                                       RecordTimestamps timestamps, String nodeId, String processorName) {
        return stream.process(() -> new Processor<Object, Row, Object, Row>() {
            private ProcessorContext<Object, Row> context;

            @Override
            public void init(ProcessorContext<Object, Row> context) {
                this.context = context;
            }

            @Override
            public void process(Record<Object, Row> record) {
                if (record.value() == null) {
                    context.forward(record);
                    return;
                }
                Object value = column.apply(record.key(), record.value());
                java.util.Optional<Long> time = timestamps.millis(value);
                if (time.isEmpty()) {
                    log.error(nodeId, "no valid timestamp in the TIMESTAMP column (" + value + "): record dropped", null);
                    return;
                }
                context.forward(record.withTimestamp(time.get()));
            }
        }, Named.as(processorName));
    }

    /** Windowed keys ({@link WindowedKey} bytes) as {@code Windowed<Row>} stream keys. */
    static Serde<Object> windowedKeySerde(Serde<Row> keySerde, SourceFormats formats) {
        SourceFormats.KeyWindow window = formats.window().orElseThrow();
        Serde<WindowedKey> bytes = window.kind() == SourceFormats.KeyWindow.Kind.SESSION
                ? WindowedSerdes.sessionWindowed(keySerde) : WindowedSerdes.timeWindowed(keySerde, window.sizeMillis().get());
        return Serde.of((topic, key) -> {
            if (key == null) {
                return null;
            }
            Windowed<?> w = (Windowed<?>) key;
            return bytes.serializer().serialize(topic, new WindowedKey((Row) w.key(), w.window().start(), w.window().end()));
        }, (topic, data) -> {
            WindowedKey k = bytes.deserializer().deserialize(topic, data);
            return k == null ? null : new Windowed<>(k.key(), new Window(k.start(), k.end()));
        });
    }

    private KStream<Object, Row> filter(ExecNode.Filter node) {
        Evaluator predicate = compile(node.predicate(), node.id());
        RowLayout layout = layoutOf(node.input());
        String nodeId = node.id();
        return stream(node.input()).processValues(() -> new RowValueProcessor(layout) {
            @Override
            void process(FixedKeyRecord<Object, Row> record, Object[] row) {
                if (record.value() == null) {
                    return; // a stream's record without a value matches no WHERE clause, as in ksqlDB
                }
                Object keep;
                try {
                    keep = predicate.evaluate(row);
                } catch (ExpressionEvaluationException e) {
                    log.error(nodeId, e.getMessage(), e);
                    return;
                }
                if (Boolean.TRUE.equals(keep)) {
                    forward(record);
                }
            }
        }, Named.as(name(node)));
    }

    private KStream<Object, Row> tableFilter(ExecNode.TableFilter node) {
        Evaluator predicate = compile(node.predicate(), node.id());
        RowLayout layout = layoutOf(node.input());
        String nodeId = node.id();
        if (node.input() instanceof ExecNode.Join join) {
            // Over a table join: the table's filter, so a row that never matched sends no tombstone.
            return joins.table(join).filter((key, value) -> {
                try {
                    return Boolean.TRUE.equals(predicate.evaluate(layout.fill(key, value, 0, 0, -1)));
                } catch (ExpressionEvaluationException e) {
                    log.error(nodeId, e.getMessage(), e);
                    return false;
                }
            }).toStream(Named.as(name(node)));
        }
        if (node.input() instanceof ExecNode.StreamSource source) {
            // Over a table's topic: a key never shown sends no tombstone (ShownRowsFilter).
            String store = ShownRowsFilter.storeName(name(node));
            Serde<Row> keys = consumed(source.source()).keySerde();
            @SuppressWarnings({"unchecked", "rawtypes"})
            Serde<Object> keySerde = source.source().formats().window().isPresent()
                    ? windowedKeySerde(keys, source.source().formats()) : (Serde) keys;
            builder.addStateStore(io.runnel.state.Stores.keyValueStoreBuilder(
                    io.runnel.state.Stores.persistentKeyValueStore(store), keySerde, io.runnel.common.Serdes.byteArray())
                    .withCachingEnabled());
            return stream(source).processValues(() -> new ShownRowsFilter(store, layout, predicate, nodeId, log),
                    Named.as(name(node)), store);
        }
        return stream(node.input()).processValues(() -> new RowValueProcessor(layout) {
            @Override
            void process(FixedKeyRecord<Object, Row> record, Object[] row) {
                Object keep = null;
                if (record.value() != null) {
                    try {
                        keep = predicate.evaluate(row);
                    } catch (ExpressionEvaluationException e) {
                        log.error(nodeId, e.getMessage(), e);
                    }
                }
                forward(Boolean.TRUE.equals(keep) ? record : record.withValue(null));
            }
        }, Named.as(name(node)));
    }

    private KStream<Object, Row> aggregate(ExecNode.Aggregate node) {
        AggregateTable table = aggregateTable(node);
        return changes(node, table, table.states());
    }

    /**
     * HAVING over an aggregate filters the aggregate's table, so an update is judged with its old
     * value: a group that stops matching becomes one tombstone, and an update where neither the
     * old nor the new row matches is not emitted (Kafka Streams' table filter, as ksqlDB runs it).
     */
    private KStream<Object, Row> havingFilter(ExecNode.TableFilter node, ExecNode.Aggregate input) {
        Evaluator predicate = compile(node.predicate(), node.id());
        RowLayout layout = layoutOf(input);
        String nodeId = node.id();
        AggregateTable table = aggregateTable(input);
        Aggregation aggregation = table.aggregation();
        KTable<Object, Row> filtered = table.states().filter((key, state) -> {
            try {
                return Boolean.TRUE.equals(predicate.evaluate(layout.fill(key, aggregation.results(state), 0, 0, -1)));
            } catch (ExpressionEvaluationException e) {
                log.error(nodeId, e.getMessage(), e);
                return false;
            }
        }, Named.as(name(node)));
        return changes(input, table, filtered);
    }

    /** The aggregate's updates as aggregated rows: the aggregates' results (the layout adds keys and window). */
    private KStream<Object, Row> changes(ExecNode.Aggregate node, AggregateTable table, KTable<Object, Row> states) {
        Aggregation aggregation = table.aggregation();
        return states.toStream(Named.as(name(node) + ".changes")).mapValues(
                state -> state == null ? null : aggregation.results(state), Named.as(name(node) + ".results"));
    }

    /** An aggregate's table of aggregation states per group (and window), with its aggregate functions. */
    private record AggregateTable(KTable<Object, Row> states, Aggregation aggregation) {
    }

    private AggregateTable aggregateTable(ExecNode.Aggregate node) {
        String nodeId = node.id();
        RowLayout layout = layoutOf(node.input());
        Evaluator[] groupBy = new Evaluator[node.groupBy().size()];
        for (int i = 0; i < groupBy.length; i++) {
            groupBy[i] = compile(node.groupBy().get(i), nodeId);
        }
        Aggregation aggregation = new Aggregation(node.aggregates(), log, nodeId);

        if (isTableSource(node.input())) {
            return new AggregateTable(tableAggregate(node, layout, groupBy, aggregation), aggregation);
        }
        boolean byKey = node.grouping() == ExecNode.Aggregate.Grouping.SOURCE_KEY;
        // 1. Each record's full input row, so grouping and aggregate arguments see every column (grouped by
        // the key: rows with a NULL key column are dropped here, as the re-keying would drop them).
        // Grouped by the key with aggregates that read no column (COUNT(*)): the records as they are, no row to lay out.
        KStream<Object, Row> inputRows = byKey && aggregation.columnsRead().isEmpty()
                ? stream(node.input()).filter((key, value) -> value != null && key instanceof Row k && !k.containsNull(),
                        Named.as(name(node) + ".input"))
                : stream(node.input()).processValues(() -> new RowValueProcessor(layout) {
                    @Override
                    void process(FixedKeyRecord<Object, Row> record, Object[] row) {
                        if (record.value() != null && (!byKey || groupKey(groupBy, row, nodeId) != null)) {
                            forward(record.withValue(Row.wrap(row)));
                        }
                    }
                }, Named.as(name(node) + ".input"));

        // 2. Grouped by the GROUP BY values (rows with a NULL among them are dropped); 3. aggregated per group (and window).
        Serde<Row> groupKeySerde = groupKeySerde(node, groupBy.length);
        Serde<Row> inputSerde = AggregateInputSerde.of(node.inputSchema().fields(), aggregation.columnsRead());
        Serde<Row> stateSerde = AggregationStateSerde.of(aggregation.stateFields());
        KGroupedStream<Row, Row> grouped;
        if (byKey) {
            // The records are keyed (and partitioned) by their group already: no re-keying, no repartition (as in ksqlDB).
            @SuppressWarnings({"unchecked", "rawtypes"})
            KStream<Row, Row> keyed = (KStream) inputRows;
            grouped = keyed.groupByKey(Grouped.with(groupKeySerde, inputSerde).withName(name(node) + ".groupby"));
        } else {
            grouped = inputRows.groupBy((key, row) -> groupKey(groupBy, row.columnsForReading(), nodeId),
                    Grouped.with(groupKeySerde, inputSerde).withName(name(node) + ".groupby"));
        }

        KTable<?, Row> table;
        if (node.window().isPresent() && node.window().get() instanceof WindowExpression.Session session) {
            Materialized<Row, Row, SessionStore<Row, Row>> store = Materialized.<Row, Row, SessionStore<Row, Row>>as(
                    name(node) + ".store").withKeySerde(groupKeySerde).withValueSerde(stateSerde);
            table = grouped.windowedBy(SessionWindows.ofInactivityGapAndGrace(duration(session.gap()),
                            session.grace().map(TopologyBuilder::duration).orElse(DEFAULT_GRACE)))
                    .aggregate(aggregation::initialize, (k, row, state) -> aggregation.add(row, state, log, nodeId),
                            (k, one, two) -> aggregation.merge(one, two, log, nodeId), store);
        } else if (node.window().isPresent()) {
            Materialized<Row, Row, WindowStore<Row, Row>> store = Materialized.<Row, Row, WindowStore<Row, Row>>as(
                    name(node) + ".store").withKeySerde(groupKeySerde).withValueSerde(stateSerde);
            // EMIT FINAL: each window once, when stream time passes its end plus grace (no grace unless given),
            // as ksqlDB runs it (Kafka Streams' emitStrategy(onWindowClose()), not suppress).
            table = grouped.windowedBy(timeWindows(node.window().get(), node.emitFinal() ? Duration.ZERO : DEFAULT_GRACE))
                    .emitStrategy(node.emitFinal() ? EmitStrategy.onWindowClose() : EmitStrategy.onWindowUpdate())
                    .aggregate(aggregation::initialize, (k, row, state) -> aggregation.add(row, state, log, nodeId), store);
        } else {
            Materialized<Row, Row, io.runnel.state.KeyValueStore<Row, Row>> store =
                    Materialized.<Row, Row, io.runnel.state.KeyValueStore<Row, Row>>as(name(node) + ".store")
                            .withKeySerde(groupKeySerde).withValueSerde(stateSerde);
            table = grouped.aggregate(aggregation::initialize, (k, row, state) -> aggregation.add(row, state, log, nodeId),
                    store);
        }
        if (node.emitFinal() && node.window().get() instanceof WindowExpression.Session) {
            // EMIT FINAL over sessions: a session's row once, when stream time passes its end plus grace.
            @SuppressWarnings({"unchecked", "rawtypes"})
            KTable<?, Row> suppressed = ((KTable) table).suppress(
                    Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()));
            table = suppressed;
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        KTable<Object, Row> states = (KTable) table;
        return new AggregateTable(states, aggregation);
    }

    /**
     * GROUP BY over a table: every change of a source row takes its old row out of its old group
     * (the aggregates' undo) and adds the new row to its new group. Rows are laid out with
     * ROWTIME 0, ROWPARTITION 0 and ROWOFFSET -1: a table's grouping sees values, not records.
     * Rows with a NULL grouping value are left out, as from a stream.
     */
    private KTable<Object, Row> tableAggregate(ExecNode.Aggregate node, RowLayout layout, Evaluator[] groupBy,
                                               Aggregation aggregation) {
        String nodeId = node.id();
        ExecNode tableNode = node.input() instanceof ExecNode.TableFilter tf ? tf.input() : node.input();
        KTable<Row, Row> table;
        if (tableNode instanceof ExecNode.Join join) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            KTable<Row, Row> joined = (KTable) joins.table(join);
            table = joined;
        } else {
            ExecNode.StreamSource sourceNode = ExecNode.sourceOf(node.input());
            Consumed<Row, Row> consumed = consumed(sourceNode.source());
            Materialized<Row, Row, io.runnel.state.KeyValueStore<Row, Row>> sourceStore =
                    Materialized.<Row, Row, io.runnel.state.KeyValueStore<Row, Row>>as(name(sourceNode) + ".store")
                            .withKeySerde(consumed.keySerde()).withValueSerde(consumed.valueSerde());
            if (sourceNode.source().columns().stream().anyMatch(c -> c.role() == Column.Role.HEADERS)) {
                // Header columns are read from each record's headers, so the table is built from the stream of them.
                @SuppressWarnings({"unchecked", "rawtypes"})
                KStream<Object, Row> records = (KStream) builder.stream(sourceNode.source().topic(),
                        consumed.withName(name(sourceNode)));
                @SuppressWarnings({"unchecked", "rawtypes"})
                KStream<Row, Row> withHeaders = (KStream) withHeaderColumns(sourceNode, records);
                List<RowSchema.Field> stored = new ArrayList<>();
                for (Column.Role role : List.of(Column.Role.VALUE, Column.Role.HEADERS)) {
                    for (Column c : sourceNode.source().columns()) {
                        if (c.role() == role) {
                            stored.add(RowSchema.Field.of(c.name(), c.type()));
                        }
                    }
                }
                table = withHeaders.toTable(Materialized.<Row, Row, io.runnel.state.KeyValueStore<Row, Row>>as(
                        name(sourceNode) + ".store").withKeySerde(consumed.keySerde())
                        .withValueSerde(jsonSerde(SerdeSchema.Part.VALUE, stored)));
            } else {
                table = builder.table(sourceNode.source().topic(), consumed.withName(name(sourceNode)), sourceStore);
            }
        }
        if (node.input() instanceof ExecNode.TableFilter f) {
            Evaluator predicate = compile(f.predicate(), f.id());
            table = table.filter((k, v) -> {
                try {
                    return Boolean.TRUE.equals(predicate.evaluate(layout.fill(k, v, 0, 0, -1)));
                } catch (ExpressionEvaluationException e) {
                    log.error(f.id(), e.getMessage(), e);
                    return false;
                }
            });
        }
        Serde<Row> groupKeySerde = groupKeySerde(node, groupBy.length);
        Serde<Row> inputSerde = AggregateInputSerde.of(node.inputSchema().fields(), aggregation.columnsRead());
        Serde<Row> stateSerde = AggregationStateSerde.of(aggregation.stateFields());
        KTable<Row, Row> aggregated = table.groupBy((key, value) -> {
            Object[] row = layout.fill(key, value, 0, 0, -1);
            return io.runnel.state.KeyValue.pair(groupKey(groupBy, row, nodeId), Row.wrap(row));
        }, Grouped.with(groupKeySerde, inputSerde).withName(name(node) + ".groupby"))
                .aggregate(aggregation::initialize,
                        (k, row, state) -> aggregation.add(row, state, log, nodeId),
                        (k, row, state) -> aggregation.undo(row, state, log, nodeId),
                        Materialized.<Row, Row, io.runnel.state.KeyValueStore<Row, Row>>as(name(node) + ".store")
                                .withKeySerde(groupKeySerde).withValueSerde(stateSerde));
        @SuppressWarnings({"unchecked", "rawtypes"})
        KTable<Object, Row> states = (KTable) aggregated;
        return states;
    }

    /**
     * The group of an input row: its GROUP BY values, or null (the row is left out of the
     * aggregation) when one of them is NULL or fails to evaluate, as ksqlDB does.
     */
    private Row groupKey(Evaluator[] groupBy, Object[] row, String nodeId) {
        Object[] values = new Object[groupBy.length];
        for (int i = 0; i < groupBy.length; i++) {
            try {
                values[i] = groupBy[i].evaluate(row);
            } catch (ExpressionEvaluationException e) {
                log.error(nodeId, e.getMessage(), e);
                return null;
            }
            if (values[i] == null) {
                return null;
            }
        }
        return Row.wrap(values);
    }

    private static boolean isTableSource(ExecNode node) {
        return ExecNode.isTable(node);
    }

    /** How a source's records are read: its key and value serdes with its format properties. */
    static Consumed<Row, Row> consumed(DataSource source) {
        List<Column> keys = new ArrayList<>();
        List<Column> values = new ArrayList<>();
        for (Column c : source.columns()) {
            if (c.role() != Column.Role.HEADERS) {
                (c.isKey() ? keys : values).add(c);
            }
        }
        Serde<Row> keySerde = Formats.of(source.formats().keyFormat())
                .serde(new SerdeSchema(SerdeSchema.Part.KEY, keys), keyOptions(source.formats()));
        Serde<Row> valueSerde = Formats.of(source.formats().valueFormat())
                .serde(new SerdeSchema(SerdeSchema.Part.VALUE, values), valueOptions(source.formats()));
        return Consumed.with(keySerde, valueSerde);
    }

    private static TimeWindows timeWindows(WindowExpression window, Duration defaultGrace) {
        if (window instanceof WindowExpression.Tumbling t) {
            return TimeWindows.ofSizeAndGrace(duration(t.size()), t.grace().map(TopologyBuilder::duration)
                    .orElse(defaultGrace));
        }
        WindowExpression.Hopping h = (WindowExpression.Hopping) window;
        return TimeWindows.ofSizeAndGrace(duration(h.size()), h.grace().map(TopologyBuilder::duration)
                .orElse(defaultGrace)).advanceBy(duration(h.advance()));
    }

    private static Duration duration(TimeSpan span) {
        return Duration.ofMillis(span.toMillis());
    }

    private KStream<Object, Row> project(ExecNode.Project node) {
        Evaluator[] keys = compileAll(node.keys(), node.id());
        Evaluator[] values = compileAll(node.values(), node.id());
        int[] tableFunctions = java.util.stream.IntStream.range(0, node.values().size())
                .filter(i -> node.values().get(i).tableFunction()).toArray();
        RowLayout layout = layoutOf(node.input());
        String nodeId = node.id();
        boolean[] fromSourceKey = new boolean[node.keys().size()];
        // A join's rows are not one source's: none of its key expressions counts as a source key column.
        List<Column> sourceColumns = ExecNode.sourcesOf(node).size() == 1 ? ExecNode.sourceOf(node).source().columns()
                : List.of();
        for (int i = 0; i < fromSourceKey.length; i++) {
            TypedExpression k = node.keys().get(i).expression();
            fromSourceKey[i] = readsOnlyKeyColumns(k, k.expression(), sourceColumns);
        }
        return stream(node.input()).process(() -> new Processor<Object, Row, Object, Row>() {
            private ProcessorContext<Object, Row> context;

            @Override
            public void init(ProcessorContext<Object, Row> context) {
                this.context = context;
            }

            @Override
            public void process(Record<Object, Row> record) {
                Object[] row = layout.fill(record.key(), record.value(), record.timestamp(),
                        context.recordMetadata().map(m -> m.partition()).orElse(0),
                        context.recordMetadata().map(m -> m.offset()).orElse(-1L));
                Row key = Row.wrap(evaluateAll(keys, row, nodeId));
                if (record.value() == null && node.partitionBy()) {
                    // Without a value only expressions of key columns (and literals) can be computed, as in ksqlDB.
                    Object[] partial = key.toArray();
                    for (int i = 0; i < partial.length; i++) {
                        if (!fromSourceKey[i]) {
                            partial[i] = null;
                        }
                    }
                    key = Row.wrap(partial);
                }
                Object newKey = record.key() instanceof Windowed<?> w ? new Windowed<>(key, w.window()) : key;
                if (record.value() == null) {
                    context.forward(record.withKey(newKey).withValue(null));
                    return;
                }
                Object[] columns = evaluateAll(values, row, nodeId);
                if (tableFunctions.length == 0) {
                    context.forward(record.withKey(newKey).withValue(Row.wrap(columns)));
                    return;
                }
                // One output row per element; several table functions are zipped, the shorter padded with NULL.
                int rows = 0;
                for (int i : tableFunctions) {
                    rows = Math.max(rows, columns[i] == null ? 0 : ((List<?>) columns[i]).size());
                }
                for (int r = 0; r < rows; r++) {
                    Object[] out = columns.clone();
                    for (int i : tableFunctions) {
                        List<?> list = (List<?>) columns[i];
                        out[i] = list != null && r < list.size() ? list.get(r) : null;
                    }
                    context.forward(record.withKey(newKey).withValue(Row.wrap(out)));
                }
            }
        }, Named.as(name(node)));
    }

    /** True when every column {@code e} reads is a key column of the source (a record without a value still has them). */
    private static boolean readsOnlyKeyColumns(TypedExpression typed, io.runnel.sql.internal.ast.Expression e,
                                               List<Column> sourceColumns) {
        if (typed.isBound(e)) {
            int index = typed.columnIndex(e);
            return index < sourceColumns.size() && sourceColumns.get(index).isKey();
        }
        for (io.runnel.sql.internal.ast.Expression child : io.runnel.sql.internal.analyzer.ExpressionChildren.of(e)) {
            if (!readsOnlyKeyColumns(typed, child, sourceColumns)) {
                return false;
            }
        }
        return true;
    }

    private void sink(ExecNode.Sink node) {
        LogicalSchema schema = node.schema();
        SourceFormats formats = node.formats();
        Serde<Row> keySerde = Formats.of(formats.keyFormat())
                .serde(new SerdeSchema(SerdeSchema.Part.KEY, schema.key()), keyOptions(formats));
        Serde<Row> valueSerde = Formats.of(formats.valueFormat())
                .serde(new SerdeSchema(SerdeSchema.Part.VALUE, schema.value()), valueOptions(formats));
        KStream<Object, Row> out = stream(node.input());
        if (results != null) {
            out.foreach(results, Named.as(name(node)));
            return;
        }
        if (node.timestampColumn().isPresent()) {
            List<Column> columns = new ArrayList<>(schema.key());
            columns.addAll(schema.value());
            RecordTimestamps timestamps = new RecordTimestamps(columns, node.timestampColumn().get(), formats);
            int keys = schema.key().size();
            int index = timestamps.column();
            out = retime(out, (key, value) -> {
                if (index >= keys) {
                    return value.get(index - keys);
                }
                Row k = (Row) (key instanceof Windowed<?> w ? w.key() : key);
                return k == null ? null : k.get(index);
            }, timestamps, node.id(), name(node) + ".timestamp");
        }
        if (formats.window().isPresent()) {
            SourceFormats.KeyWindow window = formats.window().get();
            Serde<WindowedKey> windowed = window.kind() == SourceFormats.KeyWindow.Kind.SESSION
                    ? WindowedSerdes.sessionWindowed(keySerde) : WindowedSerdes.timeWindowed(keySerde, window.sizeMillis().get());
            KStream<WindowedKey, Row> keyed = out.selectKey((key, value) -> {
                Windowed<?> w = (Windowed<?>) key;
                Window bounds = w.window();
                return new WindowedKey((Row) w.key(), bounds.start(), bounds.end());
            }, Named.as(name(node) + ".windowkey"));
            materialized(node, keyed, windowed.serializer(), valueSerde)
                    .to(node.topic(), Produced.<WindowedKey, Row>with(windowed, valueSerde).withName(name(node)));
        } else {
            @SuppressWarnings({"unchecked", "rawtypes"})
            KStream<Row, Row> keyed = (KStream) out;
            materialized(node, keyed, keySerde.serializer(), valueSerde)
                    .to(node.topic(), Produced.<Row, Row>with(keySerde, valueSerde).withName(name(node)));
        }
    }

    /**
     * A table's sink records also go to the store of its current rows, for pull queries
     * ({@link SinkMaterializer}), unless its aggregation's store serves them ({@link AggregateMaterialization}).
     */
    private <K> KStream<K, Row> materialized(ExecNode.Sink node, KStream<K, Row> out,
                                             io.runnel.common.Serializer<K> keys, Serde<Row> values) {
        if (!ExecNode.isTable(node) || AggregateMaterialization.serves(node)) {
            return out;
        }
        return SinkMaterializer.attach(builder, SinkMaterializer.storeName(queryId, node.id()), node.topic(), out, keys,
                values.serializer());
    }

    /** Key serde options from the source's or sink's format properties (KEY_DELIMITER). */
    static FormatOptions keyOptions(SourceFormats formats) {
        return FormatOptions.forKey(formats.properties());
    }

    /** Value serde options from the format properties (WRAP_SINGLE_VALUE, VALUE_DELIMITER); values wrap by default. */
    static FormatOptions valueOptions(SourceFormats formats) {
        return FormatOptions.forValue(formats.properties(), true);
    }

    // ------------------------------------------------------------------------ helpers

    /** The layout of the rows a node's expressions are typed over. */
    private static RowLayout layoutOf(ExecNode input) {
        if (input instanceof ExecNode.Join j) {
            return new RowLayout.Joined(j.keyWidth(), j.width());
        } else if (input instanceof ExecNode.StreamSource s) {
            return new RowLayout.Source(s.source());
        } else if (input instanceof ExecNode.Filter f) {
            return layoutOf(f.input());
        } else if (input instanceof ExecNode.Aggregate a) {
            return new RowLayout.Aggregated(a.groupBy().size(), a.aggregates().size(), a.window().isPresent());
        } else if (input instanceof ExecNode.TableFilter f) {
            return layoutOf(f.input());
        }
        throw new IllegalStateException("expressions over the output of " + input.id() + " are not supported yet");
    }

    private Object[] evaluateAll(Evaluator[] evaluators, Object[] row, String nodeId) {
        return evaluateAll(evaluators, row, log, nodeId);
    }

    /** Each expression's value over {@code row}; one that fails is NULL and goes to {@code log}. */
    static Object[] evaluateAll(Evaluator[] evaluators, Object[] row, ProcessingLog log, String nodeId) {
        Object[] out = new Object[evaluators.length];
        for (int i = 0; i < evaluators.length; i++) {
            try {
                out[i] = evaluators[i].evaluate(row);
            } catch (ExpressionEvaluationException e) {
                log.error(nodeId, e.getMessage(), e);
            }
        }
        return out;
    }

    private Evaluator[] compileAll(List<AnalyzedQuery.Projection> projections, String nodeId) {
        Evaluator[] out = new Evaluator[projections.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(projections.get(i).expression(), nodeId);
        }
        return out;
    }

    /** Compiles an expression of a node; its failing function calls are NULL and go to the processing log. */
    private Evaluator compile(TypedExpression expression, String nodeId) {
        return compile(expression, log, nodeId);
    }

    /** Compiles an expression of a node; its failing function calls are NULL and go to {@code log}. */
    static Evaluator compile(TypedExpression expression, ProcessingLog log, String nodeId) {
        Evaluator compiled = ExpressionCompiler.compile(expression);
        ExpressionErrors errors = e -> log.error(nodeId, e.getMessage(), e);
        return row -> compiled.evaluate(row, errors);
    }

    /**
     * The JSON serde of internal rows (stores, repartition topics). Fields are named as given,
     * or by position when names repeat (a join's row holds each source's ROWTIME, ...).
     */
    /**
     * The serde of an aggregation's group keys: its GROUP BY values as JSON; without GROUP BY
     * (one group of every row, as ksqlDB's push queries allow) an empty key written as zero bytes,
     * since a null key would be dropped by the grouping.
     */
    private static Serde<Row> groupKeySerde(ExecNode.Aggregate node, int width) {
        if (width == 0) {
            Row single = Row.wrap(new Object[0]);
            return Serde.of((topic, row) -> row == null ? null : new byte[0], (topic, bytes) -> bytes == null ? null : single);
        }
        return jsonSerde(SerdeSchema.Part.KEY, node.aggregated().fields().subList(0, width));
    }

    static Serde<Row> jsonSerde(SerdeSchema.Part part, List<RowSchema.Field> fields) {
        return Formats.JSON.serde(new SerdeSchema(part, jsonColumns(part, fields)), FormatOptions.DEFAULTS);
    }

    /** The columns {@link #jsonSerde} writes {@code fields} as. */
    static List<Column> jsonColumns(SerdeSchema.Part part, List<RowSchema.Field> fields) {
        boolean unique = fields.stream().map(RowSchema.Field::name).distinct().count() == fields.size();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            RowSchema.Field f = fields.get(i);
            String name = unique ? f.name() : "F" + i;
            columns.add(part == SerdeSchema.Part.KEY
                    ? new Column(name, f.type(), Column.Role.KEY, java.util.Optional.empty())
                    : Column.value(name, f.type()));
        }
        return columns;
    }

    private String name(ExecNode node) {
        return queryId + "." + node.id();
    }

    /** A value processor that lays each record out as its expression row first. */
    private abstract static class RowValueProcessor implements FixedKeyProcessor<Object, Row, Row> {
        private final RowLayout layout;
        private FixedKeyProcessorContext<Object, Row> context;

        RowValueProcessor(RowLayout layout) {
            this.layout = layout;
        }

        @Override
        public void init(FixedKeyProcessorContext<Object, Row> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<Object, Row> record) {
            process(record, layout.fill(record.key(), record.value(), record.timestamp(),
                    context.recordMetadata().map(m -> m.partition()).orElse(0),
                    context.recordMetadata().map(m -> m.offset()).orElse(-1L)));
        }

        abstract void process(FixedKeyRecord<Object, Row> record, Object[] row);

        void forward(FixedKeyRecord<Object, Row> record) {
            context.forward(record);
        }
    }
}
