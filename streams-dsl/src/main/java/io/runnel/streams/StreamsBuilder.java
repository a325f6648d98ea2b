package io.runnel.streams;

import io.runnel.common.Serde;
import io.runnel.state.KeyValueStore;
import io.runnel.state.StoreBuilder;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.GlobalKTable;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.internal.graph.DslBuilder;
import io.runnel.streams.internal.graph.GlobalKTableImpl;
import io.runnel.streams.internal.graph.KStreamImpl;
import io.runnel.streams.internal.graph.Names;
import io.runnel.streams.internal.graph.StoreFactory;
import io.runnel.streams.internal.ops.GlobalTableUpdate;
import io.runnel.streams.internal.ops.TableSource;
import io.runnel.streams.internal.ops.ValueGetterSupplier;
import io.runnel.streams.internal.topology.InternalTopologyBuilder;
import io.runnel.streams.internal.topology.NodeDef;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The entry point of the DSL, as in Kafka Streams: {@link #stream}, {@link #table} and
 * {@link #globalTable} read topics; {@link #build()} returns the {@link Topology}. Serdes are
 * given where records enter (Consumed) and where types change (Grouped, Materialized,
 * Produced); an operator that needs a serde it does not have fails at once with a
 * {@link TopologyException} naming the operator.
 *
 * <p>Operator names follow the scheme documented in {@code internal.graph.Names}: a user-given
 * name, or {@code <kind>-<n>} counted per kind in this builder; stores are
 * {@code <operator>-store}, repartition topics {@code <application.id>-<operator>-repartition}.
 * Not thread-safe; build once.
 */
public final class StreamsBuilder {
    private final InternalTopologyBuilder itb = new InternalTopologyBuilder();
    private final DslBuilder dsl = new DslBuilder(itb);
    private boolean built;

    /** A stream of one topic. */
    public <K, V> KStream<K, V> stream(String topic, Consumed<K, V> consumed) {
        return stream(List.of(Objects.requireNonNull(topic, "topic")), consumed);
    }

    /** A stream of several topics (one source). */
    public <K, V> KStream<K, V> stream(Collection<String> topics, Consumed<K, V> consumed) {
        checkOpen();
        Objects.requireNonNull(consumed, "consumed");
        String name = dsl.names().operator("source", consumed.processorName());
        itb.addSource(new NodeDef.Source(name, List.copyOf(topics),
                require(consumed.keySerde(), "key", name).deserializer(),
                require(consumed.valueSerde(), "value", name).deserializer(), consumed.timestampExtractor()));
        return new KStreamImpl<>(dsl, name, consumed.keySerde(), consumed.valueSerde(), false);
    }

    /** A table of a changelog topic, materialized in a store named {@code <table operator>-store}. */
    public <K, V> KTable<K, V> table(String topic, Consumed<K, V> consumed) {
        return table(topic, consumed, null);
    }

    /** A table of a changelog topic, materialized as the options say. */
    public <K, V> KTable<K, V> table(String topic, Consumed<K, V> consumed,
                                     Materialized<K, V, KeyValueStore<K, V>> materialized) {
        checkOpen();
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(consumed, "consumed");
        String source = dsl.names().operator("source", consumed.processorName());
        Serde<K> ks = materialized != null && materialized.keySerde() != null ? materialized.keySerde() : consumed.keySerde();
        Serde<V> vs = materialized != null && materialized.valueSerde() != null ? materialized.valueSerde() : consumed.valueSerde();
        itb.addSource(new NodeDef.Source(source, List.of(topic), require(consumed.keySerde(), "key", source).deserializer(),
                require(consumed.valueSerde(), "value", source).deserializer(), consumed.timestampExtractor()));
        String name = dsl.names().operator("table", materialized == null ? null : materialized.storeName());
        String store = materialized != null && materialized.storeName() != null ? materialized.storeName() : Names.store(name);
        itb.addProcessor(new NodeDef.Proc(name, new TableSource<K, V>(store), List.of(source)));
        itb.addStateStore(StoreFactory.timestampedKeyValue(store, ks, vs, materialized, name), name);
        return io.runnel.streams.internal.graph.Tables.table(dsl, name, ks, vs, ValueGetterSupplier.ofStore(store), store);
    }

    /** A table replicated in full to every task, for joins by any key. */
    public <K, V> GlobalKTable<K, V> globalTable(String topic, Consumed<K, V> consumed) {
        return globalTable(topic, consumed, null);
    }

    public <K, V> GlobalKTable<K, V> globalTable(String topic, Consumed<K, V> consumed,
                                                 Materialized<K, V, KeyValueStore<K, V>> materialized) {
        checkOpen();
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(consumed, "consumed");
        String source = dsl.names().operator("global-source", consumed.processorName());
        String name = dsl.names().operator("global-table", materialized == null ? null : materialized.storeName());
        String store = materialized != null && materialized.storeName() != null ? materialized.storeName() : Names.store(name);
        Serde<K> ks = materialized != null && materialized.keySerde() != null ? materialized.keySerde() : consumed.keySerde();
        Serde<V> vs = materialized != null && materialized.valueSerde() != null ? materialized.valueSerde() : consumed.valueSerde();
        StoreBuilder<?> sb = StoreFactory.timestampedKeyValue(store, ks, vs, materialized, name);
        sb.withLoggingDisabled(); // the topic itself is the changelog
        itb.addGlobalStore(sb, new NodeDef.Source(source, List.of(topic),
                        require(consumed.keySerde(), "key", source).deserializer(),
                        require(consumed.valueSerde(), "value", source).deserializer(), consumed.timestampExtractor()),
                new NodeDef.Proc(name, new GlobalTableUpdate<K, V>(store), List.of(source)));
        return new GlobalKTableImpl<>(store);
    }

    /** Adds a store for use by {@code process}/{@code processValues} operators that name it. */
    public StreamsBuilder addStateStore(StoreBuilder<?> builder) {
        checkOpen();
        itb.addStateStore(builder);
        return this;
    }

    /** The topology built so far; the builder cannot be used afterwards. */
    public Topology build() {
        checkOpen();
        built = true;
        return new Topology(itb);
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("build() was already called on this builder");
        }
    }

    private static <T> Serde<T> require(Serde<T> serde, String what, String operator) {
        if (serde == null) {
            throw new TopologyException("source " + operator + " needs a " + what + " serde: use Consumed.with(keySerde, valueSerde)");
        }
        return serde;
    }
}
