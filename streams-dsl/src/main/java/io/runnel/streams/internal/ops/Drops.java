package io.runnel.streams.internal.ops;

import io.runnel.streams.internal.runtime.NodeContext;
import io.runnel.streams.processor.ProcessorContext;

/** Counts dropped records in the task metrics (late records, null keys). */
final class Drops {

    private Drops() {
    }

    static void record(ProcessorContext<?, ?> context) {
        if (context instanceof NodeContext nc) {
            nc.recordDropped();
        }
    }
}
