package io.runnel.streams.processor;

/** A task: one sub-topology over one partition of its input topics. Printed as {@code 0_1}. */
public record TaskId(int subtopology, int partition) {

    public TaskId {
        if (subtopology < 0 || partition < 0) {
            throw new IllegalArgumentException("negative task id part: " + subtopology + "_" + partition);
        }
    }

    @Override
    public String toString() {
        return subtopology + "_" + partition;
    }
}
