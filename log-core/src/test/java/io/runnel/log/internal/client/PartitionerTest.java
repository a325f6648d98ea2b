package io.runnel.log.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionerTest {

    /** Reference values from Kafka's own UtilsTest.testMurmur2. */
    @Test
    void shouldHashLikeKafkaMurmur2() {
        assertThat(Partitioner.murmur2(bytes("21"))).isEqualTo(-973932308);
        assertThat(Partitioner.murmur2(bytes("foobar"))).isEqualTo(-790332482);
        assertThat(Partitioner.murmur2(bytes("a-little-bit-long-string"))).isEqualTo(-985981536);
        assertThat(Partitioner.murmur2(bytes("a-little-bit-longer-string"))).isEqualTo(-1486304829);
        assertThat(Partitioner.murmur2(bytes("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"))).isEqualTo(-58897971);
        assertThat(Partitioner.murmur2(new byte[] {'a', 'b', 'c'})).isEqualTo(479470107);
    }

    @Test
    void shouldMatchAHandComputedMurmur2ForEveryTailLength() {
        for (String s : new String[] {"", "k", "ke", "key", "key1", "key12", "key123", "key1234", "ümlaut-ß"}) {
            assertThat(Partitioner.murmur2(bytes(s))).as(s).isEqualTo(ReferenceMurmur2.hash(bytes(s)));
        }
    }

    @Test
    void shouldChoosePartitionWithToPositiveNotAbs() {
        byte[] key = bytes("foobar"); // murmur2 is negative
        int expected = (-790332482 & 0x7fffffff) % 7;
        assertThat(Partitioner.keyedPartition(key, 7)).isEqualTo(expected);
        assertThat(new Partitioner().partition("t", key, 7)).isEqualTo(expected);
    }

    @Test
    void shouldStickToOnePartitionForNullKeysUntilANewBatch() {
        Partitioner partitioner = new Partitioner();
        int first = partitioner.partition("t", null, 4);
        for (int i = 0; i < 100; i++) {
            assertThat(partitioner.partition("t", null, 4)).isEqualTo(first);
        }
        Set<Integer> seen = new HashSet<>();
        int current = first;
        for (int i = 0; i < 200; i++) {
            partitioner.onNewBatch("t", current, 4);
            int next = partitioner.partition("t", null, 4);
            assertThat(next).isNotEqualTo(current);
            seen.add(next);
            current = next;
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** MurmurHash2 written from the published algorithm, independently of the production code. */
    static final class ReferenceMurmur2 {
        static int hash(byte[] data) {
            long m = 0x5bd1e995L;
            long h = (0x9747b28cL ^ data.length) & 0xffffffffL;
            int i = 0;
            for (; i + 4 <= data.length; i += 4) {
                long k = (data[i] & 0xffL) | (data[i + 1] & 0xffL) << 8 | (data[i + 2] & 0xffL) << 16
                        | (data[i + 3] & 0xffL) << 24;
                k = (k * m) & 0xffffffffL;
                k ^= k >>> 24;
                k = (k * m) & 0xffffffffL;
                h = (h * m) & 0xffffffffL;
                h ^= k;
            }
            int rest = data.length - i;
            if (rest >= 3) {
                h ^= (data[i + 2] & 0xffL) << 16;
            }
            if (rest >= 2) {
                h ^= (data[i + 1] & 0xffL) << 8;
            }
            if (rest >= 1) {
                h ^= data[i] & 0xffL;
                h = (h * m) & 0xffffffffL;
            }
            h ^= h >>> 13;
            h = (h * m) & 0xffffffffL;
            h ^= h >>> 15;
            return (int) h;
        }
    }
}
