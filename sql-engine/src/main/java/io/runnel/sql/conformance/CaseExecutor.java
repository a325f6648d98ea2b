package io.runnel.sql.conformance;

/**
 * Runs one case from a fresh, empty engine: its statements in order, then its inputs, and checks
 * its expected outputs (with {@link OutputMatcher}), expected error and post conditions.
 * Implementations never throw: any failure is a {@link CaseResult.Status#FAILED} result.
 */
@FunctionalInterface
public interface CaseExecutor {

    CaseResult run(QttCase testCase);
}
