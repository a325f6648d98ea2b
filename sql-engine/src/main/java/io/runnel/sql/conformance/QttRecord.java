package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Objects;

/**
 * One input or expected output record of a test case, as written in the file. {@code key} and
 * {@code value} are JSON as written ({@link NullNode} when absent or null: a null key / a
 * tombstone). {@code timestamp} null = not given (inputs: 0; outputs: not checked). {@code window}
 * null = not windowed. {@code headers} null = not given.
 */
public record QttRecord(String topic, JsonNode key, JsonNode value, Long timestamp, Window window,
                        List<Header> headers) {

    public QttRecord {
        Objects.requireNonNull(topic, "topic");
        key = key == null ? NullNode.getInstance() : key;
        value = value == null ? NullNode.getInstance() : value;
        headers = headers == null ? null : List.copyOf(headers);
    }

    /** The window of a windowed key: {@code type} is {@code time} (tumbling/hopping) or {@code session}. */
    public record Window(long start, long end, String type) {
    }

    /** A record header; {@code value} is base64 as in the files (null allowed). */
    public record Header(String key, String value) {
    }
}
