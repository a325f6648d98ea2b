package io.runnel.log.internal.broker;

import io.runnel.common.TopicPartition;
import io.runnel.log.OffsetAndTimestamp;
import io.runnel.log.OffsetOutOfRangeException;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.record.Records;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A partition kept in memory, for client tests that need no files: offsets, reads, idempotence. */
public final class MemoryLogPartition implements LogPartition {
    private final TopicPartition tp;
    private final List<ByteBuffer> batches = new ArrayList<>();
    private final Map<Long, List<long[]>> producers = new HashMap<>(); // pid -> [baseSeq, lastSeq, base, last]
    private final Waiters waiters = new Waiters();
    private long next;

    public MemoryLogPartition(TopicPartition tp) {
        this.tp = tp;
    }

    @Override
    public TopicPartition topicPartition() {
        return tp;
    }

    @Override
    public CompletableFuture<Appended> append(ByteBuffer in) {
        long first = -1;
        long last = -1;
        synchronized (this) {
            for (RecordBatchView b : Records.batches(in)) {
                b.ensureValid();
                if (b.hasProducerId()) {
                    for (long[] seen : producers.getOrDefault(b.producerId(), List.of())) {
                        if (seen[0] == b.baseSequence() && seen[1] == b.lastSequence()) {
                            return CompletableFuture.completedFuture(new Appended(seen[2], seen[3], -1, true));
                        }
                    }
                }
                ByteBuffer copy = ByteBuffer.allocate(b.sizeInBytes());
                copy.put(b.buffer().duplicate()).flip();
                RecordBatchView stored = new RecordBatchView(copy);
                stored.setBaseOffset(next);
                if (first < 0) {
                    first = next;
                }
                last = stored.lastOffset();
                next = last + 1;
                batches.add(copy);
                if (b.hasProducerId()) {
                    producers.computeIfAbsent(b.producerId(), k -> new ArrayList<>())
                            .add(new long[] {b.baseSequence(), b.lastSequence(), stored.baseOffset(), last});
                }
            }
        }
        waiters.wakeAll();
        return CompletableFuture.completedFuture(new Appended(first, last, -1, false));
    }

    @Override
    public synchronized ByteBuffer read(long offset, int maxBytes) {
        if (offset > next || offset < 0) {
            throw new OffsetOutOfRangeException("offset " + offset + " outside [0, " + next + "]");
        }
        List<ByteBuffer> picked = new ArrayList<>();
        int size = 0;
        for (ByteBuffer b : batches) {
            RecordBatchView v = new RecordBatchView(b);
            if (v.lastOffset() < offset) {
                continue;
            }
            if (!picked.isEmpty() && size + b.remaining() > maxBytes) {
                break;
            }
            picked.add(b);
            size += b.remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        picked.forEach(b -> out.put(b.duplicate()));
        return out.flip();
    }

    @Override
    public long logStartOffset() {
        return 0;
    }

    @Override
    public synchronized long logEndOffset() {
        return next;
    }

    @Override
    public synchronized long highWatermark() {
        return next;
    }

    @Override
    public synchronized OffsetAndTimestamp offsetForTimestamp(long timestamp) {
        for (ByteBuffer b : batches) {
            for (Record r : new RecordBatchView(b)) {
                if (r.timestamp() >= timestamp) {
                    return new OffsetAndTimestamp(r.offset(), r.timestamp());
                }
            }
        }
        return null;
    }

    @Override
    public void updateConfig(TopicConfig config) {
    }

    @Override
    public int deleteExpiredSegments() {
        return 0;
    }

    @Override
    public Waiters waiters() {
        return waiters;
    }

    @Override
    public void close() {
    }

    @Override
    public void delete() {
    }
}
