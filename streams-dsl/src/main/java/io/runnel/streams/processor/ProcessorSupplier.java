package io.runnel.streams.processor;

import io.runnel.state.StoreBuilder;
import java.util.Set;

/**
 * Makes a new {@link Processor} for each task. {@link #get()} must return a new instance on every
 * call. A supplier may name the stores its processors use ({@link #stores()}); they are added to
 * the topology and connected to the processor automatically.
 */
@FunctionalInterface
public interface ProcessorSupplier<KIn, VIn, KOut, VOut> {

    Processor<KIn, VIn, KOut, VOut> get();

    default Set<StoreBuilder<?>> stores() {
        return Set.of();
    }
}
