package io.runnel.log.internal.group;

import java.util.List;

/** Where the coordinator persists its records: durably appended when {@link #append} returns. */
@FunctionalInterface
public interface GroupStore {
    void append(List<GroupRecord> records);

    /** A store that keeps nothing (tests of the protocol alone). */
    GroupStore NONE = records -> {
    };
}
