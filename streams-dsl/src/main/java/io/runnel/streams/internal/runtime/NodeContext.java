package io.runnel.streams.internal.runtime;

import io.runnel.state.StateStore;
import io.runnel.streams.internal.ops.OldValues;
import io.runnel.streams.processor.Cancellable;
import io.runnel.streams.processor.FixedKeyProcessorContext;
import io.runnel.streams.processor.FixedKeyRecord;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.PunctuationType;
import io.runnel.streams.processor.Punctuator;
import io.runnel.streams.processor.Record;
import io.runnel.streams.processor.RecordMetadata;
import io.runnel.streams.processor.TaskId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The context given to one processor: forwards to that node's children and reads the stores
 * connected to it; everything else is delegated to the {@link TaskContext}. Runs on the task's
 * thread only.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class NodeContext implements ProcessorContext<Object, Object>, FixedKeyProcessorContext<Object, Object>,
        OldValues.Hint {
    private final String nodeName;
    private final TaskContext task;
    private final Set<String> connectedStores;
    private ProcessorNode[] children = new ProcessorNode[0];
    private final Map<String, ProcessorNode> childByName = new HashMap<>();

    public NodeContext(String nodeName, TaskContext task, Set<String> connectedStores) {
        this.nodeName = nodeName;
        this.task = task;
        this.connectedStores = Set.copyOf(connectedStores);
    }

    void setChildren(List<ProcessorNode> nodes) {
        children = nodes.toArray(new ProcessorNode[0]);
        for (ProcessorNode n : nodes) {
            childByName.put(n.name(), n);
        }
    }

    /** False only when every child is a processor that discards old values (e.g. toStream). */
    @Override
    public boolean childrenReadOldValues() {
        for (ProcessorNode c : children) {
            if (!(c instanceof UserProcessorNode u && u.processor() instanceof OldValues.Discards)) {
                return true;
            }
        }
        return false;
    }

    public TaskContext task() {
        return task;
    }

    @Override
    public <K, V> void forward(Record<K, V> record) {
        ProcessorNode[] cs = children;
        for (int i = 0; i < cs.length; i++) {
            cs[i].process((Record) record);
        }
    }

    @Override
    public <K, V> void forward(Record<K, V> record, String childName) {
        ProcessorNode child = childByName.get(childName);
        if (child == null) {
            throw new IllegalArgumentException("processor " + nodeName + " has no child named " + childName);
        }
        child.process((Record) record);
    }

    @Override
    public <K, V> void forward(FixedKeyRecord<K, V> record) {
        forward(record.toRecord());
    }

    @Override
    public <K, V> void forward(FixedKeyRecord<K, V> record, String childName) {
        forward(record.toRecord(), childName);
    }

    @Override
    public String applicationId() {
        return task.applicationId();
    }

    @Override
    public TaskId taskId() {
        return task.taskId();
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return task.recordMetadata();
    }

    @Override
    public <S extends StateStore> S getStateStore(String name) {
        if (!connectedStores.contains(name) && !task.isGlobalStore(name)) {
            throw new IllegalStateException("processor " + nodeName + " has no access to store " + name
                    + "; connect it with addStateStore or connectProcessorAndStateStores");
        }
        return (S) task.store(name);
    }

    @Override
    public Cancellable schedule(Duration interval, PunctuationType type, Punctuator punctuator) {
        return task.schedule(nodeName, interval, type, punctuator);
    }

    @Override
    public void commit() {
        task.requestCommit();
    }

    @Override
    public long currentStreamTimeMs() {
        return task.streamTime();
    }

    @Override
    public long currentSystemTimeMs() {
        return task.wallClockMs();
    }

    /** Counts a record an operator dropped (late, null key, ...), as Kafka's dropped-records metric. */
    public void recordDropped() {
        task.metrics().recordDropped(nodeName);
    }
}
