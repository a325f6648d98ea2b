package io.runnel.log;

/** The earliest offset whose timestamp is at least the one asked for, with that record's timestamp. */
public record OffsetAndTimestamp(long offset, long timestamp) {
}
