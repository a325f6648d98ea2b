package io.runnel.log.internal.segment;

import io.runnel.log.OutOfOrderSequenceException;
import io.runnel.log.ProducerFencedException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Idempotent producer state of one partition, as Kafka's: per producer id, its epoch and the
 * metadata of its last {@value #CACHED_BATCHES} batches. It lets {@code append}
 * <ul>
 *   <li>fence an older epoch ({@link ProducerFencedException});</li>
 *   <li>recognise a retried batch (same epoch, same first and last sequence as a cached batch)
 *       and answer with its original offsets instead of appending it again;</li>
 *   <li>reject a sequence gap ({@link OutOfOrderSequenceException}). A new epoch must start at
 *       sequence 0; a producer id the partition does not know (never seen, or its batches
 *       deleted by retention) may start anywhere, as in Kafka 2.5+.</li>
 * </ul>
 * The state is rebuilt from batch headers on recovery and snapshotted at clean close
 * ({@link ProducerStateSnapshot}). Threading: used only under the partition's append lock.
 */
final class ProducerStateManager {
    static final int CACHED_BATCHES = 5;

    private final Map<Long, Entry> producers = new HashMap<>();

    /** The metadata of one appended batch of an idempotent producer. */
    record BatchMetadata(int firstSeq, int lastSeq, long firstOffset, long lastOffset, long timestamp) {
    }

    /** One producer's epoch and last batches (oldest first). */
    static final class Entry {
        final long producerId;
        short epoch;
        final ArrayDeque<BatchMetadata> batches = new ArrayDeque<>(CACHED_BATCHES);

        Entry(long producerId, short epoch) {
            this.producerId = producerId;
            this.epoch = epoch;
        }

        int lastSeq() {
            return batches.isEmpty() ? -1 : batches.peekLast().lastSeq();
        }
    }

    /**
     * Checks a batch against the producer's state.
     *
     * @return the cached metadata if the batch is a duplicate, else null (append it)
     * @throws ProducerFencedException     for an epoch older than the known one
     * @throws OutOfOrderSequenceException for a sequence that does not follow the last one
     */
    BatchMetadata check(long producerId, short epoch, int firstSeq, int lastSeq, long nextOffset) {
        Entry e = producers.get(producerId);
        if (e == null) {
            return null;
        }
        if (epoch < e.epoch) {
            throw new ProducerFencedException("producer " + producerId + " with epoch " + epoch
                    + " is fenced: epoch " + e.epoch + " is current");
        }
        if (epoch > e.epoch) {
            if (firstSeq != 0) {
                throw new OutOfOrderSequenceException("producer " + producerId + " started epoch " + epoch
                        + " at sequence " + firstSeq + ", expected 0 (at offset " + nextOffset + ")");
            }
            return null;
        }
        for (BatchMetadata b : e.batches) {
            if (b.firstSeq() == firstSeq && b.lastSeq() == lastSeq) {
                return b;
            }
        }
        int expected = e.batches.isEmpty() ? firstSeq : increment(e.lastSeq());
        if (firstSeq != expected) {
            throw new OutOfOrderSequenceException("out of order sequence for producer " + producerId + " epoch "
                    + epoch + " at offset " + nextOffset + ": got " + firstSeq + ", expected " + expected);
        }
        return null;
    }

    /** Records an appended batch (also used when replaying the log on recovery). */
    void update(long producerId, short epoch, int firstSeq, int lastSeq, long firstOffset, long lastOffset,
                long timestamp) {
        Entry e = producers.computeIfAbsent(producerId, id -> new Entry(id, epoch));
        if (epoch > e.epoch) {
            e.epoch = epoch;
            e.batches.clear();
        } else if (epoch < e.epoch) {
            return; // a replayed batch from before a fence: the newer epoch wins
        }
        if (e.batches.size() == CACHED_BATCHES) {
            e.batches.pollFirst();
        }
        e.batches.addLast(new BatchMetadata(firstSeq, lastSeq, firstOffset, lastOffset, timestamp));
    }

    /** Forgets batches at or beyond {@code offset} (after a truncation) and producers left empty. */
    void truncateFrom(long offset) {
        Iterator<Entry> it = producers.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            e.batches.removeIf(b -> b.lastOffset() >= offset);
            if (e.batches.isEmpty()) {
                it.remove();
            }
        }
    }

    void clear() {
        producers.clear();
    }

    Collection<Entry> entries() {
        return producers.values();
    }

    void put(Entry entry) {
        producers.put(Objects.requireNonNull(entry, "entry").producerId, entry);
    }

    int size() {
        return producers.size();
    }

    static int increment(int seq) {
        return seq == Integer.MAX_VALUE ? 0 : seq + 1;
    }
}
