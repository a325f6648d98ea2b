package io.runnel.streams.internal.topology;

import io.runnel.common.Deserializer;
import io.runnel.common.Serializer;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.StreamPartitioner;
import io.runnel.streams.processor.TimestampExtractor;
import io.runnel.streams.processor.TopicNameExtractor;
import java.util.List;
import java.util.Objects;

/** The definition of one topology node, as added to {@link InternalTopologyBuilder}. */
public sealed interface NodeDef {

    String name();

    List<String> parents();

    /** Reads topics and deserializes keys and values. */
    record Source(String name, List<String> topics, Deserializer<?> keyDeserializer,
                  Deserializer<?> valueDeserializer, TimestampExtractor timestampExtractor) implements NodeDef {
        public Source {
            Objects.requireNonNull(name, "name");
            topics = List.copyOf(topics);
            Objects.requireNonNull(timestampExtractor, "timestampExtractor");
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("source " + name + " needs at least one topic");
            }
        }

        @Override
        public List<String> parents() {
            return List.of();
        }
    }

    /** Runs a processor made by the supplier. */
    record Proc(String name, ProcessorSupplier<?, ?, ?, ?> supplier, List<String> parents) implements NodeDef {
        public Proc {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(supplier, "supplier");
            parents = List.copyOf(parents);
        }
    }

    /** Serializes and writes records to a fixed topic or one chosen per record. */
    record Sink(String name, String topic, TopicNameExtractor<?, ?> extractor, Serializer<?> keySerializer,
                Serializer<?> valueSerializer, StreamPartitioner<?, ?> partitioner, List<String> parents) implements NodeDef {
        public Sink {
            Objects.requireNonNull(name, "name");
            if ((topic == null) == (extractor == null)) {
                throw new IllegalArgumentException("sink " + name + " needs exactly one of topic and extractor");
            }
            parents = List.copyOf(parents);
        }
    }

}
