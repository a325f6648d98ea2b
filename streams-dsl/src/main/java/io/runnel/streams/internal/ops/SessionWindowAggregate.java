package io.runnel.streams.internal.ops;

import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.SessionStore;
import io.runnel.state.Window;
import io.runnel.state.Windowed;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.Merger;
import io.runnel.streams.dsl.SessionWindows;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates into sessions, as Kafka Streams does: finds the sessions of the key within the gap
 * of the record, merges them with the record's own, removes them (forwarding a tombstone for
 * each, timestamped with its end) and forwards the merged session (timestamped with its end).
 * A record whose merged session ends before stream time - inactivity gap - grace is dropped
 * (counted): a session stays open for the gap (a later record may still extend it) plus the grace,
 * as in Kafka Streams.
 */
public record SessionWindowAggregate<K, V, VA>(String storeName, SessionWindows windows, Initializer<VA> initializer,
                                               Aggregator<? super K, ? super V, VA> aggregator,
                                               Merger<? super K, VA> merger)
        implements ProcessorSupplier<K, V, Windowed<K>, Change<VA>> {

    @Override
    public Processor<K, V, Windowed<K>, Change<VA>> get() {
        return new Processor<>() {
            private ProcessorContext<Windowed<K>, Change<VA>> context;
            private SessionStore<K, VA> store;
            private long observedStreamTime = -1L;

            @Override
            public void init(ProcessorContext<Windowed<K>, Change<VA>> context) {
                this.context = context;
                this.store = context.getStateStore(storeName);
            }

            @Override
            public void process(Record<K, V> record) {
                if (record.key() == null || record.value() == null) {
                    Drops.record(context);
                    return;
                }
                long ts = record.timestamp();
                observedStreamTime = Math.max(observedStreamTime, ts);
                long closeTime = observedStreamTime - windows.graceMs() - windows.inactivityGapMs();
                List<KeyValue<Windowed<K>, VA>> merged = new ArrayList<>();
                Window newWindow = new Window(ts, ts);
                Window mergedWindow = newWindow;
                VA agg = initializer.apply();
                try (KeyValueIterator<Windowed<K>, VA> it = store.findSessions(record.key(),
                        Math.max(0, ts - windows.inactivityGapMs()), ts + windows.inactivityGapMs())) {
                    while (it.hasNext()) {
                        KeyValue<Windowed<K>, VA> next = it.next();
                        merged.add(next);
                        agg = merger.apply(record.key(), agg, next.value());
                        mergedWindow = new Window(Math.min(mergedWindow.start(), next.key().window().start()),
                                Math.max(mergedWindow.end(), next.key().window().end()));
                    }
                }
                if (mergedWindow.end() < closeTime) {
                    Drops.record(context);
                    return;
                }
                if (!mergedWindow.equals(newWindow)) {
                    for (KeyValue<Windowed<K>, VA> session : merged) {
                        store.remove(session.key());
                        context.forward(new Record<>(session.key(), new Change<>(null, session.value()),
                                session.key().window().end(), record.headers()));
                    }
                }
                agg = aggregator.apply(record.key(), record.value(), agg);
                Windowed<K> sessionKey = new Windowed<>(record.key(), mergedWindow);
                store.put(sessionKey, agg);
                context.forward(new Record<>(sessionKey, new Change<>(agg, null), mergedWindow.end(), record.headers()));
            }
        };
    }
}
