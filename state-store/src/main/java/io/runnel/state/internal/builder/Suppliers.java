package io.runnel.state.internal.builder;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValueBytesStoreSupplier;
import io.runnel.state.KeyValueStore;
import io.runnel.state.SessionBytesStoreSupplier;
import io.runnel.state.SessionStore;
import io.runnel.state.WindowBytesStoreSupplier;
import io.runnel.state.WindowStore;
import io.runnel.state.internal.memory.InMemoryKeyValueStore;
import io.runnel.state.internal.rocksdb.RocksDBStore;
import io.runnel.state.internal.segmented.SegmentedSessionStore;
import io.runnel.state.internal.segmented.SegmentedWindowStore;
import io.runnel.state.internal.segmented.Segments;
import java.util.Objects;

/** The byte-store suppliers behind {@link io.runnel.state.Stores}. */
public final class Suppliers {

    private Suppliers() {
    }

    public record KeyValue(String name, boolean persistent) implements KeyValueBytesStoreSupplier {
        public KeyValue {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public KeyValueStore<Bytes, byte[]> get() {
            return persistent ? new RocksDBStore(name, "rocksdb") : new InMemoryKeyValueStore(name);
        }

        @Override
        public String metricsScope() {
            return persistent ? "rocksdb" : "in-memory";
        }
    }

    public record Window(String name, long retentionPeriod, long windowSize, boolean retainDuplicates,
                         long segmentIntervalMs, boolean persistent) implements WindowBytesStoreSupplier {
        public Window {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public WindowStore<Bytes, byte[]> get() {
            return new SegmentedWindowStore(name, windowSize, retainDuplicates,
                    new Segments(name, retentionPeriod, segmentIntervalMs, persistent));
        }

        @Override
        public String metricsScope() {
            return persistent ? "rocksdb-window" : "in-memory-window";
        }
    }

    public record Session(String name, long retentionPeriod, long segmentIntervalMs, boolean persistent)
            implements SessionBytesStoreSupplier {
        public Session {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public SessionStore<Bytes, byte[]> get() {
            return new SegmentedSessionStore(name, new Segments(name, retentionPeriod, segmentIntervalMs, persistent));
        }

        @Override
        public String metricsScope() {
            return persistent ? "rocksdb-session" : "in-memory-session";
        }
    }
}
