package io.runnel.sql.internal.plan;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.analyzer.AnalyzedJoin;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * ksqlDB's co-partitioning rule for joins: two sides joined by their keys, without a repartition,
 * must read topics with the same number of partitions (records of one key must meet in the same
 * task). A re-keyed side goes through a repartition topic with the other side's partition count,
 * and a foreign-key join needs no co-partitioning. Topics whose partition count is unknown pass.
 */
public final class CoPartitioning {

    private CoPartitioning() {
    }

    /**
     * @param partitions the partition count of a topic, empty when it does not exist (yet)
     * @throws SqlException with ksqlDB's message when the partition counts of a step differ
     */
    public static void check(AnalyzedQuery query, Function<String, OptionalInt> partitions) {
        if (query.join().isEmpty()) {
            return;
        }
        AnalyzedJoin join = query.join().get();
        OptionalInt left = partitions.apply(join.first().topic());
        String leftName = join.first().name();
        for (AnalyzedJoin.Step step : join.steps()) {
            OptionalInt right = partitions.apply(step.right().source().topic());
            String rightName = step.right().source().name();
            boolean copartitioned = step.kind() != AnalyzedJoin.Kind.FOREIGN_KEY && !step.rekeyLeft() && !step.rekeyRight();
            if (copartitioned && left.isPresent() && right.isPresent() && left.getAsInt() != right.getAsInt()) {
                throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Can't join `" + leftName + "` with `"
                        + rightName + "` since the number of partitions don't match. `" + leftName + "` partitions = "
                        + left.getAsInt() + "; `" + rightName + "` partitions = " + right.getAsInt()
                        + ". Please repartition either one so that the number of partitions match.");
            }
            if (step.rekeyLeft() && step.kind() != AnalyzedJoin.Kind.FOREIGN_KEY) {
                left = right;
            }
            leftName = rightName;
        }
    }
}
