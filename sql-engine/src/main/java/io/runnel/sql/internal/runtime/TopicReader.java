package io.runnel.sql.internal.runtime;

import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.LogClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads every partition of a topic from the beginning up to the end offsets found when it starts
 * (records appended later are not read), partition after partition, handing each record to a
 * callback that may stop the read by returning false.
 */
final class TopicReader {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int MAX_EMPTY_POLLS = 300;

    private TopicReader() {
    }

    static void readToEnd(LogClients log, String topic, int partitions, Predicate<ConsumerRecord<byte[], byte[]>> each) {
        try (Consumer<byte[], byte[]> consumer = log.consumer(Map.of("client.id", "runnel-pull"),
                Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(topic, p));
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(all);
            for (TopicPartition tp : all) {
                long end = ends.getOrDefault(tp, 0L);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                int empty = 0;
                while (consumer.position(tp) < end) {
                    var records = consumer.poll(POLL);
                    empty = records.isEmpty() ? empty + 1 : 0;
                    if (empty >= MAX_EMPTY_POLLS) {
                        throw new IllegalStateException("no progress reading " + tp + " at offset "
                                + consumer.position(tp) + " of " + end);
                    }
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        if (r.offset() >= end) {
                            break;
                        }
                        if (!each.test(r)) {
                            return;
                        }
                    }
                }
            }
        }
    }
}
