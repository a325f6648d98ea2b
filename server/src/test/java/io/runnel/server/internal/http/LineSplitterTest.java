package io.runnel.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    @Test
    void shouldJoinLinesSplitAcrossPiecesAndDropBlankOnes() {
        LineSplitter splitter = new LineSplitter(1024);

        assertThat(splitter.feed(Unpooled.copiedBuffer("{\"a\":1}\r\n{\"b\"", StandardCharsets.UTF_8)))
                .containsExactly("{\"a\":1}");
        assertThat(splitter.feed(Unpooled.copiedBuffer(":2}\n\n", StandardCharsets.UTF_8))).containsExactly("{\"b\":2}");
        assertThat(splitter.feed(Unpooled.copiedBuffer("{\"c\":3}", StandardCharsets.UTF_8))).isEmpty();
        assertThat(splitter.finish()).containsExactly("{\"c\":3}");
    }

    @Test
    void shouldRefuseLinesOverTheLimit() {
        LineSplitter splitter = new LineSplitter(4);

        assertThatThrownBy(() -> splitter.feed(Unpooled.copiedBuffer("12345", StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
