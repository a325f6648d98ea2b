package io.runnel.sql.internal.planner;

import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.plan.ExecNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.DataContexts;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;

/**
 * The Calcite phase of query planning: the analyzed query as a Calcite logical plan
 * ({@link LogicalPlanTranslator}), optimized in named {@link Optimizer} phases, and turned into
 * exec plan records ({@link ExecPlanTranslator}). Each call has its own cluster, type factory and
 * planners, so calls are independent and may run on several threads.
 */
public final class CalcitePlanner {

    private CalcitePlanner() {
    }

    /**
     * A query planned through Calcite.
     *
     * @param logical   the logical plan as translated (Calcite's text)
     * @param optimized the plan after the optimizer's phases
     * @param phases    the names of the optimizer's phases, in order
     * @param plan      the exec plan
     */
    public record Planned(String logical, String optimized, List<String> phases, ExecNode.Sink plan) {
        public Planned {
            Objects.requireNonNull(logical, "logical");
            Objects.requireNonNull(optimized, "optimized");
            phases = List.copyOf(phases);
            Objects.requireNonNull(plan, "plan");
        }
    }

    /** The query's shape is not one the Calcite phase translates; the caller plans it without Calcite. */
    public static final class NotTranslatedException extends RuntimeException {
        NotTranslatedException(String shape, Throwable cause) {
            super(shape, cause);
        }
    }

    /**
     * Plans the query writing its rows to {@code topic}.
     *
     * @throws NotTranslatedException when a part of the query has no Calcite translation
     */
    public static Planned plan(AnalyzedQuery query, String topic, SourceFormats formats,
                               Optional<String> timestampColumn, FunctionResolver functions) {
        try {
            return translate(query, topic, formats, timestampColumn, functions);
        } catch (UnsupportedShapeException e) {
            throw new NotTranslatedException(e.getMessage(), e);
        } catch (RuntimeException | AssertionError e) {
            // Calcite, or the analyzer typing a rewritten expression, failed on this shape: plan it as written.
            throw new NotTranslatedException("the Calcite phase failed: " + e, e);
        }
    }

    private static Planned translate(AnalyzedQuery query, String topic, SourceFormats formats,
                                     Optional<String> timestampColumn, FunctionResolver functions) {
        RelTypes types = new RelTypes();
        RexBuilder rex = new RexBuilder(types.factory());
        HepPlanner clusterPlanner = new HepPlanner(HepProgram.builder().build());
        // Constant folding evaluates constant expressions with Calcite's own code generator.
        clusterPlanner.setExecutor(new RexExecutorImpl(DataContexts.EMPTY));
        RelOptCluster cluster = RelOptCluster.create(clusterPlanner, rex);
        RelNode logical = new LogicalPlanTranslator(cluster, types).translate(query);
        List<Optimizer.Phase> phases = Optimizer.optimize(logical);
        RelNode optimized = phases.get(phases.size() - 1).plan();
        ExecPlanTranslator.Originals originals = originals(logical);
        ExecNode.Sink plan;
        try {
            plan = new ExecPlanTranslator(query, functions, rex, originals, ExecPlanTranslator.AlwaysFalse.NONE)
                    .translate(optimized, topic, formats, timestampColumn);
        } catch (ExecPlanTranslator.AlwaysFalseException never) {
            // The optimizer proved a filter never TRUE: the plan as written, filtering with FALSE there.
            plan = new ExecPlanTranslator(query, functions, rex, originals, never.where())
                    .translate(logical, topic, formats, timestampColumn);
        }
        return new Planned(RelOptUtil.toString(logical), RelOptUtil.toString(optimized),
                phases.stream().map(Optimizer.Phase::name).toList(), plan);
    }

    /** The WHERE and HAVING conditions of the logical plan as translated. */
    private static ExecPlanTranslator.Originals originals(RelNode logical) {
        Optional<String> where = Optional.empty();
        Optional<String> having = Optional.empty();
        boolean aboveAggregate = true;
        for (RelNode node = logical; node != null; node = node.getInputs().isEmpty() ? null : node.getInput(0)) {
            if (node instanceof Aggregate) {
                aboveAggregate = false;
            } else if (node instanceof Filter f) {
                if (aboveAggregate && containsAggregate(f)) {
                    having = Optional.of(f.getCondition().toString());
                } else {
                    where = Optional.of(f.getCondition().toString());
                }
            }
        }
        return new ExecPlanTranslator.Originals(where, having);
    }

    private static boolean containsAggregate(RelNode node) {
        if (node instanceof Aggregate) {
            return true;
        }
        for (RelNode input : node.getInputs()) {
            if (containsAggregate(input)) {
                return true;
            }
        }
        return false;
    }
}
