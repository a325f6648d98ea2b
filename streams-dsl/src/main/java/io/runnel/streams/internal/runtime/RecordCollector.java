package io.runnel.streams.internal.runtime;

import io.runnel.common.Header;
import java.util.List;

/** Where sinks send serialized records: the test driver's topics or a log producer. */
public interface RecordCollector {

    /**
     * @param partition the partition chosen by a stream partitioner, or null for the default
     *                  (murmur2 of the key bytes)
     */
    void send(String topic, Integer partition, byte[] key, byte[] value, long timestamp, List<Header> headers);

    /** Number of partitions of a topic, for stream partitioners. */
    int partitionCount(String topic);
}
