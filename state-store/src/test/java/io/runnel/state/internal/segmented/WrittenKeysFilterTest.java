package io.runnel.state.internal.segmented;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.state.Bytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WrittenKeysFilterTest {

    private static byte[] storeKey(int k, long windowStart) {
        return WindowKeySchema.toStoreKey(Bytes.wrap(("key-" + k).getBytes(StandardCharsets.UTF_8)), windowStart, 0).get();
    }

    @Test
    void shouldNeverRuleOutAWrittenKeyAndRuleOutMostOthersAtASegmentsUsualSize() {
        WrittenKeysFilter filter = new WrittenKeysFilter();
        for (int k = 0; k < 60_000; k++) {
            filter.add(storeKey(k, 60_000));
        }
        for (int k = 0; k < 60_000; k++) {
            assertThat(filter.mightContain(storeKey(k, 60_000))).isTrue();
        }
        int falsePositives = 0;
        for (int k = 60_000; k < 160_000; k++) {
            if (filter.mightContain(storeKey(k, 60_000))) {
                falsePositives++;
            }
        }
        // the same key in another window is another key
        for (int k = 0; k < 10_000; k++) {
            if (filter.mightContain(storeKey(k, 120_000))) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).as("false positives of 110,000 absent keys").isLessThan(2_000);
    }
}
