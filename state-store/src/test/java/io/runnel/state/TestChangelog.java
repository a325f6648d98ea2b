package io.runnel.state;

import io.runnel.common.TopicPartition;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRebalanceListener;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.ConsumerRecords;
import io.runnel.log.OffsetAndMetadata;
import io.runnel.log.OffsetAndTimestamp;
import io.runnel.log.OffsetOutOfRangeException;
import io.runnel.log.TimestampType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An in-memory changelog for tests: the writers the stores log to and a {@link Consumer} that
 * reads the same records back (assign/seek/poll/position/beginning/end offsets), with retention
 * ({@link #truncateBefore}) to move a partition's start. Offsets are positions in a list.
 */
final class TestChangelog {
    private final Map<TopicPartition, Partition> partitions = new HashMap<>();

    private static final class Partition {
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long start;

        long end() {
            return start + records.size();
        }
    }

    private Partition partition(TopicPartition tp) {
        return partitions.computeIfAbsent(tp, k -> new Partition());
    }

    Function<TopicPartition, ChangelogWriter> writers() {
        return tp -> (key, value, timestamp) -> {
            Partition p = partition(tp);
            p.records.add(new ConsumerRecord<>(tp.topic(), tp.partition(), p.end(), timestamp, TimestampType.CREATE_TIME,
                    key.get(), value, List.of()));
        };
    }

    /** Appends a record as a producer would. */
    void append(TopicPartition tp, byte[] key, byte[] value) {
        writers().apply(tp).log(Bytes.wrap(key), value, 0L);
    }

    long endOffset(TopicPartition tp) {
        return partition(tp).end();
    }

    List<ConsumerRecord<byte[], byte[]>> records(TopicPartition tp) {
        return List.copyOf(partition(tp).records);
    }

    /** Drops records below {@code offset}, as retention does. */
    void truncateBefore(TopicPartition tp, long offset) {
        Partition p = partition(tp);
        int drop = (int) Math.min(p.records.size(), Math.max(0, offset - p.start));
        p.records.subList(0, drop).clear();
        p.start += drop;
    }

    Consumer<byte[], byte[]> consumer(int maxPollRecords) {
        return new Reader(maxPollRecords, Integer.MAX_VALUE);
    }

    /** A consumer whose poll number {@code failingPoll} (from 1) throws, as a crash would stop a restore. */
    Consumer<byte[], byte[]> consumerFailingAt(int maxPollRecords, int failingPoll) {
        return new Reader(maxPollRecords, failingPoll);
    }

    private final class Reader implements Consumer<byte[], byte[]> {
        private final int maxPollRecords;
        private final int failingPoll;
        private final Map<TopicPartition, Long> positions = new HashMap<>();
        private int polls;

        Reader(int maxPollRecords, int failingPoll) {
            this.maxPollRecords = maxPollRecords;
            this.failingPoll = failingPoll;
        }

        @Override
        public void assign(Collection<TopicPartition> tps) {
            positions.keySet().retainAll(tps);
            for (TopicPartition tp : tps) {
                positions.putIfAbsent(tp, partition(tp).start);
            }
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.copyOf(positions.keySet());
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            if (++polls == failingPoll) {
                throw new IllegalStateException("crash in poll " + polls);
            }
            Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> out = new HashMap<>();
            for (Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
                Partition p = partition(e.getKey());
                long pos = e.getValue();
                if (pos < p.start || pos > p.end()) {
                    throw new OffsetOutOfRangeException("offset " + pos + " not in [" + p.start + ", " + p.end() + "]");
                }
                int from = (int) (pos - p.start);
                int to = (int) Math.min(p.records.size(), from + (long) maxPollRecords);
                if (to > from) {
                    out.put(e.getKey(), List.copyOf(p.records.subList(from, to)));
                    e.setValue(p.start + to);
                }
            }
            return new ConsumerRecords<>(out);
        }

        @Override
        public void seek(TopicPartition tp, long offset) {
            positions.put(tp, offset);
        }

        @Override
        public long position(TopicPartition tp) {
            return positions.get(tp);
        }

        @Override
        public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> tps) {
            Map<TopicPartition, Long> m = new HashMap<>();
            tps.forEach(tp -> m.put(tp, partition(tp).start));
            return m;
        }

        @Override
        public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> tps) {
            Map<TopicPartition, Long> m = new HashMap<>();
            tps.forEach(tp -> m.put(tp, partition(tp).end()));
            return m;
        }

        @Override
        public void subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void unsubscribe() {
            positions.clear();
        }

        @Override
        public void commitSync() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void commitAsync(OffsetCommitCallback callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> tps) {
            return Map.of();
        }

        @Override
        public void seekToBeginning(Collection<TopicPartition> tps) {
            tps.forEach(tp -> positions.put(tp, partition(tp).start));
        }

        @Override
        public void seekToEnd(Collection<TopicPartition> tps) {
            tps.forEach(tp -> positions.put(tp, partition(tp).end()));
        }

        @Override
        public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestamps) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void pause(Collection<TopicPartition> tps) {
        }

        @Override
        public void resume(Collection<TopicPartition> tps) {
        }

        @Override
        public Set<TopicPartition> paused() {
            return Set.of();
        }

        @Override
        public void wakeup() {
        }

        @Override
        public void close() {
        }
    }
}
