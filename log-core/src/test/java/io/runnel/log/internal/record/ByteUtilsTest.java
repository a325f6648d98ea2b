package io.runnel.log.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.log.CorruptRecordException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteUtilsTest {

    @Test
    void shouldEncodeVarintsWithZigZagLikeKafka() {
        assertThat(varint(0)).isEqualTo("00");
        assertThat(varint(-1)).isEqualTo("01");
        assertThat(varint(1)).isEqualTo("02");
        assertThat(varint(63)).isEqualTo("7e");
        assertThat(varint(-64)).isEqualTo("7f");
        assertThat(varint(64)).isEqualTo("8001");
        assertThat(varint(300)).isEqualTo("d804");
        assertThat(varint(Integer.MAX_VALUE)).isEqualTo("feffffff0f");
        assertThat(varint(Integer.MIN_VALUE)).isEqualTo("ffffffff0f");
    }

    @Test
    void shouldRoundTripRandomVarintsAndVarlongsWithMatchingSizes() {
        Random random = new Random(42);
        ByteBuffer buf = ByteBuffer.allocate(16);
        for (int i = 0; i < 10_000; i++) {
            int v = i < 5000 ? random.nextInt() : random.nextInt(1000) - 500;
            buf.clear();
            ByteUtils.writeVarint(v, buf);
            assertThat(buf.position()).isEqualTo(ByteUtils.sizeOfVarint(v));
            assertThat(ByteUtils.readVarint(buf.flip())).isEqualTo(v);
            long l = random.nextLong() >> random.nextInt(64);
            buf.clear();
            ByteUtils.writeVarlong(l, buf);
            assertThat(buf.position()).isEqualTo(ByteUtils.sizeOfVarlong(l));
            assertThat(ByteUtils.readVarlong(buf.flip())).isEqualTo(l);
        }
    }

    @Test
    void shouldRejectVarintLongerThanFiveBytes() {
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1});
        assertThatThrownBy(() -> ByteUtils.readVarint(buf)).isInstanceOf(CorruptRecordException.class);
    }

    private static String varint(int v) {
        ByteBuffer buf = ByteBuffer.allocate(5);
        ByteUtils.writeVarint(v, buf);
        byte[] out = new byte[buf.flip().remaining()];
        buf.get(out);
        return HexFormat.of().formatHex(out);
    }
}
