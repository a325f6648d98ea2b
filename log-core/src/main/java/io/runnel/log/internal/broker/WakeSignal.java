package io.runnel.log.internal.broker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A latch that one waiting thread parks on until someone {@link #signal}s it, used for long polls
 * (a consumer waiting for data is signalled by the partition's new-data callback), for
 * {@code wakeup()}, for rebalances and for the producer's sender thread. A signal given while
 * nobody waits is remembered, so a wake-up between a check and the wait is never lost.
 *
 * <p>{@link #signal} is cheap and never blocks for long: it may run on a log's append path.
 * Thread-safe.
 */
public final class WakeSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private volatile boolean set;

    /** Wakes the waiter, or makes its next {@link #await} return at once. */
    public void signal() {
        if (set) {
            return;
        }
        lock.lock();
        try {
            set = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until signalled or {@code timeoutNanos} pass; clears the signal.
     *
     * @return whether it was signalled
     */
    public boolean await(long timeoutNanos) {
        if (set) {
            set = false;
            return true;
        }
        lock.lock();
        try {
            long left = timeoutNanos;
            while (!set && left > 0) {
                left = signalled.awaitNanos(left);
            }
            boolean was = set;
            set = false;
            return was;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return set;
        } finally {
            lock.unlock();
        }
    }

    /** Clears a pending signal without waiting. */
    public void clear() {
        set = false;
    }

    /** Waits at most the given time. */
    public boolean await(long timeout, TimeUnit unit) {
        return await(unit.toNanos(timeout));
    }
}
