package io.runnel.log.internal.client;

import io.runnel.common.Deserializer;
import io.runnel.common.TopicPartition;
import io.runnel.log.CommitFailedException;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRebalanceListener;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.ConsumerRecords;
import io.runnel.log.InvalidConfigurationException;
import io.runnel.log.LogClosedException;
import io.runnel.log.NoOffsetForPartitionException;
import io.runnel.log.OffsetAndMetadata;
import io.runnel.log.OffsetAndTimestamp;
import io.runnel.log.OffsetOutOfRangeException;
import io.runnel.log.WakeupException;
import io.runnel.log.internal.broker.Broker;
import io.runnel.log.internal.broker.LogPartition;
import io.runnel.log.internal.broker.WakeSignal;
import io.runnel.log.internal.group.GroupCoordinator;
import io.runnel.log.internal.record.Record;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The in-process {@link Consumer}. Reads batches straight from the partitions ({@link FetchBuffer}
 * per partition), waits for data on a {@link WakeSignal} registered with its partitions (woken by
 * their new-data callback, by {@link #wakeup} and by group rebalances: no spinning), and takes part
 * in its group through the {@link GroupCoordinator} on the polling thread, so rebalance listener
 * callbacks run on that thread.
 *
 * <p>Not thread-safe (one polling thread), except {@link #wakeup()}.
 */
public final class EmbeddedConsumer<K, V> implements Consumer<K, V> {
    private static final long GROUP_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Broker broker;
    private final ConsumerConfig config;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final WakeSignal signal = new WakeSignal();
    private final AtomicBoolean wakeupRequested = new AtomicBoolean();
    private final Map<TopicPartition, PartitionState> assigned = new LinkedHashMap<>();
    private int nextPartition;
    private boolean closed;

    // group membership (subscribe mode)
    private Set<String> subscription;
    private ConsumerRebalanceListener listener = ConsumerRebalanceListener.NONE;
    private String memberId;
    private int generation = -1;
    private boolean subscriptionChanged;
    private boolean manualAssignment;
    private long lastAutoCommitMs;

    private static final class PartitionState {
        final LogPartition log;
        Long position;
        boolean paused;
        FetchBuffer buffer;
        /** The bytes of the last read, reused by the next one (records are copied out before). */
        ByteBuffer readBuffer;

        PartitionState(LogPartition log) {
            this.log = log;
        }
    }

    public EmbeddedConsumer(Broker broker, ConsumerConfig config, Deserializer<K> keyDeserializer,
                            Deserializer<V> valueDeserializer) {
        this.broker = broker;
        this.config = config;
        this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "keyDeserializer");
        this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
        this.lastAutoCommitMs = broker.time().milliseconds();
    }

    @Override
    public void assign(Collection<TopicPartition> partitions) {
        checkOpen();
        if (subscription != null) {
            throw new IllegalStateException("Subscription to topics and manual assignment are mutually exclusive");
        }
        Set<TopicPartition> wanted = new LinkedHashSet<>(partitions);
        for (TopicPartition tp : new ArrayList<>(assigned.keySet())) {
            if (!wanted.contains(tp)) {
                removePartition(tp);
            }
        }
        for (TopicPartition tp : wanted) {
            if (!assigned.containsKey(tp)) {
                addPartition(tp);
            }
        }
        manualAssignment = !wanted.isEmpty();
    }

    @Override
    public void subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
        checkOpen();
        Objects.requireNonNull(listener, "listener");
        if (config.groupId() == null) {
            throw new InvalidConfigurationException("subscribe() needs a group.id in the consumer configuration");
        }
        if (manualAssignment) {
            throw new IllegalStateException("Subscription to topics and manual assignment are mutually exclusive");
        }
        if (topics.isEmpty()) {
            unsubscribe();
            return;
        }
        Set<String> wanted = Set.copyOf(topics);
        if (memberId != null && !wanted.equals(subscription)) {
            subscriptionChanged = true; // the next poll rejoins with the new subscription
        }
        this.subscription = wanted;
        this.listener = listener;
    }

    @Override
    public void unsubscribe() {
        checkOpen();
        if (subscription != null && memberId != null) {
            if (!assigned.isEmpty()) {
                autoCommitQuietly();
                listener.onPartitionsRevoked(new ArrayList<>(assigned.keySet()));
            }
            broker.coordinator().leave(config.groupId(), memberId);
        }
        for (TopicPartition tp : new ArrayList<>(assigned.keySet())) {
            removePartition(tp);
        }
        subscription = null;
        memberId = null;
        generation = -1;
        manualAssignment = false;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.copyOf(assigned.keySet());
    }

    @Override
    public ConsumerRecords<K, V> poll(Duration timeout) {
        checkOpen();
        if (subscription == null && assigned.isEmpty() && !manualAssignment) {
            throw new IllegalStateException("Consumer is not subscribed to any topics or assigned any partitions");
        }
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        maybeAutoCommit();
        while (true) {
            broker.checkOpen();
            if (wakeupRequested.getAndSet(false)) {
                throw new WakeupException("poll interrupted by wakeup()");
            }
            if (subscription != null) {
                groupStep();
            }
            ConsumerRecords<K, V> records = fetch();
            if (!records.isEmpty()) {
                return records;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return ConsumerRecords.empty();
            }
            signal.await(subscription != null ? Math.min(left, GROUP_SLICE_NANOS) : left);
        }
    }

    /** One step of the group protocol: rejoin if asked, take a new assignment if one is ready. */
    private void groupStep() {
        GroupCoordinator coordinator = broker.coordinator();
        String group = config.groupId();
        for (int round = 0; round < 3; round++) {
            if (memberId == null || subscriptionChanged) {
                subscriptionChanged = false;
                join();
            }
            GroupCoordinator.Heartbeat hb = coordinator.heartbeat(group, memberId);
            if (!hb.known()) {
                if (!assigned.isEmpty()) {
                    List<TopicPartition> lost = new ArrayList<>(assigned.keySet());
                    for (TopicPartition tp : lost) {
                        removePartition(tp);
                    }
                    listener.onPartitionsLost(lost);
                }
                memberId = null;
                generation = -1;
                continue;
            }
            if (hb.generation() > generation) {
                applyAssignment(hb.generation(), hb.assignment());
            }
            if (hb.rejoin()) {
                join();
                continue;
            }
            return;
        }
    }

    private void join() {
        boolean cooperative = config.assignor().cooperative();
        if (!cooperative && !assigned.isEmpty() && memberId != null) {
            autoCommitQuietly();
            List<TopicPartition> revoked = new ArrayList<>(assigned.keySet());
            listener.onPartitionsRevoked(revoked);
            for (TopicPartition tp : revoked) {
                removePartition(tp);
            }
        }
        memberId = broker.coordinator().join(config.groupId(), memberId, config.clientId(), subscription,
                config.assignor(), config.memberTimeoutMs(), signal::signal);
    }

    private void applyAssignment(int newGeneration, Set<TopicPartition> partitions) {
        List<TopicPartition> revoked = new ArrayList<>();
        for (TopicPartition tp : assigned.keySet()) {
            if (!partitions.contains(tp)) {
                revoked.add(tp);
            }
        }
        if (!revoked.isEmpty()) {
            autoCommitQuietly();
            listener.onPartitionsRevoked(revoked);
            revoked.forEach(this::removePartition);
        }
        List<TopicPartition> added = new ArrayList<>();
        for (TopicPartition tp : new TreeSet<>(partitions)) {
            if (!assigned.containsKey(tp)) {
                addPartition(tp);
                added.add(tp);
            }
        }
        generation = newGeneration;
        listener.onPartitionsAssigned(config.assignor().cooperative() ? added : new ArrayList<>(new TreeSet<>(partitions)));
    }

    private void addPartition(TopicPartition tp) {
        LogPartition log = broker.registry().partition(tp);
        assigned.put(tp, new PartitionState(log));
        log.waiters().add(signal);
    }

    private void removePartition(TopicPartition tp) {
        PartitionState ps = assigned.remove(tp);
        if (ps != null) {
            ps.log.waiters().remove(signal);
        }
    }

    private ConsumerRecords<K, V> fetch() {
        if (assigned.isEmpty()) {
            return ConsumerRecords.empty();
        }
        Map<TopicPartition, List<ConsumerRecord<K, V>>> out = new LinkedHashMap<>();
        int budget = config.maxPollRecords();
        long bytesBudget = config.fetchMaxBytes();
        List<TopicPartition> order = new ArrayList<>(assigned.keySet());
        int n = order.size();
        int start = nextPartition++ % n;
        for (int i = 0; i < n && budget > 0; i++) {
            TopicPartition tp = order.get((start + i) % n);
            PartitionState ps = assigned.get(tp);
            if (ps.paused) {
                continue;
            }
            if (ps.position == null) {
                initPosition(tp, ps);
            }
            List<ConsumerRecord<K, V>> list = null;
            while (budget > 0) {
                if (ps.buffer == null) {
                    long hw = ps.log.highWatermark();
                    if (ps.position > hw) { // seeked past the end: out of range, as Kafka
                        resetPosition(tp, ps, new OffsetOutOfRangeException("position " + ps.position + " of " + tp
                                + " is beyond the end of the log (" + hw + ")"));
                        continue;
                    }
                    if (ps.position == hw || bytesBudget <= 0) {
                        break;
                    }
                    ByteBuffer bytes;
                    try {
                        bytes = ps.log.read(ps.position, config.maxPartitionFetchBytes(), ps.readBuffer);
                        if (bytes.capacity() > 0) {
                            ps.readBuffer = bytes; // reused once this fetch is handed out
                        }
                    } catch (OffsetOutOfRangeException e) {
                        resetPosition(tp, ps, e);
                        continue;
                    }
                    if (!bytes.hasRemaining()) {
                        break;
                    }
                    bytesBudget -= bytes.remaining();
                    ps.buffer = new FetchBuffer(bytes);
                }
                Record r = ps.buffer.next();
                if (r == null) {
                    ps.position = Math.max(ps.position, ps.buffer.consumedUpTo());
                    ps.buffer = null;
                    continue;
                }
                long offset = r.offset();
                if (offset < ps.position) {
                    continue;
                }
                if (list == null) {
                    list = out.computeIfAbsent(tp, k -> new ArrayList<>(Math.min(config.maxPollRecords(), 512)));
                }
                list.add(new ConsumerRecord<>(tp.topic(), tp.partition(), offset, r.timestamp(),
                        ps.buffer.timestampType(), keyDeserializer.deserialize(tp.topic(), bytes(r.key())),
                        valueDeserializer.deserialize(tp.topic(), bytes(r.value())), r.headers()));
                ps.position = offset + 1;
                budget--;
            }
        }
        return out.isEmpty() ? ConsumerRecords.empty() : new ConsumerRecords<>(out);
    }

    private static byte[] bytes(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] out = new byte[b.remaining()];
        b.get(b.position(), out);
        return out;
    }

    private void initPosition(TopicPartition tp, PartitionState ps) {
        if (config.groupId() != null) {
            OffsetAndMetadata committed = broker.coordinator().committed(config.groupId(), Set.of(tp)).get(tp);
            if (committed != null) {
                ps.position = committed.offset();
                return;
            }
        }
        resetPosition(tp, ps, null);
    }

    private void resetPosition(TopicPartition tp, PartitionState ps, OffsetOutOfRangeException cause) {
        ps.buffer = null;
        switch (config.autoOffsetReset()) {
            case "earliest" -> ps.position = ps.log.logStartOffset();
            case "latest" -> ps.position = ps.log.highWatermark();
            default -> {
                if (cause != null) {
                    throw cause;
                }
                throw new NoOffsetForPartitionException("No committed offset for " + tp
                        + " and auto.offset.reset=none");
            }
        }
    }

    private void maybeAutoCommit() {
        if (!config.enableAutoCommit() || assigned.isEmpty()) {
            return;
        }
        long now = broker.time().milliseconds();
        if (now - lastAutoCommitMs >= config.autoCommitIntervalMs()) {
            lastAutoCommitMs = now;
            autoCommitQuietly();
        }
    }

    private void autoCommitQuietly() {
        if (!config.enableAutoCommit() || config.groupId() == null) {
            return;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = currentPositions();
            if (!offsets.isEmpty()) {
                commitSync(offsets);
            }
        } catch (CommitFailedException e) {
            // the group moved on; the new owner starts from the last successful commit
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> currentPositions() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        assigned.forEach((tp, ps) -> {
            if (ps.position != null) {
                offsets.put(tp, new OffsetAndMetadata(ps.position));
            }
        });
        return offsets;
    }

    @Override
    public void commitSync() {
        checkOpen();
        commitSync(currentPositions());
    }

    @Override
    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        checkOpen();
        if (config.groupId() == null) {
            throw new InvalidConfigurationException("Committing offsets needs a group.id in the consumer configuration");
        }
        if (offsets.isEmpty()) {
            return;
        }
        broker.coordinator().commit(config.groupId(), subscription != null ? memberIdForCommit() : null,
                generation, offsets);
    }

    private String memberIdForCommit() {
        if (memberId == null) {
            throw new CommitFailedException("Commit failed: this consumer is not a member of group "
                    + config.groupId() + " (it has not joined yet or was removed)");
        }
        return memberId;
    }

    @Override
    public void commitAsync(OffsetCommitCallback callback) {
        Map<TopicPartition, OffsetAndMetadata> offsets = currentPositions();
        try {
            commitSync(offsets);
            if (callback != null) {
                callback.onComplete(offsets, null);
            }
        } catch (RuntimeException e) {
            if (callback == null) {
                return;
            }
            callback.onComplete(offsets, e);
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions) {
        checkOpen();
        if (config.groupId() == null) {
            throw new InvalidConfigurationException("committed() needs a group.id in the consumer configuration");
        }
        return broker.coordinator().committed(config.groupId(), partitions);
    }

    @Override
    public void seek(TopicPartition partition, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("seek offset must not be negative: " + offset);
        }
        PartitionState ps = state(partition);
        ps.position = offset;
        ps.buffer = null;
    }

    @Override
    public void seekToBeginning(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions.isEmpty() ? assigned.keySet() : partitions) {
            PartitionState ps = state(tp);
            ps.position = ps.log.logStartOffset();
            ps.buffer = null;
        }
    }

    @Override
    public void seekToEnd(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions.isEmpty() ? assigned.keySet() : partitions) {
            PartitionState ps = state(tp);
            ps.position = ps.log.highWatermark();
            ps.buffer = null;
        }
    }

    @Override
    public long position(TopicPartition partition) {
        PartitionState ps = state(partition);
        if (ps.position == null) {
            initPosition(partition, ps);
        }
        return ps.position;
    }

    @Override
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestamps) {
        Map<TopicPartition, OffsetAndTimestamp> result = new HashMap<>();
        timestamps.forEach((tp, ts) -> {
            OffsetAndTimestamp o = broker.registry().partition(tp).offsetForTimestamp(ts);
            if (o != null) {
                result.put(tp, o);
            }
        });
        return result;
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition tp : partitions) {
            result.put(tp, broker.registry().partition(tp).logStartOffset());
        }
        return result;
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition tp : partitions) {
            result.put(tp, broker.registry().partition(tp).highWatermark());
        }
        return result;
    }

    @Override
    public void pause(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            state(tp).paused = true;
        }
    }

    @Override
    public void resume(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            state(tp).paused = false;
        }
        signal.signal();
    }

    @Override
    public Set<TopicPartition> paused() {
        Set<TopicPartition> result = new HashSet<>();
        assigned.forEach((tp, ps) -> {
            if (ps.paused) {
                result.add(tp);
            }
        });
        return result;
    }

    @Override
    public void wakeup() {
        wakeupRequested.set(true);
        signal.signal();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (!broker.isClosed()) {
                if (subscription != null && memberId != null) {
                    autoCommitQuietly();
                    if (!assigned.isEmpty()) {
                        listener.onPartitionsRevoked(new ArrayList<>(assigned.keySet()));
                    }
                    broker.coordinator().leave(config.groupId(), memberId);
                } else if (config.enableAutoCommit() && !assigned.isEmpty()) {
                    autoCommitQuietly();
                }
            }
        } finally {
            for (TopicPartition tp : new ArrayList<>(assigned.keySet())) {
                removePartition(tp);
            }
            closed = true;
        }
    }

    private PartitionState state(TopicPartition tp) {
        PartitionState ps = assigned.get(tp);
        if (ps == null) {
            throw new IllegalStateException("Partition " + tp + " is not assigned to this consumer");
        }
        return ps;
    }

    private void checkOpen() {
        if (closed) {
            throw new LogClosedException("Consumer " + config.clientId() + " is closed");
        }
        broker.checkOpen();
    }
}
