package io.runnel.sql.internal.command;

import io.runnel.log.Admin;
import io.runnel.log.NewTopic;
import io.runnel.log.TopicConfig;
import io.runnel.log.UnknownTopicException;
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
        admin.createTopic(new NewTopic(topic, partitions,
                Map.of(TopicConfig.CLEANUP_POLICY, compacted ? "compact" : "delete")));
    }

    @Override
    public void delete(String topic) {
        admin.deleteTopic(topic);
    }
}
