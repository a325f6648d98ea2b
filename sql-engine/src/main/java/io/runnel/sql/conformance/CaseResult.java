package io.runnel.sql.conformance;

import java.util.Objects;

/**
 * The outcome of one case. For a case that expects an error, {@code messageMatched} says whether
 * our error message contained the expected text (passing needs only the failure itself); it is
 * null for other cases.
 */
public record CaseResult(String caseId, Status status, String detail, Boolean messageMatched, long durationMs) {

    public enum Status { PASSED, FAILED, SKIPPED }

    public CaseResult {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public static CaseResult passed(String caseId, Boolean messageMatched, long durationMs) {
        return new CaseResult(caseId, Status.PASSED, "", messageMatched, durationMs);
    }

    /** A case that failed as expected, with our message when it differs from ksqlDB's. */
    public static CaseResult passedWithMessage(String caseId, boolean messageMatched, String message, long durationMs) {
        return new CaseResult(caseId, Status.PASSED, messageMatched ? "" : "our message: " + message, messageMatched,
                durationMs);
    }

    public static CaseResult failed(String caseId, String detail, long durationMs) {
        return new CaseResult(caseId, Status.FAILED, detail, null, durationMs);
    }

    public static CaseResult skipped(String caseId, String reason) {
        return new CaseResult(caseId, Status.SKIPPED, reason, null, 0);
    }
}
