package io.runnel.sql.internal.runtime;

import io.runnel.sql.internal.plan.ExecNode;

/**
 * An exec plan as text for EXPLAIN, sink first, one node per line, inputs indented below (a
 * join's left input, then its right); with how it was planned, the Calcite logical plan before
 * and after optimization follow.
 */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static String print(ExecNode node) {
        StringBuilder out = new StringBuilder();
        print(node, 0, out);
        return out.toString();
    }

    /** The exec plan, then the Calcite plans it was made from. */
    static String print(ExecNode node, io.runnel.sql.internal.plan.PlanBuilder.Planned planning) {
        String calcite = planning.calcitePlans();
        return calcite.isEmpty() ? print(node) : print(node) + "\n" + calcite;
    }

    private static void print(ExecNode node, int depth, StringBuilder out) {
        out.append("\t".repeat(depth)).append(" > [ ").append(node.id()).append(" ] | ");
        ExecNode input = null;
        if (node instanceof ExecNode.Sink s) {
            out.append("topic: ").append(s.topic()).append(" | schema: ").append(s.schema().sql());
            input = s.input();
        } else if (node instanceof ExecNode.Project p) {
            out.append("schema: ").append(p.schema().sql());
            input = p.input();
        } else if (node instanceof ExecNode.Filter f) {
            out.append("predicate: ").append(io.runnel.sql.internal.parser.SqlFormatter.format(f.predicate().expression()));
            input = f.input();
        } else if (node instanceof ExecNode.TableFilter f) {
            out.append("predicate: ").append(io.runnel.sql.internal.parser.SqlFormatter.format(f.predicate().expression()));
            input = f.input();
        } else if (node instanceof ExecNode.Aggregate a) {
            out.append("aggregates: ").append(a.aggregates().stream().map(c -> c.sql()).toList())
                    .append(a.window().map(w -> " | window: " + io.runnel.sql.internal.parser.SqlFormatter.format(w))
                            .orElse(""));
            input = a.input();
        } else if (node instanceof ExecNode.StreamSource s) {
            out.append("source: ").append(s.source().name()).append(" | topic: ").append(s.source().topic());
        } else if (node instanceof ExecNode.Join j) {
            out.append(j.step().type()).append(' ').append(j.step().kind()).append(" join | right: ")
                    .append(j.right().source().name());
            print(j.left(), depth + 1, out.append('\n'));
            print(j.right(), depth + 1, out);
            return;
        } else {
            out.append(node.getClass().getSimpleName());
        }
        out.append('\n');
        if (input != null) {
            print(input, depth + 1, out);
        }
    }
}
