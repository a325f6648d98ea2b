package io.runnel.streams.processor;

import io.runnel.state.StoreBuilder;
import java.util.Set;

/** Makes a new {@link FixedKeyProcessor} for each task; {@link #get()} returns a new instance each call. */
@FunctionalInterface
public interface FixedKeyProcessorSupplier<KIn, VIn, VOut> {

    FixedKeyProcessor<KIn, VIn, VOut> get();

    default Set<StoreBuilder<?>> stores() {
        return Set.of();
    }
}
