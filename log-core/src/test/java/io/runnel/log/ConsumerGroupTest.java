package io.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.ManualTime;
import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerGroupTest {
    @TempDir
    Path dir;
    final ManualTime time = new ManualTime();
    EmbeddedLog log;

    @BeforeEach
    void open() {
        log = TestLogs.open(dir, time);
        log.admin().createTopic(new NewTopic("t", 4));
    }

    @AfterEach
    void close() {
        log.close();
    }

    private Consumer<String, String> member(String strategy) {
        return log.consumer(Map.of("group.id", "g", "enable.auto.commit", false, "auto.offset.reset", "earliest",
                        "partition.assignment.strategy", strategy, "max.poll.interval.ms", 10_000),
                Serdes.string().deserializer(), Serdes.string().deserializer());
    }

    /** Polls the consumers in turn until their partition counts are the expected ones (in any order). */
    private static void pollUntilBalanced(List<Consumer<String, String>> consumers, int... expected) {
        int[] wanted = expected.clone();
        java.util.Arrays.sort(wanted);
        for (int round = 0; round < 200; round++) {
            int[] sizes = new int[consumers.size()];
            for (int i = 0; i < consumers.size(); i++) {
                consumers.get(i).poll(Duration.ofMillis(20));
                sizes[i] = consumers.get(i).assignment().size();
            }
            java.util.Arrays.sort(sizes);
            boolean done = java.util.Arrays.equals(sizes, wanted);
            Set<TopicPartition> union = new HashSet<>();
            int total = 0;
            for (Consumer<String, String> c : consumers) {
                union.addAll(c.assignment());
                total += c.assignment().size();
            }
            if (done && union.size() == total) {
                return;
            }
        }
        throw new AssertionError("group did not balance");
    }

    @Test
    void shouldSplitPartitionsBetweenMembersAndGiveAllToTheSurvivorWhenOneLeaves() {
        for (String strategy : List.of("range", "roundrobin", "cooperative-sticky")) {
            Consumer<String, String> c1 = member(strategy);
            Consumer<String, String> c2 = member(strategy);
            c1.subscribe(List.of("t"));
            c2.subscribe(List.of("t"));
            pollUntilBalanced(List.of(c1, c2), 2, 2);
            assertThat(c1.assignment()).doesNotContainAnyElementsOf(c2.assignment());
            c2.close();
            pollUntilBalanced(List.of(c1), 4);
            c1.close();
        }
    }

    @Test
    void shouldCallTheRebalanceListenerOnThePollingThread() {
        List<String> events = new ArrayList<>();
        Thread polling = Thread.currentThread();
        Consumer<String, String> c1 = member("range");
        c1.subscribe(List.of("t"), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                assertThat(Thread.currentThread()).isSameAs(polling);
                events.add("revoked " + partitions.size());
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                assertThat(Thread.currentThread()).isSameAs(polling);
                events.add("assigned " + partitions.size());
            }
        });
        pollUntilBalanced(List.of(c1), 4);
        Consumer<String, String> c2 = member("range");
        c2.subscribe(List.of("t"));
        pollUntilBalanced(List.of(c1, c2), 2, 2);
        assertThat(events).containsExactly("assigned 4", "revoked 4", "assigned 2");
        c1.close();
        c2.close();
    }

    @Test
    void shouldTakePartitionsFromAMemberThatStopsPollingAndRejectItsCommit() {
        List<Collection<TopicPartition>> lost = new ArrayList<>();
        Consumer<String, String> c1 = member("range");
        Consumer<String, String> c2 = member("range");
        c1.subscribe(List.of("t"), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                lost.add(partitions);
            }
        });
        c2.subscribe(List.of("t"));
        pollUntilBalanced(List.of(c1, c2), 2, 2);
        time.advance(6_000);
        c2.poll(Duration.ofMillis(10));
        time.advance(6_000); // c1 silent for 12 s > max.poll.interval.ms 10 s
        pollUntilBalanced(List.of(c2), 4);
        TopicPartition tp = c2.assignment().iterator().next();
        assertThatThrownBy(() -> c1.commitSync(Map.of(tp, new OffsetAndMetadata(1))))
                .isInstanceOf(CommitFailedException.class);
        c1.poll(Duration.ofMillis(10));
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0)).hasSize(2);
        c1.close();
        c2.close();
    }

    @Test
    void shouldDeliverEveryRecordToAGroupOfConsumersPollingOnTheirOwnThreads() throws Exception {
        log.admin().createTopic(new NewTopic("many", 6));
        int total = 3_000;
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            running.add(pool.submit(() -> {
                try (Consumer<String, String> c = log.consumer(Map.of("group.id", "workers",
                                "auto.offset.reset", "earliest", "enable.auto.commit", false),
                        Serdes.string().deserializer(), Serdes.string().deserializer())) {
                    c.subscribe(List.of("many"));
                    while (!stop.get()) {
                        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(50))) {
                            seen.add(r.value());
                        }
                        try {
                            c.commitSync();
                        } catch (CommitFailedException e) {
                            // rebalanced meanwhile: the next owner re-reads from the last commit
                        }
                    }
                }
                return null;
            }));
        }
        try (Producer<String, String> p = log.producer(Map.of(), Serdes.string().serializer(),
                Serdes.string().serializer())) {
            for (int i = 0; i < total; i++) {
                p.send(new ProducerRecord<>("many", "k" + i, "v" + i));
            }
            p.flush();
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (seen.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        stop.set(true);
        for (java.util.concurrent.Future<?> f : running) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        assertThat(seen).hasSize(total);
        assertThat(log.admin().consumerGroupLag("workers").values()).allMatch(lag -> lag == 0L);
    }

    @Test
    void shouldRejectACommitFromAMemberWhoseGenerationIsStale() {
        Consumer<String, String> c1 = member("range");
        Consumer<String, String> c2 = member("range");
        c1.subscribe(List.of("t"));
        c2.subscribe(List.of("t"));
        pollUntilBalanced(List.of(c1, c2), 2, 2);
        TopicPartition tp = c1.assignment().iterator().next();
        c1.commitSync(Map.of(tp, new OffsetAndMetadata(0)));
        Consumer<String, String> c3 = member("range");
        c3.subscribe(List.of("t"));
        c3.poll(Duration.ofMillis(10)); // joins: the group must rebalance
        c1.poll(Duration.ofMillis(10)); // rejoins, still at the old generation
        c2.poll(Duration.ofMillis(10)); // rejoins last: the rebalance completes without c1 noticing
        assertThatThrownBy(() -> c1.commitSync(Map.of(tp, new OffsetAndMetadata(1))))
                .isInstanceOf(CommitFailedException.class).hasMessageContaining("rebalanced");
        pollUntilBalanced(List.of(c1, c2, c3), 1, 1, 2);
        c1.close();
        c2.close();
        c3.close();
    }

    @Test
    void shouldReassignWhenAMemberChangesItsSubscription() {
        log.admin().createTopic(new NewTopic("u", 3));
        Consumer<String, String> c1 = member("range");
        c1.subscribe(List.of("t"));
        pollUntilBalanced(List.of(c1), 4);
        c1.subscribe(List.of("u"));
        pollUntilBalanced(List.of(c1), 3);
        assertThat(c1.assignment()).allMatch(tp -> tp.topic().equals("u"));
        c1.close();
    }

    @Test
    void shouldDescribeListAndDeleteGroups() {
        Admin admin = log.admin();
        Consumer<String, String> c1 = member("roundrobin");
        c1.subscribe(List.of("t"));
        pollUntilBalanced(List.of(c1), 4);
        c1.commitSync(Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(0)));
        assertThat(admin.listConsumerGroups()).contains("g");
        ConsumerGroupDescription d = admin.describeConsumerGroup("g");
        assertThat(d.state()).isEqualTo("Stable");
        assertThat(d.assignor()).isEqualTo("roundrobin");
        assertThat(d.members()).hasSize(1);
        assertThat(d.members().get(0).assignment()).hasSize(4);
        assertThatThrownBy(() -> admin.deleteConsumerGroup("g")).isInstanceOf(IllegalStateException.class);
        c1.close();
        admin.deleteConsumerGroup("g");
        assertThat(admin.listConsumerGroups()).doesNotContain("g");
        assertThatThrownBy(() -> admin.describeConsumerGroup("g")).isInstanceOf(UnknownGroupException.class);
    }
}
