package io.runnel.sql.internal.command;

import java.util.OptionalInt;
import java.util.Set;

/**
 * The topics the SQL engine can see: what {@code CREATE STREAM/TABLE} checks its {@code KAFKA_TOPIC}
 * against, what {@code PARTITIONS} creates, what {@code DROP ... DELETE TOPIC} deletes and what
 * {@code SHOW TOPICS} lists. The engine plugs in the log's admin client ({@link AdminTopics});
 * tests use {@link InMemoryTopics}. Implementations are thread-safe.
 */
public interface EngineTopics {

    /** Names of the user-visible topics (internal ones, named {@code __...} or {@code _runnel...}, left out). */
    Set<String> names();

    /** Every topic, internal ones included ({@code SHOW ALL TOPICS}). */
    default Set<String> allNames() {
        return names();
    }

    /** The partition count of the topic, or empty when there is no such topic. */
    OptionalInt partitions(String topic);

    default boolean exists(String topic) {
        return partitions(topic).isPresent();
    }

    /**
     * Creates a topic; {@code compacted} for a table's changelog topic (cleanup.policy=compact),
     * otherwise cleanup.policy=delete. Creating an existing topic is an IllegalStateException.
     */
    void create(String topic, int partitions, boolean compacted);

    /** Deletes a topic and its data; a missing topic is an IllegalStateException. */
    void delete(String topic);
}
