package io.runnel.state.internal.wrap;

import io.runnel.common.Time;
import io.runnel.common.metrics.MetricsRegistry;
import io.runnel.state.ChangelogWriter;
import io.runnel.state.RocksDBResources;
import io.runnel.state.StateRestoreCallback;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.ThreadCache;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A context that hands inner layers the runtime's context, with the restore callback decorated (metrics). */
final class DelegatingContext implements StateStoreContext {
    private final StateStoreContext delegate;
    private final UnaryOperator<StateRestoreCallback> decorate;

    DelegatingContext(StateStoreContext delegate, UnaryOperator<StateRestoreCallback> decorate) {
        this.delegate = delegate;
        this.decorate = decorate;
    }

    @Override
    public String applicationId() {
        return delegate.applicationId();
    }

    @Override
    public String taskId() {
        return delegate.taskId();
    }

    @Override
    public int partition() {
        return delegate.partition();
    }

    @Override
    public Path stateDir() {
        return delegate.stateDir();
    }

    @Override
    public Time time() {
        return delegate.time();
    }

    @Override
    public MetricsRegistry metrics() {
        return delegate.metrics();
    }

    @Override
    public RocksDBResources rocksDBResources() {
        return delegate.rocksDBResources();
    }

    @Override
    public ThreadCache cache() {
        return delegate.cache();
    }

    @Override
    public ChangelogWriter changelogWriter(String storeName) {
        return delegate.changelogWriter(storeName);
    }

    @Override
    public long recordTimestamp() {
        return delegate.recordTimestamp();
    }

    @Override
    public void register(StateStore store, StateRestoreCallback restoreCallback) {
        delegate.register(store, decorate.apply(restoreCallback));
    }
}
