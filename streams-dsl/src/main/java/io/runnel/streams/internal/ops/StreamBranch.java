package io.runnel.streams.internal.ops;

import io.runnel.streams.dsl.Predicate;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;
import java.util.List;

/**
 * Sends each record to the child of the first matching predicate; unmatched records go to the
 * default child if there is one. Predicates and child names are filled in while the DSL builds
 * the branches (the lists are shared with the builder and read only after building).
 */
public record StreamBranch<K, V>(List<Predicate<? super K, ? super V>> predicates, List<String> childNames,
                                 String[] defaultChild) implements ProcessorSupplier<K, V, K, V> {

    @Override
    public Processor<K, V, K, V> get() {
        return new Processor<>() {
            private ProcessorContext<K, V> context;

            @Override
            public void init(ProcessorContext<K, V> context) {
                this.context = context;
            }

            @Override
            public void process(Record<K, V> record) {
                for (int i = 0; i < predicates.size(); i++) {
                    if (predicates.get(i).test(record.key(), record.value())) {
                        context.forward(record, childNames.get(i));
                        return;
                    }
                }
                if (defaultChild[0] != null) {
                    context.forward(record, defaultChild[0]);
                }
            }
        };
    }
}
