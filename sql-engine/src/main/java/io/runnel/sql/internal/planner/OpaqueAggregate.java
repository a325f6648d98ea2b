package io.runnel.sql.internal.planner;

import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * A ksqlDB aggregate call (COUNT, SUM, a UDAF, ...) in a Calcite plan: Calcite sees its arguments
 * and its type, never its implementation (the exec plan runs the analyzed call it keeps).
 */
final class OpaqueAggregate extends SqlAggFunction {
    private final AnalyzedQuery.AggregateCall call;

    OpaqueAggregate(AnalyzedQuery.AggregateCall call, RelDataType type) {
        super(call.sql(), null, SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(type), null, OperandTypes.VARIADIC,
                SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false);
        this.call = Objects.requireNonNull(call, "call");
    }

    AnalyzedQuery.AggregateCall call() {
        return call;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
