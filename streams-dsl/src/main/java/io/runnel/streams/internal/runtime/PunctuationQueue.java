package io.runnel.streams.internal.runtime;

import io.runnel.streams.processor.Cancellable;
import io.runnel.streams.processor.Punctuator;
import java.util.ArrayList;
import java.util.List;

/**
 * The punctuations of one task for one clock. A schedule fires when the clock reaches its next
 * time, with the clock's current value; missed intervals are skipped (it fires once, not once
 * per missed interval), as in Kafka Streams. Runs on the task's thread only.
 */
final class PunctuationQueue {
    private final List<Schedule> schedules = new ArrayList<>();

    private static final class Schedule implements Cancellable {
        final long interval;
        final Punctuator punctuator;
        long next;
        boolean cancelled;

        Schedule(long first, long interval, Punctuator punctuator) {
            this.next = first;
            this.interval = interval;
            this.punctuator = punctuator;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    Cancellable schedule(long first, long interval, Punctuator punctuator) {
        Schedule s = new Schedule(first, interval, punctuator);
        schedules.add(s);
        return s;
    }

    /** Fires every due schedule; returns whether any fired. */
    boolean mayPunctuate(long now, Runnable beforeEach) {
        if (schedules.isEmpty()) {
            return false;
        }
        boolean fired = false;
        for (Schedule s : new ArrayList<>(schedules)) {
            if (s.cancelled) {
                schedules.remove(s);
                continue;
            }
            if (now >= s.next) {
                long missed = (now - s.next) / s.interval;
                s.next = s.next + (missed + 1) * s.interval;
                beforeEach.run();
                s.punctuator.punctuate(now);
                fired = true;
            }
        }
        return fired;
    }
}
