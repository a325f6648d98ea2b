/**
 * Exec plans: the physical steps of a persistent query as sealed records
 * ({@link io.runnel.sql.internal.plan.ExecNode}), built from an analyzed query by
 * {@link io.runnel.sql.internal.plan.PlanBuilder} through the Calcite phase
 * ({@link io.runnel.sql.internal.planner.CalcitePlanner}). Node ids come from the query id and the node's
 * position in the plan, never from a global counter, so processor, store and topic names stay
 * stable when operators are added elsewhere.
 * Plans are stored as versioned JSON ({@link io.runnel.sql.internal.plan.json}).
 */
package io.runnel.sql.internal.plan;
