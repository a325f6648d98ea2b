package io.runnel.streams.internal.runtime;

import io.runnel.common.Header;
import io.runnel.common.Time;
import io.runnel.state.StateStore;
import io.runnel.streams.internal.topology.InternalTopologyBuilder;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.Record;
import io.runnel.streams.processor.TaskId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one global store up to date: deserializes each record of the global topic and hands it
 * to the store's update processor. Runs on one thread at a time.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class GlobalTask {
    private final InternalTopologyBuilder.GlobalStoreDef def;
    private final TaskContext context;
    private final Processor processor;
    private final StateStore store;

    public GlobalTask(InternalTopologyBuilder.GlobalStoreDef def, String applicationId, Time time,
                      StoreOpener storeOpener, Map<String, StateStore> globalStores) {
        this.def = def;
        TaskId id = new TaskId(0, 0);
        this.store = storeOpener.openGlobal(def.builder());
        globalStores.put(def.builder().name(), store);
        this.context = new TaskContext(applicationId, id, time, new RecordCollector() {
            @Override
            public void send(String topic, Integer partition, byte[] key, byte[] value, long timestamp, List<Header> headers) {
                throw new IllegalStateException("a global store processor cannot forward records");
            }

            @Override
            public int partitionCount(String topic) {
                return 1;
            }
        }, Map.of(), globalStores);
        NodeContext nc = new NodeContext(def.processor().name(), context, Set.of(def.builder().name()));
        this.processor = def.processor().supplier().get();
        processor.init(nc);
    }

    public void process(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                        List<Header> headers) {
        Object k = def.source().keyDeserializer().deserialize(topic, key);
        Object v = def.source().valueDeserializer().deserialize(topic, value);
        context.setRecordMetadata(topic, partition, offset);
        context.advanceStreamTime(timestamp);
        context.setRecordTimestamp(timestamp);
        processor.process(new Record<>(k, v, timestamp, headers));
        context.clearRecordMetadata();
    }

    public StateStore store() {
        return store;
    }

    public void close() {
        processor.close();
        store.close();
    }
}
