package io.runnel.log.internal.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WakeSignalTest {

    @Test
    void shouldRememberASignalGivenBeforeTheWait() {
        WakeSignal signal = new WakeSignal();
        signal.signal();
        assertThat(signal.await(TimeUnit.MINUTES.toNanos(5))).isTrue();
        assertThat(signal.await(1)).isFalse(); // consumed
    }

    @Test
    void shouldWakeAWaiterOnAnotherThread() throws Exception {
        WakeSignal signal = new WakeSignal();
        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> signal.await(TimeUnit.MINUTES.toNanos(5)));
        signal.signal();
        assertThat(woken.get(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldWakeEveryWaiterRegisteredWithAPartition() {
        LogPartition.Waiters waiters = new LogPartition.Waiters();
        WakeSignal a = new WakeSignal();
        WakeSignal b = new WakeSignal();
        waiters.add(a);
        waiters.add(b);
        waiters.add(a);
        waiters.remove(b);
        waiters.wakeAll();
        assertThat(a.await(TimeUnit.MINUTES.toNanos(5))).isTrue();
        assertThat(b.await(1)).isFalse();
    }
}
