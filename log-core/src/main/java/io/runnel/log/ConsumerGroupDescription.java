package io.runnel.log;

import io.runnel.common.TopicPartition;
import java.util.List;
import java.util.Set;

/** A consumer group: its state, generation, assignor and members with their assignments. */
public record ConsumerGroupDescription(String groupId, String state, int generation, String assignor,
                                       List<Member> members) {

    public ConsumerGroupDescription {
        members = List.copyOf(members);
    }

    /** One member of a group and the partitions assigned to it. */
    public record Member(String memberId, String clientId, Set<TopicPartition> assignment) {
        public Member {
            assignment = Set.copyOf(assignment);
        }
    }
}
