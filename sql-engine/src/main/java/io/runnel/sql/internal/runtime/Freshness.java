package io.runnel.sql.internal.runtime;

import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.OffsetAndMetadata;
import io.runnel.sql.internal.catalog.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Read-your-writes for pull queries: before a source's topic is read, every running persistent
 * query that feeds it (directly or through other queries, upstream first) is waited for until its
 * consumer group has committed, on each topic it reads, at least the end offsets those topics had
 * when the wait for that query began: first its source topic, then its repartition topics. A
 * query commits only after its outputs are acknowledged, so everything written before the pull
 * query started is then in the source's topic. The wait is bounded; after the bound the pull
 * query reads what is there.
 */
final class Freshness {
    private final Time time;

    Freshness(Time time) {
        this.time = time;
    }

    /** @param feeding the queries feeding the source, upstream first */
    void await(Admin admin, List<PersistentQuery> feeding, long timeoutMs) {
        long deadline = time.milliseconds() + timeoutMs;
        for (PersistentQuery q : feeding) {
            if (!q.state().equals("RUNNING")) {
                continue;
            }
            if (!awaitTopics(admin, q, q.sources().stream().map(DataSource::topic).distinct().toList(), deadline)) {
                return;
            }
            List<String> repartitions = new ArrayList<>();
            for (String t : new TreeSet<>(admin.listTopics(true))) {
                if (t.startsWith(q.applicationId() + "-") && t.endsWith("-repartition")) {
                    repartitions.add(t);
                }
            }
            if (!repartitions.isEmpty() && !awaitTopics(admin, q, repartitions, deadline)) {
                return;
            }
        }
    }

    private boolean awaitTopics(Admin admin, PersistentQuery q, List<String> topics, long deadline) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String t : topics) {
            int n = admin.describeTopic(t).partitions();
            for (int p = 0; p < n; p++) {
                partitions.add(new TopicPartition(t, p));
            }
        }
        Map<TopicPartition, Long> ends = admin.latestOffsets(partitions);
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, q.applicationId());
            boolean caughtUp = true;
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                if (e.getValue() > 0 && (c == null || c.offset() < e.getValue())) {
                    caughtUp = false;
                    break;
                }
            }
            if (caughtUp) {
                return true;
            }
            if (time.milliseconds() >= deadline || !q.state().equals("RUNNING")) {
                return false;
            }
            try {
                time.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
        try {
            return admin.consumerGroupOffsets(group);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

}
