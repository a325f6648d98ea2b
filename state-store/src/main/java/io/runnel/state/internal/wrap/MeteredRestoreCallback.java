package io.runnel.state.internal.wrap;

import io.runnel.common.Time;
import io.runnel.state.KeyValue;
import io.runnel.state.StateRestoreCallback;
import java.util.List;

/** Times each restored batch and counts restored records, passing restore start and end through. */
final class MeteredRestoreCallback implements StateRestoreCallback {
    private final StateRestoreCallback inner;
    private final Time time;
    private final StoreMetrics metrics;

    MeteredRestoreCallback(StateRestoreCallback inner, Time time, StoreMetrics metrics) {
        this.inner = inner;
        this.time = time;
        this.metrics = metrics;
    }

    @Override
    public void restoreBatch(List<KeyValue<byte[], byte[]>> records) {
        long start = time.nanoseconds();
        inner.restoreBatch(records);
        metrics.restore.record(time.nanoseconds() - start);
        metrics.restoredRecords.add(records.size());
    }

    @Override
    public void onRestoreStart() {
        inner.onRestoreStart();
    }

    @Override
    public void onRestoreEnd() {
        inner.onRestoreEnd();
    }
}
