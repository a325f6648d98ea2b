package io.runnel.log.internal.cleaner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OffsetMapTest {

    @Test
    void shouldReturnTheLatestOffsetPerKey() {
        OffsetMap map = new OffsetMap(1000);
        for (int i = 0; i < 500; i++) {
            map.put(key("k" + (i % 100)), i);
        }
        for (int k = 0; k < 100; k++) {
            assertThat(map.get(key("k" + k))).isEqualTo(400 + k);
        }
        assertThat(map.get(key("absent"))).isEqualTo(-1);
        assertThat(map.size()).isEqualTo(100);
        assertThat(map.lastOffset()).isEqualTo(499);
    }

    @Test
    void shouldDistinguishKeysOfEveryLengthAndReportFullAtNinetyPercent() {
        OffsetMap map = new OffsetMap(64);
        int i = 0;
        while (!map.isFull()) {
            map.put(ByteBuffer.wrap(new byte[i]), i);
            i++;
        }
        assertThat(i).isEqualTo((int) (map.capacity() * 0.9));
        for (int j = 0; j < i; j++) {
            assertThat(map.get(ByteBuffer.wrap(new byte[j]))).isEqualTo(j);
        }
        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.get(ByteBuffer.wrap(new byte[3]))).isEqualTo(-1);
    }

    private static ByteBuffer key(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
