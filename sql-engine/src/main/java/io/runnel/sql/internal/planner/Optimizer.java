package io.runnel.sql.internal.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/**
 * The optimizer: named phases, each a {@link HepPlanner} program of Calcite's own rules, run in
 * order.
 * <ol>
 *   <li>{@code fold} — constant folding and simplification of filters (WHERE, HAVING):
 *       {@code x > 2 + 3 AND 1 = 1} becomes {@code x > 5}; a filter that is always TRUE goes, one
 *       that is never TRUE becomes an empty relation (the exec plan then filters with FALSE).
 *       Opaque expressions are dynamic functions, so a UDF (RANDOM() above all) is never folded.</li>
 *   <li>{@code push-down} — WHERE conjuncts move below the join's projection and into the join's
 *       inputs on the sides Calcite allows (never a null-generating side); a conjunct reading both
 *       sides stays above the join (the predicate keeps the join's condition the ON clause alone),
 *       and outer joins are never turned into inner ones ({@code smart} off), so the join's
 *       semantics are ksqlDB's.</li>
 *   <li>{@code ksql-constraints} — {@link JoinFilterLifter} lifts back what the exec plan cannot run
 *       or where ksqlDB's result could change (filters on a table side, below a stream-stream
 *       join, or on an earlier join's result): only the stream side of a stream-table join keeps
 *       its filter; the lifted conjuncts merge with the WHERE above the join.</li>
 *   <li>{@code fold-again} — the pushed and merged filters are simplified once more.</li>
 *   <li>{@code merge-projects} — adjacent projections merge and identity projections go.</li>
 * </ol>
 */
final class Optimizer {

    /** A plan after one phase. */
    record Phase(String name, RelNode plan) {
    }

    private Optimizer() {
    }

    /** The plan after each phase, in order (the last is the optimized plan). */
    static List<Phase> optimize(RelNode logical) {
        List<Phase> phases = new ArrayList<>();
        RelNode plan = run(logical, program(CoreRules.FILTER_REDUCE_EXPRESSIONS, CoreRules.FILTER_MERGE));
        phases.add(new Phase("fold", plan));
        plan = run(plan, program(CoreRules.FILTER_PROJECT_TRANSPOSE, filterIntoJoin(), CoreRules.FILTER_MERGE));
        phases.add(new Phase("push-down", plan));
        plan = run(JoinFilterLifter.lift(plan), program(CoreRules.FILTER_MERGE));
        phases.add(new Phase("ksql-constraints", plan));
        plan = run(plan, program(CoreRules.FILTER_REDUCE_EXPRESSIONS, CoreRules.FILTER_MERGE));
        phases.add(new Phase("fold-again", plan));
        plan = run(plan, program(CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE));
        phases.add(new Phase("merge-projects", plan));
        return phases;
    }

    /**
     * Calcite's filter-into-join rule, keeping ksqlDB's joins: only the join's own condition may
     * stay in the join (a WHERE conjunct over both sides goes back above it), and outer joins stay
     * outer.
     */
    private static RelOptRule filterIntoJoin() {
        return FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT
                .withSmart(false)
                .withPredicate((join, type, exp) -> isJoinCondition(exp))
                .as(FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.class)
                .toRule();
    }

    private static boolean isJoinCondition(RexNode exp) {
        return exp instanceof RexCall call && call.getOperator() instanceof OpaqueFunction f && f.isJoinCondition();
    }

    private static HepProgram program(RelOptRule... rules) {
        HepProgramBuilder builder = HepProgram.builder().addMatchOrder(HepMatchOrder.TOP_DOWN);
        builder.addGroupBegin();
        for (RelOptRule rule : rules) {
            builder.addRuleInstance(rule);
        }
        return builder.addGroupEnd().build();
    }

    private static RelNode run(RelNode plan, HepProgram program) {
        HepPlanner planner = new HepPlanner(program);
        planner.setRoot(plan);
        return planner.findBestExp();
    }
}
