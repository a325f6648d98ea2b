package io.runnel.log.internal.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Group commit for {@code FlushPolicy.ALWAYS}: appends written to the page cache wait here; one
 * thread takes every append waiting at that moment, fsyncs once up to the last of them and then
 * completes all their futures. While it fsyncs, new appends queue up for the next round, so the
 * number of fsyncs per second stays bounded by the disk's fsync latency while throughput grows
 * with the number of concurrent appenders.
 *
 * <p>Threading: {@link #enqueue} from appenders (under the partition's append lock, so ends
 * arrive in offset order); one daemon thread runs the rounds; futures complete on that thread.
 * {@link #close()} runs a last round for whatever is queued, then stops the thread.
 */
final class GroupCommitFlusher implements AutoCloseable {

    /** What a round does: fsync up to {@code end}, then publish it as acknowledged. */
    interface Target {
        void flushAndAcknowledge(LogPosition end);

        void failed(Throwable cause);
    }

    private record Pending(LogPosition end, CompletableFuture<PartitionLog.AppendResult> future,
                           PartitionLog.AppendResult result) {
    }

    private final Target target;
    private final Thread thread;
    private List<Pending> queue = new ArrayList<>();
    private List<Pending> spare = new ArrayList<>();
    private boolean closed;

    GroupCommitFlusher(String name, Target target) {
        this.target = target;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues an append that is acknowledged once bytes up to {@code end} are fsynced. */
    synchronized void enqueue(LogPosition end, CompletableFuture<PartitionLog.AppendResult> future,
                              PartitionLog.AppendResult result) {
        if (closed) {
            throw new IllegalStateException("flusher closed");
        }
        queue.add(new Pending(end, future, result));
        notifyAll();
    }

    private void run() {
        while (true) {
            List<Pending> round;
            synchronized (this) {
                while (queue.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                round = queue;
                queue = spare;
                spare = round;
            }
            commit(round);
            round.clear();
        }
    }

    private void commit(List<Pending> round) {
        LogPosition end = round.get(round.size() - 1).end();
        try {
            target.flushAndAcknowledge(end);
        } catch (Throwable t) {
            target.failed(t);
            for (Pending p : round) {
                p.future().completeExceptionally(t);
            }
            return;
        }
        for (Pending p : round) {
            p.future().complete(p.result());
        }
    }

    /** Acknowledges what is queued, then stops the thread. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: how many appends wait. */
    synchronized int waiting() {
        return queue.size();
    }
}
