package io.runnel.sql.internal.exec;

import io.runnel.common.Serde;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.LogicalSchema;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.FormatOptions;
import io.runnel.sql.internal.serde.Formats;
import io.runnel.sql.internal.serde.SerdeSchema;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.Named;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.processor.FixedKeyProcessor;
import io.runnel.streams.processor.FixedKeyProcessorContext;
import io.runnel.streams.processor.FixedKeyRecord;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.Record;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the streams topology of an exec plan through the public streams-dsl API: one method per
 * node kind, each operator named {@code queryId.nodeId}. Rows travel as {@code KStream<Row, Row>}
 * (key columns, value columns); expressions are compiled once here and evaluated per record.
 */
public final class TopologyBuilder {
    private final String queryId;
    private final ProcessingLog log;
    private final StreamsBuilder builder = new StreamsBuilder();

    private TopologyBuilder(String queryId, ProcessingLog log) {
        this.queryId = queryId;
        this.log = log;
    }

    public static Topology build(String queryId, ExecNode.Sink plan, ProcessingLog log) {
        TopologyBuilder b = new TopologyBuilder(queryId, log);
        b.sink(plan);
        return b.builder.build();
    }

    private KStream<Row, Row> stream(ExecNode node) {
        if (node instanceof ExecNode.StreamSource s) {
            return source(s);
        } else if (node instanceof ExecNode.Filter f) {
            return filter(f);
        } else if (node instanceof ExecNode.Project p) {
            return project(p);
        } else if (node instanceof ExecNode.Sink s) {
            throw new IllegalStateException("a sink has no downstream: " + s.id());
        }
        throw new IllegalStateException("exec node kind not handled: " + node.getClass().getSimpleName());
    }

    private KStream<Row, Row> source(ExecNode.StreamSource node) {
        DataSource source = node.source();
        List<Column> keys = new ArrayList<>();
        List<Column> values = new ArrayList<>();
        for (Column c : source.columns()) {
            (c.isKey() ? keys : values).add(c);
        }
        Serde<Row> keySerde = Formats.of(source.formats().keyFormat())
                .serde(new SerdeSchema(SerdeSchema.Part.KEY, keys), FormatOptions.DEFAULTS);
        Serde<Row> valueSerde = Formats.of(source.formats().valueFormat())
                .serde(new SerdeSchema(SerdeSchema.Part.VALUE, values), FormatOptions.DEFAULTS);
        return builder.stream(source.topic(), Consumed.<Row, Row>with(keySerde, valueSerde)
                .withName(name(node)));
    }

    private KStream<Row, Row> filter(ExecNode.Filter node) {
        Evaluator predicate = ExpressionCompiler.compile(node.predicate());
        SourceRowLayout layout = new SourceRowLayout(sourceOf(node.input()));
        String nodeId = node.id();
        return stream(node.input()).processValues(() -> new FixedKeyProcessor<Row, Row, Row>() {
            private FixedKeyProcessorContext<Row, Row> context;

            @Override
            public void init(FixedKeyProcessorContext<Row, Row> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<Row, Row> record) {
                Object[] row = layout.fill(record.key(), record.value(), record.timestamp(), partition(context),
                        offset(context));
                Object keep;
                try {
                    keep = predicate.evaluate(row);
                } catch (ExpressionEvaluationException e) {
                    log.error(nodeId, e.getMessage(), e);
                    return;
                }
                if (Boolean.TRUE.equals(keep)) {
                    context.forward(record);
                }
            }
        }, Named.as(name(node)));
    }

    private KStream<Row, Row> project(ExecNode.Project node) {
        Evaluator[] keys = compileAll(node.keys());
        Evaluator[] values = compileAll(node.values());
        SourceRowLayout layout = new SourceRowLayout(sourceOf(node.input()));
        String nodeId = node.id();
        return stream(node.input()).process(() -> new Processor<Row, Row, Row, Row>() {
            private ProcessorContext<Row, Row> context;

            @Override
            public void init(ProcessorContext<Row, Row> context) {
                this.context = context;
            }

            @Override
            public void process(Record<Row, Row> record) {
                Object[] row = layout.fill(record.key(), record.value(), record.timestamp(), partition(context),
                        offset(context));
                Row key = Row.wrap(evaluateAll(keys, row, nodeId));
                Row value = record.value() == null ? null : Row.wrap(evaluateAll(values, row, nodeId));
                context.forward(record.withKey(key).withValue(value));
            }
        }, Named.as(name(node)));
    }

    private void sink(ExecNode.Sink node) {
        LogicalSchema schema = node.schema();
        FormatOptions valueOptions = node.wrapSingleValue().map(FormatOptions.DEFAULTS::withWrapSingleValue)
                .orElse(FormatOptions.DEFAULTS);
        Serde<Row> keySerde = Formats.of(node.keyFormat())
                .serde(new SerdeSchema(SerdeSchema.Part.KEY, schema.key()), FormatOptions.DEFAULTS);
        Serde<Row> valueSerde = Formats.of(node.valueFormat())
                .serde(new SerdeSchema(SerdeSchema.Part.VALUE, schema.value()), valueOptions);
        stream(node.input()).to(node.topic(), Produced.<Row, Row>with(keySerde, valueSerde).withName(name(node)));
    }

    // ------------------------------------------------------------------------ helpers

    private Object[] evaluateAll(Evaluator[] evaluators, Object[] row, String nodeId) {
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

    private static Evaluator[] compileAll(List<AnalyzedQuery.Projection> projections) {
        Evaluator[] out = new Evaluator[projections.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ExpressionCompiler.compile(projections.get(i).expression());
        }
        return out;
    }

    /** The source whose row layout expressions above this node are typed over. */
    private static DataSource sourceOf(ExecNode node) {
        if (node instanceof ExecNode.StreamSource s) {
            return s.source();
        } else if (node instanceof ExecNode.Filter f) {
            return sourceOf(f.input());
        }
        throw new IllegalStateException("expressions over the output of " + node.id() + " are not supported yet");
    }

    private static int partition(ProcessorContext<?, ?> context) {
        return context.recordMetadata().map(m -> m.partition()).orElse(0);
    }

    private static long offset(ProcessorContext<?, ?> context) {
        return context.recordMetadata().map(m -> m.offset()).orElse(-1L);
    }

    private static int partition(FixedKeyProcessorContext<?, ?> context) {
        return context.recordMetadata().map(m -> m.partition()).orElse(0);
    }

    private static long offset(FixedKeyProcessorContext<?, ?> context) {
        return context.recordMetadata().map(m -> m.offset()).orElse(-1L);
    }

    private String name(ExecNode node) {
        return queryId + "." + node.id();
    }
}
