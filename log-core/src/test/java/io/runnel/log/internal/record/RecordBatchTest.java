package io.runnel.log.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Header;
import io.runnel.log.CompressionType;
import io.runnel.log.CorruptRecordException;
import io.runnel.log.TimestampType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordBatchTest {

    @Test
    void shouldEncodeTinyBatchByteForByteAsWorkedOutByHand() {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.NONE, 1024);
        builder.append(1000L, bytes("k"), bytes("v"), List.of());
        ByteBuffer batch = builder.build();

        // Worked out by hand from the RecordBatch v2 spec; CRC32C computed by a separate bitwise
        // implementation (polynomial 0x82F63B78) over bytes 21..69.
        String expected = ""
                + "0000000000000000"   // baseOffset 0
                + "0000003a"           // batchLength 58 = 70 - 12
                + "ffffffff"           // partitionLeaderEpoch -1
                + "02"                 // magic
                + "716a6189"           // crc
                + "0000"               // attributes: no compression, create time
                + "00000000"           // lastOffsetDelta 0
                + "00000000000003e8"   // baseTimestamp 1000
                + "00000000000003e8"   // maxTimestamp 1000
                + "ffffffffffffffff"   // producerId -1
                + "ffff"               // producerEpoch -1
                + "ffffffff"           // baseSequence -1
                + "00000001"           // recordCount 1
                + "10"                 // record length 8 (zig-zag 16)
                + "00"                 // record attributes
                + "00"                 // timestampDelta 0
                + "00"                 // offsetDelta 0
                + "02" + "6b"          // key length 1, 'k'
                + "02" + "76"          // value length 1, 'v'
                + "00";                // no headers
        assertThat(hex(batch)).isEqualTo(expected);
        assertThat(new RecordBatchView(batch).isValid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void shouldRoundTripRecordsWithEveryCompression(CompressionType compression) {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(compression, 1 << 20);
        builder.producer(7L, (short) 3, 100);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String v = "value-" + i + "-" + "x".repeat(i % 17);
            values.add(v);
            builder.append(5_000L + i, bytes("key-" + (i % 10)), bytes(v), List.of());
        }
        ByteBuffer batch = builder.build();
        RecordBatchView view = new RecordBatchView(batch);
        view.ensureValid();
        assertThat(view.compressionType()).isEqualTo(compression);
        assertThat(view.recordCount()).isEqualTo(200);
        assertThat(view.lastOffsetDelta()).isEqualTo(199);
        assertThat(view.baseTimestamp()).isEqualTo(5_000L);
        assertThat(view.maxTimestamp()).isEqualTo(5_199L);
        assertThat(view.producerId()).isEqualTo(7L);
        assertThat(view.producerEpoch()).isEqualTo((short) 3);
        assertThat(view.baseSequence()).isEqualTo(100);
        assertThat(view.lastSequence()).isEqualTo(299);
        int i = 0;
        for (Record r : view) {
            assertThat(r.offset()).isEqualTo(i);
            assertThat(r.timestamp()).isEqualTo(5_000L + i);
            assertThat(string(r.keyBytes())).isEqualTo("key-" + (i % 10));
            assertThat(string(r.valueBytes())).isEqualTo(values.get(i));
            i++;
        }
        assertThat(i).isEqualTo(200);
        if (compression != CompressionType.NONE) {
            assertThat(batch.remaining()).isLessThan(builder.estimatedSizeInBytes());
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void shouldRoundTripNullKeysTombstonesAndHeaders(CompressionType compression) {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(compression, 1 << 20);
        builder.append(1L, null, bytes("no-key"), null);
        builder.append(2L, bytes("deleted"), null, List.of());
        builder.append(3L, bytes("h"), bytes("v"), List.of(new Header("trace", bytes("abc")),
                new Header("nüll", null), new Header("empty", new byte[0])));
        List<Record> records = new ArrayList<>();
        new RecordBatchView(builder.build()).forEach(records::add);

        assertThat(records).hasSize(3);
        assertThat(records.get(0).hasKey()).isFalse();
        assertThat(string(records.get(0).valueBytes())).isEqualTo("no-key");
        assertThat(records.get(1).isTombstone()).isTrue();
        assertThat(string(records.get(1).keyBytes())).isEqualTo("deleted");
        assertThat(records.get(2).headers()).containsExactly(new Header("trace", bytes("abc")),
                new Header("nüll", null), new Header("empty", new byte[0]));
    }

    @Test
    void shouldDetectEveryFlippedBitCoveredByTheCrc() {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.NONE, 1024);
        builder.append(1L, bytes("key"), bytes("value"), List.of(new Header("h", bytes("x"))));
        ByteBuffer batch = builder.build();
        for (int pos = RecordBatchView.MAGIC_OFFSET; pos < batch.limit(); pos++) {
            for (int bit = 0; bit < 8; bit++) {
                ByteBuffer copy = copy(batch);
                copy.put(pos, (byte) (copy.get(pos) ^ (1 << bit)));
                RecordBatchView view = new RecordBatchView(copy);
                assertThat(view.isValid()).as("flip of bit %d at byte %d", bit, pos).isFalse();
                assertThatThrownBy(view::ensureValid).isInstanceOf(CorruptRecordException.class);
            }
        }
    }

    @Test
    void shouldKeepCrcValidWhenBaseOffsetIsAssigned() {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.LZ4, 1024);
        builder.append(1L, bytes("a"), bytes("1"), null);
        builder.append(2L, bytes("b"), bytes("2"), null);
        RecordBatchView view = new RecordBatchView(builder.build());
        view.setBaseOffset(41L);
        assertThat(view.isValid()).isTrue();
        List<Long> offsets = new ArrayList<>();
        view.forEach(r -> offsets.add(r.offset()));
        assertThat(offsets).containsExactly(41L, 42L);
        assertThat(view.lastOffset()).isEqualTo(42L);
    }

    @Test
    void shouldStampLogAppendTimeOnEveryRecordAndRecomputeCrc() {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.NONE, 1024);
        builder.append(10L, bytes("a"), bytes("1"), null);
        builder.append(20L, bytes("b"), bytes("2"), null);
        RecordBatchView view = new RecordBatchView(builder.build());
        view.setLogAppendTime(99L);
        assertThat(view.isValid()).isTrue();
        assertThat(view.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        view.forEach(r -> assertThat(r.timestamp()).isEqualTo(99L));
    }

    @Test
    void shouldReuseBuilderAcrossBatches() {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.ZSTD, 1024);
        for (int round = 0; round < 3; round++) {
            builder.reset(round * 100L);
            builder.append(round, bytes("k" + round), bytes("v" + round), null);
            RecordBatchView view = new RecordBatchView(builder.build());
            view.ensureValid();
            Record r = view.iterator().next();
            assertThat(r.offset()).isEqualTo(round * 100L);
            assertThat(string(r.valueBytes())).isEqualTo("v" + round);
            assertThat(view.recordCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldAcceptFirstRecordAlwaysAndThenRespectTheWriteLimit() {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.NONE, 100);
        assertThat(builder.hasRoomFor(1L, null, new byte[500], null)).isTrue();
        builder.append(1L, null, new byte[10], null);
        assertThat(builder.hasRoomFor(1L, null, new byte[10], null)).isTrue();
        assertThat(builder.hasRoomFor(1L, null, new byte[30], null)).isFalse();
        builder.append(1L, null, new byte[10], null);
        assertThat(builder.estimatedSizeInBytes()).isLessThanOrEqualTo(100);
    }

    @Test
    void shouldKeepOriginalOffsetsWhenAppendingWithGaps() {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.GZIP, 1024).reset(10L);
        builder.appendWithOffset(12L, 1L, ByteBuffer.wrap(bytes("a")), ByteBuffer.wrap(bytes("1")), null);
        builder.appendWithOffset(17L, 2L, ByteBuffer.wrap(bytes("b")), ByteBuffer.wrap(bytes("2")), null);
        RecordBatchView view = new RecordBatchView(builder.build());
        assertThat(view.baseOffset()).isEqualTo(10L);
        assertThat(view.lastOffset()).isEqualTo(17L);
        List<Long> offsets = new ArrayList<>();
        view.forEach(r -> offsets.add(r.offset()));
        assertThat(offsets).containsExactly(12L, 17L);
        assertThatThrownBy(() -> builder.appendWithOffset(17L, 3L, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldIterateConcatenatedBatchesAndRejectATruncatedOne() {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.NONE, 1024);
        ByteBuffer all = ByteBuffer.allocate(4096);
        for (int b = 0; b < 3; b++) {
            builder.reset(b * 2L);
            builder.append(1L, null, bytes("x" + b), null);
            builder.append(1L, null, bytes("y" + b), null);
            all.put(builder.build());
        }
        all.flip();
        List<String> values = new ArrayList<>();
        Records.records(all).forEach(r -> values.add(string(r.valueBytes())));
        assertThat(values).containsExactly("x0", "y0", "x1", "y1", "x2", "y2");

        ByteBuffer truncated = all.duplicate().limit(all.limit() - 3);
        assertThatThrownBy(() -> Records.batches(truncated).forEach(v -> { }))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("truncated batch");
    }

    @Test
    void shouldRejectRecordsSectionThatDisagreesWithItsCount() {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.NONE, 1024);
        builder.append(1L, bytes("k"), bytes("v"), null);
        ByteBuffer batch = builder.build();
        batch.putInt(RecordBatchView.RECORDS_COUNT_OFFSET, 2);
        RecordBatchView view = new RecordBatchView(batch);
        assertThatThrownBy(() -> view.forEach(r -> { })).isInstanceOf(CorruptRecordException.class);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String string(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c;
    }

    private static String hex(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return HexFormat.of().formatHex(out);
    }
}
