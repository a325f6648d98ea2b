package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CacheNodeTableTest {

    private static Bytes key(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldFindEveryLiveKeyAndNoRemovedOneThroughGrowthShrinkAndBackwardShiftDeletes() {
        long seed = Long.getLong("runnel.seed", System.nanoTime());
        System.out.println("CacheNodeTableTest seed=" + seed);
        Random random = new Random(seed);
        CacheNodeTable table = new CacheNodeTable();
        Map<Bytes, CacheNode> model = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            // phases of growth and shrinking, keys of consecutive numbers (similar hashes)
            boolean growing = (op / 50_000) % 2 == 0;
            Bytes k = key("w" + random.nextInt(20_000));
            CacheNode present = model.get(k);
            if (present == null && (growing || random.nextInt(4) == 0)) {
                CacheNode n = new CacheNode(k, new byte[1], op);
                table.add(n);
                model.put(k, n);
            } else if (present != null && (!growing || random.nextInt(4) == 0)) {
                table.remove(present);
                model.remove(k);
            }
            assertThat(table.get(k)).as("seed %s op %s", seed, op).isSameAs(model.get(k));
            assertThat(table.size()).isEqualTo(model.size());
            if (op % 10_000 == 0) {
                for (Map.Entry<Bytes, CacheNode> e : model.entrySet()) {
                    assertThat(table.get(key(new String(e.getKey().get(), StandardCharsets.UTF_8)))).isSameAs(e.getValue());
                }
            }
        }
    }
}
