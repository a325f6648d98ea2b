package io.runnel.log.internal.client;

import io.runnel.log.internal.broker.WakeSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A producer's sender thread: takes closed batches in the order they were closed (so each
 * partition gets its batches in sequence order), closes open batches once they have lingered
 * {@code linger.ms}, and appends them to their partitions; the records' futures complete when
 * the partition acknowledges. Also bounds the bytes of batches awaiting acknowledgement
 * ({@code buffer.memory}): {@link #awaitMemory} blocks the producing thread while over it.
 *
 * <p>Threading: {@link #enqueue}, {@link #wake}, {@link #flush} from any thread; the loop runs on
 * its own thread, started by {@link #start}.
 */
final class Sender implements Runnable {
    private final ConcurrentLinkedQueue<ProducerBatch> closed = new ConcurrentLinkedQueue<>();
    private final CopyOnWriteArrayList<PartitionBatcher> batchers = new CopyOnWriteArrayList<>();
    private final Set<ProducerBatch> incomplete = ConcurrentHashMap.newKeySet();
    private final WakeSignal signal = new WakeSignal();
    private final long lingerNanos;
    private final long bufferMemory;
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final ReentrantLock memoryLock = new ReentrantLock();
    private final Condition memoryFreed = memoryLock.newCondition();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean forceClose;

    Sender(String clientId, long lingerMs, long bufferMemory) {
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMs);
        this.bufferMemory = bufferMemory;
        this.thread = new Thread(this, "runnel-producer-sender-" + clientId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void register(PartitionBatcher batcher) {
        batchers.add(batcher);
    }

    /** A closed batch to send; callers hold the batcher's monitor, which orders a partition's batches. */
    void enqueue(ProducerBatch batch) {
        incomplete.add(batch);
        inFlightBytes.addAndGet(batch.sizeInBytes());
        closed.add(batch);
        signal.signal();
    }

    void wake() {
        signal.signal();
    }

    /** Blocks the caller while more than buffer.memory bytes await acknowledgement. */
    void awaitMemory() {
        if (inFlightBytes.get() <= bufferMemory) {
            return;
        }
        memoryLock.lock();
        try {
            while (inFlightBytes.get() > bufferMemory && running) {
                memoryFreed.await(10, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            memoryLock.unlock();
        }
    }

    /** Sends every open batch now and waits until everything sent so far is acknowledged or failed. */
    void flush(long timeoutNanos) {
        for (PartitionBatcher b : batchers) {
            synchronized (b) { // closing and enqueueing under one monitor keeps a partition's order
                ProducerBatch batch = b.closeIfReady(0, 0, true);
                if (batch != null) {
                    enqueue(batch);
                }
            }
        }
        List<ProducerBatch> waitFor = new ArrayList<>(incomplete);
        long deadline = System.nanoTime() + timeoutNanos;
        for (ProducerBatch batch : waitFor) {
            try {
                batch.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return;
            }
        }
    }

    /** Flushes, stops the thread and waits for it. */
    void shutdown(long timeoutNanos) {
        forceClose = true;
        flush(timeoutNanos);
        running = false;
        signal.signal();
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        while (running || !closed.isEmpty()) {
            long now = System.nanoTime();
            long nextReady = Long.MAX_VALUE;
            for (PartitionBatcher b : batchers) {
                ProducerBatch ready;
                synchronized (b) {
                    ready = b.closeIfReady(now, lingerNanos, forceClose);
                    if (ready != null) {
                        enqueue(ready);
                    }
                }
                if (ready == null) {
                    nextReady = Math.min(nextReady, b.readyAtNanos(lingerNanos));
                }
            }
            ProducerBatch batch;
            boolean sent = false;
            while ((batch = closed.poll()) != null) {
                send(batch);
                sent = true;
            }
            if (!sent && running) {
                long wait = nextReady == Long.MAX_VALUE ? TimeUnit.MILLISECONDS.toNanos(100) : nextReady - System.nanoTime();
                if (wait > 0) {
                    signal.await(wait);
                }
            }
        }
    }

    private void send(ProducerBatch batch) {
        try {
            batch.partition.append(batch.bytes).whenComplete((appended, error) -> {
                if (error != null) {
                    batch.fail(error);
                } else {
                    batch.complete(appended);
                }
                released(batch);
            });
        } catch (RuntimeException e) {
            batch.fail(e);
            released(batch);
        }
    }

    private void released(ProducerBatch batch) {
        incomplete.remove(batch);
        long left = inFlightBytes.addAndGet(-batch.sizeInBytes());
        if (left <= bufferMemory && memoryLock.tryLock()) {
            try {
                memoryFreed.signalAll();
            } finally {
                memoryLock.unlock();
            }
        }
    }
}
