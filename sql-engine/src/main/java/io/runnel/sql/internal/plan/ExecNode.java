package io.runnel.sql.internal.plan;

import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.LogicalSchema;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.catalog.DataSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a query's plan. Each kind is a record; the topology builder has one method per
 * kind, so a new kind is a compile error where it matters.
 */
public sealed interface ExecNode {

    /** A name unique in the plan, e.g. {@code source_0}, {@code filter_1}. */
    String id();

    /** Reads a stream's topic as keyed rows, in the source's own column layout. */
    record StreamSource(String id, DataSource source) implements ExecNode {
        public StreamSource {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
        }
    }

    /** Keeps the records for which the predicate, over the source row, is TRUE. */
    record Filter(String id, ExecNode input, TypedExpression predicate) implements ExecNode {
        public Filter {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(predicate, "predicate");
        }
    }

    /**
     * Computes the output key and value columns from the source row (a new key when the query
     * partitions by expressions or drops the key).
     */
    record Project(String id, ExecNode input, List<AnalyzedQuery.Projection> keys,
                   List<AnalyzedQuery.Projection> values, LogicalSchema schema) implements ExecNode {
        public Project {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(input, "input");
            keys = List.copyOf(keys);
            values = List.copyOf(values);
            Objects.requireNonNull(schema, "schema");
        }
    }

    /** Writes keyed rows to a topic with the given formats. */
    record Sink(String id, ExecNode input, String topic, LogicalSchema schema, String keyFormat, String valueFormat,
                Optional<Boolean> wrapSingleValue) implements ExecNode {
        public Sink {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(keyFormat, "keyFormat");
            Objects.requireNonNull(valueFormat, "valueFormat");
            Objects.requireNonNull(wrapSingleValue, "wrapSingleValue");
        }
    }
}
