package io.runnel.state.internal.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.state.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The buffering and key-order listing of restore chunks. */
class RestoreChunkTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** The chunk's records in key order as key -> value (null for a tombstone). */
    private static List<Map.Entry<Bytes, byte[]>> listed(RestoreChunk chunk) {
        List<Map.Entry<Bytes, byte[]>> out = new ArrayList<>();
        for (int r : chunk.keyOrder()) {
            byte[] value = null;
            if (!chunk.isTombstone(r)) {
                value = new byte[chunk.valueLength(r)];
                chunk.arena().get(chunk.valueOffset(r), value);
            }
            out.add(new java.util.AbstractMap.SimpleEntry<>(Bytes.wrap(chunk.key(r)), value));
        }
        return out;
    }

    @Test
    void shouldListKeysInUnsignedOrderWithShorterKeysBeforeTheirExtensions() {
        RestoreChunk chunk = new RestoreChunk(64, 1 << 16, 1000);
        byte[][] keys = {
            bytes(0x80), bytes(0x01), bytes(0x01, 0x00), bytes(), bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00),
            bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF), bytes(1, 2, 3, 4, 5, 6, 7, 8, 9), bytes(1, 2, 3, 4, 5, 6, 7, 8, 0x90),
            bytes(1, 2, 3, 4, 5, 6, 7, 8), bytes(0x7F),
        };
        for (byte[] k : keys) {
            assertThat(chunk.add(k, new byte[] {42})).isTrue();
        }

        List<Bytes> listed = listed(chunk).stream().map(Map.Entry::getKey).toList();

        List<Bytes> expected = Arrays.stream(keys).map(Bytes::wrap).sorted().toList();
        assertThat(listed).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldKeepOnlyTheLastRecordOfAKeyIncludingATombstone() {
        RestoreChunk chunk = new RestoreChunk(64, 1 << 16, 1000);
        chunk.add(bytes(1), bytes(10));
        chunk.add(bytes(2), bytes(20));
        chunk.add(bytes(1), bytes(11));
        chunk.add(bytes(2), null);
        chunk.add(bytes(3), null);
        chunk.add(bytes(3), bytes(30));

        List<Map.Entry<Bytes, byte[]>> listed = listed(chunk);

        assertThat(listed).hasSize(3);
        assertThat(listed.get(0).getValue()).containsExactly(11);
        assertThat(listed.get(1).getValue()).as("tombstone of key 2").isNull();
        assertThat(listed.get(2).getValue()).containsExactly(30);
    }

    @Test
    void shouldMatchAnOrderedMapOfTheLastWritesForRandomKeysWithSharedPrefixes() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            RestoreChunk chunk = new RestoreChunk(128, 1 << 20, 100_000);
            TreeMap<Bytes, byte[]> model = new TreeMap<>();
            int records = 1 + random.nextInt(3000);
            for (int i = 0; i < records; i++) {
                // a few keys with long shared prefixes, many repeats, some tombstones
                byte[] key = new byte[random.nextInt(14)];
                for (int j = 0; j < key.length; j++) {
                    key[j] = (byte) (j < 9 ? random.nextInt(2) * 0xF0 : random.nextInt(256));
                }
                byte[] value = random.nextInt(5) == 0 ? null : bytes(random.nextInt(256), i & 0xFF);
                assertThat(chunk.add(key, value)).isTrue();
                model.put(Bytes.wrap(key), value);
            }

            List<Map.Entry<Bytes, byte[]>> listed = listed(chunk);

            assertThat(listed).as("seed %d", seed).hasSize(model.size());
            int i = 0;
            for (Map.Entry<Bytes, byte[]> e : model.entrySet()) {
                assertThat(listed.get(i).getKey()).as("seed %d", seed).isEqualTo(e.getKey());
                assertThat(listed.get(i).getValue()).as("seed %d key %s", seed, e.getKey()).isEqualTo(e.getValue());
                i++;
            }
        }
    }

    @Test
    void shouldGrowUpToItsMaximumAndThenRefuseRecordsUntilCleared() {
        RestoreChunk chunk = new RestoreChunk(16, 100, 1000);
        byte[] value = new byte[20];
        int added = 0;
        while (chunk.add(bytes(added), value)) {
            added++;
        }
        assertThat(added).isEqualTo(100 / (RestoreChunk.HEADER_BYTES + 1 + 20));
        assertThat(chunk.add(bytes(0), new byte[200])).as("larger than a whole chunk").isFalse();

        chunk.clear();

        assertThat(chunk.isEmpty()).isTrue();
        assertThat(chunk.add(bytes(7), value)).isTrue();
        assertThat(listed(chunk)).hasSize(1);
    }

    @Test
    void shouldRefuseRecordsBeyondItsRecordLimit() {
        RestoreChunk chunk = new RestoreChunk(1024, 1024, 2);
        assertThat(chunk.add(bytes(1), bytes(1))).isTrue();
        assertThat(chunk.add(bytes(2), bytes(2))).isTrue();
        assertThat(chunk.add(bytes(3), bytes(3))).isFalse();
    }
}
