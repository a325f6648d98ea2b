package io.runnel.streams.internal.runtime;

import io.runnel.common.TopicPartition;
import io.runnel.log.ConsumerRecord;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fetched, not yet processed records of one task, a queue per input partition, and the choice
 * of the next record: the head with the smallest timestamp, so that a task reading several topics
 * (a stream joined with a table, merged streams) processes them in event-time order as Kafka
 * Streams' partition group does. While a partition of the task has nothing buffered but is not
 * caught up with its log (the next fetch will bring records), the task waits for that fetch rather
 * than run ahead ({@code max.task.idle.ms = 0}); a caught-up empty partition does not hold the task
 * back. A task with one partition takes records in offset order, without any check.
 * Runs on the stream thread only.
 */
final class TaskInput {
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> queues = new LinkedHashMap<>();
    private ArrayDeque<ConsumerRecord<byte[], byte[]>> single;
    private int buffered;

    void addPartition(TopicPartition tp) {
        queues.computeIfAbsent(tp, k -> new ArrayDeque<>());
        single = queues.size() == 1 ? queues.values().iterator().next() : null;
    }

    void add(TopicPartition tp, List<ConsumerRecord<byte[], byte[]>> records) {
        ArrayDeque<ConsumerRecord<byte[], byte[]>> q = queues.get(tp);
        if (q == null) {
            addPartition(tp);
            q = queues.get(tp);
        }
        q.addAll(records);
        buffered += records.size();
    }

    int buffered() {
        return buffered;
    }

    int buffered(TopicPartition tp) {
        ArrayDeque<ConsumerRecord<byte[], byte[]>> q = queues.get(tp);
        return q == null ? 0 : q.size();
    }

    /**
     * The next record to process, or null when none may be processed now.
     *
     * @param caughtUp tells whether an input partition has been read to the end of its log
     */
    ConsumerRecord<byte[], byte[]> next(Predicate<TopicPartition> caughtUp) {
        if (buffered == 0) {
            return null;
        }
        if (single != null) {
            buffered--;
            return single.poll();
        }
        ArrayDeque<ConsumerRecord<byte[], byte[]>> best = null;
        long bestTimestamp = Long.MAX_VALUE;
        for (Map.Entry<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> e : queues.entrySet()) {
            ConsumerRecord<byte[], byte[]> head = e.getValue().peek();
            if (head == null) {
                if (!caughtUp.test(e.getKey())) {
                    return null;
                }
            } else if (head.timestamp() < bestTimestamp) {
                bestTimestamp = head.timestamp();
                best = e.getValue();
            }
        }
        buffered--;
        return best.poll();
    }

    /** Drops the buffered records (the task is closed; they are fetched again by the next owner). */
    void clear() {
        queues.values().forEach(ArrayDeque::clear);
        buffered = 0;
    }
}
