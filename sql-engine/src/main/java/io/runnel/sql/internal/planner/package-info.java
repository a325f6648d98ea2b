/**
 * The Calcite phase of query planning, between the analyzer and the exec plan: an analyzed query
 * becomes a Calcite logical plan, named {@code HepPlanner} phases of Calcite's own rules optimize
 * it (constant folding, filter push-down through projections and into joins), ksqlDB's limits
 * are applied (no filter on a table side or a null-generating side), and the result becomes exec
 * plan records. Entry point: {@link io.runnel.sql.internal.planner.CalcitePlanner}.
 */
package io.runnel.sql.internal.planner;
