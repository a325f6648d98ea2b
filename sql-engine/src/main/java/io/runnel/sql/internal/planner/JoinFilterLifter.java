package io.runnel.sql.internal.planner;

import io.runnel.sql.internal.ast.SourceKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexUtil;

/**
 * ksqlDB's limits on filters below a join, applied after Calcite's push-down: a filter may stay
 * below a join only on the stream side of a stream-table join (a stream-table join is a lookup
 * per stream record, so dropping the records the WHERE drops anyway before the lookup gives the
 * same result; Calcite only pushes onto sides that are not null-generating). Every other pushed
 * filter is lifted back above its join (its columns shifted into the join's row): a filter on a
 * table side would turn rows into deletions of the table and change what a table join emits; a
 * stream-stream join's windows close by the stream time of the records it sees, so dropping
 * records before it could change which records are late and when outer results are emitted; and
 * the exec plan has no filter between an earlier join and the next.
 */
final class JoinFilterLifter {

    private JoinFilterLifter() {
    }

    static RelNode lift(RelNode node) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : node.getInputs()) {
            RelNode lifted = lift(input);
            changed |= lifted != input;
            inputs.add(lifted);
        }
        RelNode current = changed ? node.copy(node.getTraitSet(), inputs) : node;
        if (!(current instanceof Join join)) {
            return current;
        }
        RelNode left = join.getLeft();
        RelNode right = join.getRight();
        List<Filter> liftedLeft = new ArrayList<>();
        boolean streamTable = kind(stripFilters(right)) == SourceKind.TABLE;
        while (left instanceof Filter f && !(streamTable && hostable(f))) {
            liftedLeft.add(f);
            left = f.getInput();
        }
        List<Filter> liftedRight = new ArrayList<>();
        while (right instanceof Filter f) {
            liftedRight.add(f);
            right = f.getInput();
        }
        if (liftedLeft.isEmpty() && liftedRight.isEmpty()) {
            return current;
        }
        RelNode result = join.copy(join.getTraitSet(), join.getCondition(), left, right, join.getJoinType(),
                join.isSemiJoinDone());
        for (Filter f : liftedLeft) {
            result = LogicalFilter.create(result, f.getCondition());
        }
        int shift = left.getRowType().getFieldCount();
        for (Filter f : liftedRight) {
            result = LogicalFilter.create(result, RexUtil.shift(f.getCondition(), shift));
        }
        return result;
    }

    /** A filter the exec plan runs below a join: over a stream source's scan. */
    private static boolean hostable(Filter filter) {
        return kind(filter.getInput()) == SourceKind.STREAM;
    }

    private static RelNode stripFilters(RelNode node) {
        return node instanceof Filter f ? stripFilters(f.getInput()) : node;
    }

    /** The kind of the source a scan reads; null for anything else. */
    private static SourceKind kind(RelNode node) {
        if (node instanceof TableScan scan) {
            SourceTable table = scan.getTable().unwrap(SourceTable.class);
            return table == null ? null : table.source().kind();
        }
        return null;
    }
}
