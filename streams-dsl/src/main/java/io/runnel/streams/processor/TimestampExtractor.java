package io.runnel.streams.processor;

/**
 * Chooses the event time of an input record. The default uses the record's own timestamp (the
 * producer's or the log's).
 */
@FunctionalInterface
public interface TimestampExtractor {

    /**
     * @param key the deserialized key
     * @param value the deserialized value
     * @param recordTimestamp the timestamp stored with the record
     * @param partitionTime the largest timestamp seen so far on this partition, or -1
     * @return a timestamp &gt;= 0; a negative result drops the record (counted as dropped)
     */
    long extract(Object key, Object value, long recordTimestamp, long partitionTime);

    /** The record's own timestamp. */
    TimestampExtractor RECORD_TIMESTAMP = (key, value, recordTimestamp, partitionTime) -> recordTimestamp;
}
