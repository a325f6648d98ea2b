package io.runnel.sql.conformance;

/**
 * Runs one REST QTT case against a fresh server and checks its responses
 * ({@link ResponseMatcher}), topic outputs ({@link OutputMatcher}) and expected error. The
 * server lives in a higher module, so it implements this and hands it to the runner.
 * Implementations never throw: any failure is a {@link CaseResult.Status#FAILED} result.
 */
@FunctionalInterface
public interface RestCaseExecutor {

    CaseResult run(RestCase testCase);
}
