package io.runnel.log;

import io.runnel.common.Deserializer;
import io.runnel.common.Serializer;
import java.util.Map;

/**
 * Makes clients of a log. Everything above log-core (state stores, the streams runtime, SQL, the
 * server) reaches the log only through this interface, so that another log (an Apache Kafka
 * cluster) can be plugged in without touching them. Configuration maps use Kafka's property names;
 * unknown or invalid properties are rejected with {@link InvalidConfigurationException}.
 */
public interface LogClients {

    <K, V> Producer<K, V> producer(Map<String, ?> config, Serializer<K> keySerializer, Serializer<V> valueSerializer);

    <K, V> Consumer<K, V> consumer(Map<String, ?> config, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer);

    Admin admin();
}
