package io.runnel.sql.internal.command;

import io.runnel.log.Admin;
import io.runnel.log.InvalidConfigurationException;
import io.runnel.log.InvalidTopicException;
import io.runnel.log.NewTopic;
import io.runnel.log.TopicConfig;
import io.runnel.log.UnknownTopicException;
import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/** The engine's view of topics through the log's {@link Admin} client. Thread-safe as Admin is. */
public final class AdminTopics implements EngineTopics {

    private final Admin admin;

    public AdminTopics(Admin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    @Override
    public Set<String> names() {
        Set<String> names = new TreeSet<>(admin.listTopics(false));
        names.removeIf(n -> n.startsWith("_"));
        return names;
    }

    @Override
    public Set<String> allNames() {
        return new TreeSet<>(admin.listTopics(true));
    }

    @Override
    public OptionalInt partitions(String topic) {
        try {
            return OptionalInt.of(admin.describeTopic(topic).partitions());
        } catch (UnknownTopicException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public void create(String topic, int partitions, boolean compacted) {
        admin.createTopic(newTopic(topic, partitions,
                Map.of(TopicConfig.CLEANUP_POLICY, compacted ? "compact" : "delete")));
    }

    /**
     * The topic a statement asks for, or the log's objection to its name or partition count as a
     * statement error (a sink named {@code `A@B`} gets that topic name unless KAFKA_TOPIC says otherwise).
     */
    public static NewTopic newTopic(String topic, int partitions, Map<String, String> configs) {
        try {
            return new NewTopic(topic, partitions, configs);
        } catch (InvalidTopicException | InvalidConfigurationException e) {
            throw new SqlException(SqlErrorCode.INVALID_PROPERTY, "Cannot create topic '" + topic + "': "
                    + e.getMessage() + ". Name a valid topic with KAFKA_TOPIC and a partition count with PARTITIONS "
                    + "in the WITH clause.");
        }
    }

    @Override
    public void delete(String topic) {
        admin.deleteTopic(topic);
    }
}
