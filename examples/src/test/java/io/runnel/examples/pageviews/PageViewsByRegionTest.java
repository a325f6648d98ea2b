package io.runnel.examples.pageviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.examples.pageviews.PageViewsByRegion.PageView;
import io.runnel.state.KeyValue;
import io.runnel.streams.serde.JsonSerde;
import io.runnel.streams.testing.TestDriver;
import org.junit.jupiter.api.Test;

class PageViewsByRegionTest {

    @Test
    void shouldCountViewsPerRegionOfTheUserAtViewTimeAndSkipUnknownUsers() {
        try (TestDriver driver = new TestDriver(PageViewsByRegion.topology())) {
            var regions = driver.createInputTopic(PageViewsByRegion.USER_REGIONS, Serdes.string().serializer(),
                    Serdes.string().serializer());
            var views = driver.createInputTopic(PageViewsByRegion.PAGEVIEWS, Serdes.string().serializer(),
                    JsonSerde.of(PageView.class).serializer());
            var out = driver.createOutputTopic(PageViewsByRegion.OUTPUT, Serdes.string().deserializer(),
                    Serdes.longSerde().deserializer());
            regions.pipeInput("alice", "europe");
            views.pipeInput("alice", new PageView("alice", "/a"));
            views.pipeInput("bob", new PageView("bob", "/a"));
            regions.pipeInput("alice", "asia");
            views.pipeInput("alice", new PageView("alice", "/b"));
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("europe", 1L), KeyValue.pair("asia", 1L));
        }
    }

    @Test
    void shouldRunMain() {
        PageViewsByRegion.main(new String[0]);
    }
}
