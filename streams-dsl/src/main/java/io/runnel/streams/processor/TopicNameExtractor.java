package io.runnel.streams.processor;

/** Chooses the topic of each record a sink writes. */
@FunctionalInterface
public interface TopicNameExtractor<K, V> {

    String extract(K key, V value, RecordContext recordContext);
}
