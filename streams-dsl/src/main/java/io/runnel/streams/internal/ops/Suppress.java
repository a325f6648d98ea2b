package io.runnel.streams.internal.ops;

import io.runnel.state.Windowed;
import io.runnel.streams.StreamsException;
import io.runnel.streams.dsl.Suppressed;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Buffers table updates per key and emits them later (see {@link Suppressed}). Buffer time is the
 * window end for {@code untilWindowCloses} (emitted once stream time &gt;= end + grace) and the
 * first buffered update's timestamp for {@code untilTimeLimit} (emitted once stream time &gt;=
 * that + limit). Emits the latest value with the value from before the first buffered update as
 * the old value, in buffer-time order. The buffer is in memory and not change-logged (a restart
 * loses buffered updates; see the report). Runs on the task thread.
 */
public record Suppress<K, V>(Suppressed suppressed, long windowGraceMs) implements ProcessorSupplier<K, Change<V>, K, Change<V>> {

    @Override
    public Processor<K, Change<V>, K, Change<V>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<V>> context;
            private final Map<K, Entry<K, V>> byKey = new HashMap<>();
            private final TreeMap<Long, Map<K, Entry<K, V>>> byTime = new TreeMap<>();
            private long streamTime = -1L;

            @Override
            public void init(ProcessorContext<K, Change<V>> context) {
                this.context = context;
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                streamTime = Math.max(streamTime, record.timestamp());
                Entry<K, V> e = byKey.get(record.key());
                if (e == null) {
                    long bufferTime = suppressed.untilWindowCloses()
                            ? ((Windowed<?>) record.key()).window().end() : record.timestamp();
                    e = new Entry<>(record.key(), bufferTime, record.value().oldValue());
                    byKey.put(record.key(), e);
                    byTime.computeIfAbsent(bufferTime, t -> new java.util.LinkedHashMap<>()).put(record.key(), e);
                }
                e.latest = record;
                evictExpired();
                enforceBounds();
            }

            private void evictExpired() {
                long delay = suppressed.untilWindowCloses() ? windowGraceMs : suppressed.timeLimitMs();
                while (!byTime.isEmpty() && byTime.firstKey() <= streamTime - delay) {
                    emitOldest();
                }
            }

            private void enforceBounds() {
                Suppressed.BufferConfig cfg = suppressed.bufferConfig();
                while (byKey.size() > cfg.maxRecords()) {
                    if (!cfg.emitEarly()) {
                        throw new StreamsException("suppression buffer is full (" + cfg.maxRecords()
                                + " records) and configured to shut down when full");
                    }
                    emitOldest();
                }
            }

            private void emitOldest() {
                Map.Entry<Long, Map<K, Entry<K, V>>> first = byTime.firstEntry();
                Iterator<Entry<K, V>> it = first.getValue().values().iterator();
                Entry<K, V> e = it.next();
                it.remove();
                if (first.getValue().isEmpty()) {
                    byTime.remove(first.getKey());
                }
                byKey.remove(e.key);
                V newValue = e.latest.value().newValue();
                if (newValue != null || e.prior != null) {
                    context.forward(e.latest.withValue(new Change<>(newValue, e.prior)));
                }
            }
        };
    }

    private static final class Entry<K, V> {
        final K key;
        final long bufferTime;
        final V prior;
        Record<K, Change<V>> latest;

        Entry(K key, long bufferTime, V prior) {
            this.key = key;
            this.bufferTime = bufferTime;
            this.prior = prior;
        }
    }
}
