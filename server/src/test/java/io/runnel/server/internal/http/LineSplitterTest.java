package io.runnel.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    @Test
    void shouldJoinLinesSplitAcrossPiecesAndDropBlankOnes() {
        LineSplitter splitter = new LineSplitter(1024);

        assertThat(text(splitter.feed(Unpooled.copiedBuffer("{\"a\":1}\r\n{\"b\"", StandardCharsets.UTF_8))))
                .containsExactly("{\"a\":1}");
        assertThat(text(splitter.feed(Unpooled.copiedBuffer(":2}\n \t\n\n", StandardCharsets.UTF_8))))
                .containsExactly("{\"b\":2}");
        assertThat(splitter.feed(Unpooled.copiedBuffer("{\"c\":3}", StandardCharsets.UTF_8))).isEmpty();
        assertThat(text(splitter.finish())).containsExactly("{\"c\":3}");
    }

    @Test
    void shouldKeepMultiByteCharactersSplitAcrossPieces() {
        LineSplitter splitter = new LineSplitter(1024);
        byte[] euro = "{\"s\":\"\u20ac\"}\n".getBytes(StandardCharsets.UTF_8);
        int cut = 7; // inside the euro sign's three bytes

        assertThat(splitter.feed(Unpooled.wrappedBuffer(euro, 0, cut))).isEmpty();
        assertThat(text(splitter.feed(Unpooled.wrappedBuffer(euro, cut, euro.length - cut))))
                .containsExactly("{\"s\":\"\u20ac\"}");
    }

    @Test
    void shouldAcceptALineOfExactlyTheLimitAcrossPieces() {
        LineSplitter splitter = new LineSplitter(4);

        assertThat(splitter.feed(Unpooled.copiedBuffer("12", StandardCharsets.UTF_8))).isEmpty();
        assertThat(text(splitter.feed(Unpooled.copiedBuffer("34\n5", StandardCharsets.UTF_8)))).containsExactly("1234");
        assertThat(text(splitter.finish())).containsExactly("5");
    }

    private static List<String> text(List<byte[]> lines) {
        return lines.stream().map(l -> new String(l, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void shouldRefuseLinesOverTheLimit() {
        LineSplitter splitter = new LineSplitter(4);

        assertThatThrownBy(() -> splitter.feed(Unpooled.copiedBuffer("12345", StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
