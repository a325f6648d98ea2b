package io.runnel.examples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.state.KeyValue;
import io.runnel.streams.testing.TestDriver;
import org.junit.jupiter.api.Test;

class WordCountTest {

    @Test
    void shouldEmitARunningCountPerWordAcrossLines() {
        try (TestDriver driver = new TestDriver(WordCount.topology())) {
            var lines = driver.createInputTopic(WordCount.INPUT, Serdes.string().serializer(), Serdes.string().serializer());
            var counts = driver.createOutputTopic(WordCount.OUTPUT, Serdes.string().deserializer(),
                    Serdes.longSerde().deserializer());
            lines.pipeInput("Hello Kafka");
            lines.pipeInput("hello, runnel!");
            assertThat(counts.readKeyValuesToList()).containsExactly(KeyValue.pair("hello", 1L), KeyValue.pair("kafka", 1L),
                    KeyValue.pair("hello", 2L), KeyValue.pair("runnel", 1L));
            assertThat(driver.<String, Long>getKeyValueStore("word-counts").get("hello")).isEqualTo(2L);
        }
    }

    @Test
    void shouldRunMain() {
        WordCount.main(new String[0]);
    }
}
