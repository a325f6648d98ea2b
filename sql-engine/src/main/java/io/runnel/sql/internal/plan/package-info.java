/**
 * Exec plans: the physical steps of a persistent query as sealed records
 * ({@link io.runnel.sql.internal.plan.ExecNode}), built from an analyzed query by
 * {@link io.runnel.sql.internal.plan.PlanBuilder}. Node ids come from the query id and the node's
 * position in the plan, never from a global counter, so processor, store and topic names stay
 * stable when operators are added elsewhere.
 *
 * <p>Not yet done (see the engine issue): JSON persistence with type and version, and the
 * Calcite optimizer phases between the analyzer and this layer.
 */
package io.runnel.sql.internal.plan;
