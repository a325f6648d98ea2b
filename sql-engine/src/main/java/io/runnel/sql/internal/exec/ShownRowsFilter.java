package io.runnel.sql.internal.exec;

import io.runnel.sql.internal.row.Row;
import io.runnel.state.KeyValueStore;
import io.runnel.streams.processor.FixedKeyProcessor;
import io.runnel.streams.processor.FixedKeyProcessorContext;
import io.runnel.streams.processor.FixedKeyRecord;

/**
 * A WHERE over a table read from its topic, as Kafka Streams filters a materialized table (and so
 * ksqlDB): a row that passes is forwarded; one that does not (or a tombstone) becomes a tombstone
 * only when the key's last forwarded row passed, i.e. the key is in the filtered table. A key
 * that was never shown sends nothing, where a stateless filter would send a spurious tombstone.
 *
 * <table>
 *   <caption>store {@code <query>.<filter node>.shown}: key-value, RocksDB behind the record cache, change-logged</caption>
 *   <tr><th>part</th><th>bytes</th></tr>
 *   <tr><td>key</td><td>the record key in the source's key format (windowed keys with their window)</td></tr>
 *   <tr><td>value</td><td>one byte, 1: the key's row is in the filtered table</td></tr>
 * </table>
 *
 * Records without a key are passed on as they are. Threading: one instance per task, on its stream thread.
 */
final class ShownRowsFilter implements FixedKeyProcessor<Object, Row, Row> {
    private static final byte[] SHOWN = {1};

    private final String storeName;
    private final RowLayout layout;
    private final Evaluator predicate;
    private final String nodeId;
    private final ProcessingLog log;
    private FixedKeyProcessorContext<Object, Row> context;
    private KeyValueStore<Object, byte[]> shown;

    ShownRowsFilter(String storeName, RowLayout layout, Evaluator predicate, String nodeId, ProcessingLog log) {
        this.storeName = storeName;
        this.layout = layout;
        this.predicate = predicate;
        this.nodeId = nodeId;
        this.log = log;
    }

    /** The store of the filter node {@code nodeName} (the processor's name). */
    static String storeName(String nodeName) {
        return nodeName + ".shown";
    }

    @Override
    public void init(FixedKeyProcessorContext<Object, Row> context) {
        this.context = context;
        this.shown = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<Object, Row> record) {
        boolean keep = record.value() != null && matches(record);
        if (record.key() == null) {
            context.forward(keep ? record : record.withValue(null));
        } else if (keep) {
            if (shown.get(record.key()) == null) {
                shown.put(record.key(), SHOWN); // written once per key shown, not per row: no flush or changelog write per row
            }
            context.forward(record);
        } else if (shown.delete(record.key()) != null) {
            context.forward(record.withValue(null));
        }
    }

    private boolean matches(FixedKeyRecord<Object, Row> record) {
        Object[] row = layout.fill(record.key(), record.value(), record.timestamp(),
                context.recordMetadata().map(m -> m.partition()).orElse(0),
                context.recordMetadata().map(m -> m.offset()).orElse(-1L));
        try {
            return Boolean.TRUE.equals(predicate.evaluate(row));
        } catch (ExpressionEvaluationException e) {
            log.error(nodeId, e.getMessage(), e);
            return false;
        }
    }
}
