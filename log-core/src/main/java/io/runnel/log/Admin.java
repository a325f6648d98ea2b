package io.runnel.log;

import io.runnel.common.TopicPartition;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Administers topics, configurations, offsets and consumer groups. Synchronous and thread-safe. */
public interface Admin extends AutoCloseable {

    /** Creates a topic. Throws {@link TopicExistsException} or {@link InvalidConfigurationException}. */
    void createTopic(NewTopic topic);

    /** Deletes a topic and its data. Throws {@link UnknownTopicException}. */
    void deleteTopic(String name);

    /** Names of all topics; internal topics (names starting with "__") only when asked. */
    Set<String> listTopics(boolean includeInternal);

    /** Throws {@link UnknownTopicException}. */
    TopicDescription describeTopic(String name);

    /** Changes some configuration properties of a topic; returns the new effective configuration. */
    TopicConfig alterTopicConfig(String name, Map<String, String> changes);

    /** Earliest (log start) offset per partition. */
    Map<TopicPartition, Long> earliestOffsets(Collection<TopicPartition> partitions);

    /** Latest (log end) offset per partition: the offset the next record will get. */
    Map<TopicPartition, Long> latestOffsets(Collection<TopicPartition> partitions);

    /** For each partition, the earliest offset with a timestamp at or after the given one (absent when none). */
    Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestamps);

    Set<String> listConsumerGroups();

    /** Throws {@link UnknownGroupException}. */
    ConsumerGroupDescription describeConsumerGroup(String groupId);

    Map<TopicPartition, OffsetAndMetadata> consumerGroupOffsets(String groupId);

    /** Lag per partition: log end offset minus committed offset (log end minus log start if none). */
    Map<TopicPartition, Long> consumerGroupLag(String groupId);

    /** Deletes a group that has no active members, with its committed offsets. */
    void deleteConsumerGroup(String groupId);

    @Override
    void close();
}
