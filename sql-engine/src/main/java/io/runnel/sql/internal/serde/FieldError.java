package io.runnel.sql.internal.serde;

/**
 * Thrown inside readers and writers when one field is wrong; the path is built while it unwinds
 * (each enclosing struct, array or map prepends its part), and the row serde turns it into a
 * {@link SerdeException} with the record excerpt. No stack trace: malformed records may be
 * frequent and the trace says nothing the path does not.
 */
final class FieldError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private String path;
    private final String expectedType;
    private final String reason;

    FieldError(String expectedType, String reason) {
        super(reason, null, false, false);
        this.path = "";
        this.expectedType = expectedType;
        this.reason = reason;
    }

    FieldError(String expectedType, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.path = "";
        this.expectedType = expectedType;
        this.reason = reason;
    }

    /** Prepends a struct field or column name ({@code NAME}) to the path. */
    FieldError inField(String name) {
        path = path.isEmpty() || path.startsWith("[") ? name + path : name + "." + path;
        return this;
    }

    /** Prepends an array index or map key ({@code [3]}, {@code ['k']}) to the path. */
    FieldError inElement(String element) {
        path = "[" + element + "]" + (path.isEmpty() || path.startsWith("[") ? path : "." + path);
        return this;
    }

    String path() {
        return path;
    }

    String expectedType() {
        return expectedType;
    }

    String reason() {
        return reason;
    }
}
