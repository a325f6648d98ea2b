package io.runnel.log.internal.group;

import io.runnel.common.TopicPartition;
import io.runnel.log.OffsetAndMetadata;
import java.util.Objects;

/**
 * What the group coordinator persists in the compacted internal topic {@code __consumer_offsets}:
 * committed offsets and group metadata, each keyed so that compaction keeps the latest per key.
 * A deletion is the same key with a null value (a tombstone). See {@link GroupRecordCodec} for
 * the bytes.
 */
public sealed interface GroupRecord {

    String group();

    /** A committed offset of a group for one partition. */
    record OffsetCommit(String group, TopicPartition partition, OffsetAndMetadata offset, long commitTimestamp)
            implements GroupRecord {
        public OffsetCommit {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(offset, "offset");
        }
    }

    /** The committed offset of a group for one partition was deleted. */
    record OffsetDelete(String group, TopicPartition partition) implements GroupRecord {
        public OffsetDelete {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(partition, "partition");
        }
    }

    /** A group's generation and assignor after a rebalance completed. */
    record GroupMetadata(String group, int generation, String protocol) implements GroupRecord {
        public GroupMetadata {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(protocol, "protocol");
        }
    }

    /** The group was deleted. */
    record GroupDelete(String group) implements GroupRecord {
        public GroupDelete {
            Objects.requireNonNull(group, "group");
        }
    }
}
