/**
 * Exec plans as versioned JSON: what the command topic stores with each persistent query so that
 * a restart runs the plan the query was started with, not a new plan of its SQL.
 * {@link io.runnel.sql.internal.plan.json.ExecPlanWriter} writes a
 * {@link io.runnel.sql.internal.plan.json.QueryPlan} (format field by field in its Javadoc and in
 * {@code docs/internals/exec-plan-format.md}); {@link io.runnel.sql.internal.plan.json.ExecPlanReader}
 * reads it back, typing the stored SQL expressions again over each node's stored input schema;
 * a document it cannot read is an {@link io.runnel.sql.internal.plan.json.UnreadablePlanException}.
 */
package io.runnel.sql.internal.plan.json;
