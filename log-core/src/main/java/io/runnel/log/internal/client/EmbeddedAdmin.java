package io.runnel.log.internal.client;

import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.ConsumerGroupDescription;
import io.runnel.log.LogClosedException;
import io.runnel.log.NewTopic;
import io.runnel.log.OffsetAndMetadata;
import io.runnel.log.OffsetAndTimestamp;
import io.runnel.log.TopicConfig;
import io.runnel.log.TopicDescription;
import io.runnel.log.internal.broker.Broker;
import io.runnel.log.internal.broker.LogPartition;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** The in-process {@link Admin}: direct calls into the {@link Broker}. Thread-safe. */
public final class EmbeddedAdmin implements Admin {
    private final Broker broker;
    private volatile boolean closed;

    public EmbeddedAdmin(Broker broker) {
        this.broker = broker;
    }

    @Override
    public void createTopic(NewTopic topic) {
        checkOpen();
        Objects.requireNonNull(topic, "topic");
        broker.registry().create(topic, false);
    }

    @Override
    public void deleteTopic(String name) {
        checkOpen();
        broker.registry().delete(name);
        broker.coordinator().deleteTopicOffsets(name);
    }

    @Override
    public Set<String> listTopics(boolean includeInternal) {
        checkOpen();
        return broker.registry().names(includeInternal);
    }

    @Override
    public TopicDescription describeTopic(String name) {
        checkOpen();
        return broker.registry().get(name).describe();
    }

    @Override
    public TopicConfig alterTopicConfig(String name, Map<String, String> changes) {
        checkOpen();
        return broker.registry().alterConfig(name, changes);
    }

    @Override
    public Map<TopicPartition, Long> earliestOffsets(Collection<TopicPartition> partitions) {
        checkOpen();
        Map<TopicPartition, Long> result = new TreeMap<>();
        for (TopicPartition tp : partitions) {
            result.put(tp, broker.registry().partition(tp).logStartOffset());
        }
        return result;
    }

    @Override
    public Map<TopicPartition, Long> latestOffsets(Collection<TopicPartition> partitions) {
        checkOpen();
        Map<TopicPartition, Long> result = new TreeMap<>();
        for (TopicPartition tp : partitions) {
            result.put(tp, broker.registry().partition(tp).highWatermark());
        }
        return result;
    }

    @Override
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestamps) {
        checkOpen();
        Map<TopicPartition, OffsetAndTimestamp> result = new TreeMap<>();
        timestamps.forEach((tp, ts) -> {
            OffsetAndTimestamp o = broker.registry().partition(tp).offsetForTimestamp(ts);
            if (o != null) {
                result.put(tp, o);
            }
        });
        return result;
    }

    @Override
    public Set<String> listConsumerGroups() {
        checkOpen();
        return broker.coordinator().groupIds();
    }

    @Override
    public ConsumerGroupDescription describeConsumerGroup(String groupId) {
        checkOpen();
        return broker.coordinator().describe(groupId);
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> consumerGroupOffsets(String groupId) {
        checkOpen();
        return broker.coordinator().offsets(groupId);
    }

    @Override
    public Map<TopicPartition, Long> consumerGroupLag(String groupId) {
        checkOpen();
        Map<TopicPartition, OffsetAndMetadata> committed = broker.coordinator().offsets(groupId);
        Map<TopicPartition, Long> lag = new TreeMap<>();
        Map<String, Boolean> seen = new HashMap<>();
        // every partition of every topic the group has committed to or is assigned
        for (ConsumerGroupDescription.Member m : broker.coordinator().describe(groupId).members()) {
            m.assignment().forEach(tp -> seen.put(tp.topic(), true));
        }
        committed.keySet().forEach(tp -> seen.put(tp.topic(), true));
        for (String topic : seen.keySet()) {
            var t = broker.registry().find(topic);
            if (t == null) {
                continue;
            }
            for (LogPartition p : t.partitions()) {
                TopicPartition tp = p.topicPartition();
                OffsetAndMetadata c = committed.get(tp);
                long end = p.highWatermark();
                lag.put(tp, c == null ? end - p.logStartOffset() : Math.max(0, end - c.offset()));
            }
        }
        return lag;
    }

    @Override
    public void deleteConsumerGroup(String groupId) {
        checkOpen();
        broker.coordinator().delete(groupId);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new LogClosedException("Admin client is closed");
        }
        broker.checkOpen();
    }
}
