package io.runnel.sql.internal.serde;

import io.runnel.common.SerializationException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A key or value could not be read from bytes (a malformed record) or written to bytes. Carries
 * what failed so that the runtime can skip the record, count it and log it together with the
 * topic, partition and offset it knows:
 *
 * <ul>
 *   <li>{@link #target()}: {@code key} or {@code value};</li>
 *   <li>{@link #path()}: where in the record, e.g. {@code PRICE}, {@code ADDRESS.CITY},
 *       {@code TAGS[2]}; empty when the record as a whole is wrong (bad JSON, wrong field count);</li>
 *   <li>{@link #expectedType()}: the SQL type expected there, e.g. {@code DECIMAL(4, 2)};</li>
 *   <li>{@link #reason()}: what was wrong, without the data;</li>
 *   <li>{@link #excerpt()}: at most {@value #EXCERPT_BYTES} bytes of the record as text, control
 *       characters escaped, for the log (empty when serializing).</li>
 * </ul>
 *
 * The message joins them: {@code Failed to deserialize value: PRICE (DECIMAL(4, 2)): Cannot fit
 * decimal '1.234' into DECIMAL(4, 2) without rounding; data: {"PRICE":1.234}}.
 */
public final class SerdeException extends SerializationException {
    private static final long serialVersionUID = 1L;

    /** How many bytes of the record the excerpt shows at most. */
    public static final int EXCERPT_BYTES = 64;

    private final String target;
    private final String path;
    private final String expectedType;
    private final String reason;
    private final String excerpt;

    SerdeException(boolean deserializing, String target, String path, String expectedType, String reason,
                   String excerpt, Throwable cause) {
        super(message(deserializing, target, path, expectedType, reason, excerpt), cause);
        this.target = Objects.requireNonNull(target, "target");
        this.path = path == null || path.isEmpty() ? null : path;
        this.expectedType = expectedType;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.excerpt = excerpt == null ? "" : excerpt;
    }

    /** {@code key} or {@code value}. */
    public String target() {
        return target;
    }

    /** Where in the record the failure is, e.g. {@code ADDRESS.CITY}; empty for the whole record. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** The SQL type expected at {@link #path()}, as SQL text. */
    public Optional<String> expectedType() {
        return Optional.ofNullable(expectedType);
    }

    /** What was wrong (no record data in it). */
    public String reason() {
        return reason;
    }

    /** The start of the record's bytes as text, for logs; empty when serializing. */
    public String excerpt() {
        return excerpt;
    }

    private static String message(boolean deserializing, String target, String path, String expectedType,
                                  String reason, String excerpt) {
        StringBuilder sb = new StringBuilder(deserializing ? "Failed to deserialize " : "Failed to serialize ");
        sb.append(target).append(": ");
        if (path != null && !path.isEmpty()) {
            sb.append(path);
            if (expectedType != null) sb.append(" (").append(expectedType).append(')');
            sb.append(": ");
        }
        sb.append(reason);
        if (excerpt != null && !excerpt.isEmpty()) sb.append("; data: ").append(excerpt);
        return sb.toString();
    }

    /** The first {@value #EXCERPT_BYTES} bytes as UTF-8 text, control characters escaped. */
    static String excerpt(byte[] data) {
        if (data == null) return "<null>";
        int n = Math.min(data.length, EXCERPT_BYTES);
        String text = new String(data, 0, n, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (data.length > n) sb.append("...(").append(data.length).append(" bytes)");
        return sb.toString();
    }
}
