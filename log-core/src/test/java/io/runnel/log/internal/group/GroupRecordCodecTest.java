package io.runnel.log.internal.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.TopicPartition;
import io.runnel.log.CorruptRecordException;
import io.runnel.log.OffsetAndMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupRecordCodecTest {

    @Test
    void shouldRoundTripEveryRecordKind() {
        TopicPartition tp = new TopicPartition("orders", 3);
        for (GroupRecord r : List.of(
                new GroupRecord.OffsetCommit("g", tp, new OffsetAndMetadata(42, "meta"), 1234),
                new GroupRecord.OffsetDelete("g", tp),
                new GroupRecord.GroupMetadata("g", 7, "range"),
                new GroupRecord.GroupDelete("g"))) {
            assertThat(GroupRecordCodec.decode(GroupRecordCodec.key(r), GroupRecordCodec.value(r))).isEqualTo(r);
        }
    }

    @Test
    void shouldGiveACommitAndItsDeletionTheSameKeyBytesSoCompactionReplacesOne() {
        TopicPartition tp = new TopicPartition("orders", 3);
        byte[] commit = GroupRecordCodec.key(new GroupRecord.OffsetCommit("g", tp, new OffsetAndMetadata(1), 0));
        byte[] delete = GroupRecordCodec.key(new GroupRecord.OffsetDelete("g", tp));
        assertThat(commit).isEqualTo(delete);
        assertThat(new String(commit, StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"offset\",\"version\":1,\"group\":\"g\",\"topic\":\"orders\",\"partition\":3}");
        assertThat(GroupRecordCodec.value(new GroupRecord.GroupDelete("g"))).isNull();
    }

    @Test
    void shouldRejectAnUnknownVersion() {
        byte[] key = "{\"type\":\"offset\",\"version\":9,\"group\":\"g\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> GroupRecordCodec.decode(key, null)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("version 9");
    }
}
