package io.runnel.bench.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Header;
import io.runnel.common.ManualTime;
import io.runnel.common.TopicPartition;
import io.runnel.log.FlushPolicy;
import io.runnel.log.ProducerRecord;
import io.runnel.log.StandalonePartitionLog;
import io.runnel.log.TopicConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.FileRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runnel writes segments that Apache Kafka's own reader (kafka-clients {@code FileRecords},
 * {@code DefaultRecordBatch}) accepts: CRC, header fields, every compression codec, nulls and
 * headers. The format claim of docs/log-format.md, checked against the reference implementation.
 */
class KafkaFormatCompatibilityTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"producer", "gzip", "snappy", "lz4", "zstd"})
    void shouldWriteSegmentsThatKafkasReaderValidatesAndDecodes(String compression) throws Exception {
        ManualTime time = new ManualTime();
        TopicConfig config = TopicConfig.from(Map.of(TopicConfig.COMPRESSION_TYPE, compression));
        List<List<ProducerRecord<byte[], byte[]>>> batches = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = b * 20 + i;
                byte[] key = n % 7 == 0 ? null : ("key-" + n).getBytes(StandardCharsets.UTF_8);
                byte[] value = n % 11 == 0 ? null : ("value-" + n).repeat(n % 5 + 1).getBytes(StandardCharsets.UTF_8);
                List<Header> headers = n % 3 == 0 ? List.of(new Header("h" + n, new byte[] {(byte) n}), new Header("nil", null))
                        : List.of();
                batch.add(new ProducerRecord<>("t", null, 1_000L + n, key, value, headers));
            }
            batches.add(batch);
        }
        try (StandalonePartitionLog log = StandalonePartitionLog.open(dir, new TopicPartition("t", 0), config,
                FlushPolicy.NONE, time)) {
            for (List<ProducerRecord<byte[], byte[]>> batch : batches) {
                log.append(batch, time.milliseconds()).join();
            }
        }
        List<ProducerRecord<byte[], byte[]>> expected = batches.stream().flatMap(List::stream).toList();
        int n = 0;
        try (FileRecords kafka = FileRecords.open(dir.resolve("00000000000000000000.log").toFile())) {
            for (RecordBatch batch : kafka.batches()) {
                batch.ensureValid();
                assertThat(batch.magic()).isEqualTo(RecordBatch.MAGIC_VALUE_V2);
                assertThat(batch.baseOffset()).isEqualTo(n);
                assertThat(batch.compressionType().name).isEqualTo(compression.equals("producer") ? "none" : compression);
                for (Record r : batch) {
                    ProducerRecord<byte[], byte[]> want = expected.get(n);
                    assertThat(r.offset()).isEqualTo(n);
                    assertThat(r.timestamp()).isEqualTo(want.timestamp());
                    assertThat(bytes(r.key())).isEqualTo(want.key());
                    assertThat(bytes(r.value())).isEqualTo(want.value());
                    assertThat(r.headers()).hasSize(want.headers().size());
                    for (int h = 0; h < want.headers().size(); h++) {
                        assertThat(r.headers()[h].key()).isEqualTo(want.headers().get(h).key());
                        assertThat(r.headers()[h].value()).isEqualTo(want.headers().get(h).value());
                    }
                    n++;
                }
            }
        }
        assertThat(n).isEqualTo(100);
    }

    private static byte[] bytes(java.nio.ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
