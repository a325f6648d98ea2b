package io.runnel.sql.internal.analyzer;

import io.runnel.sql.internal.ast.Relation;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The FROM clause of a join with every name and type resolved: the sources in join order and one
 * step per JOIN (left-deep: step {@code i} joins the result of sources {@code 0..i} with source
 * {@code i + 1}).
 *
 * <p>Rows of a join: each source contributes its <em>source row</em> (its columns in declared
 * order, then ROWTIME, ROWPARTITION, ROWOFFSET), qualified with its alias; the joined value is the
 * source rows side by side ({@link #rows()}, a side without a match is all NULL). The query's
 * expressions are typed over {@link #input()}: the join key columns (from the record key), the
 * joined value, then the result record's ROWTIME, ROWPARTITION and ROWOFFSET (unqualified).
 *
 * @param sources       the joined sources in order
 * @param steps         one per JOIN, innermost first
 * @param keyFields     the result's key columns as the first fields of {@link #input()}: one join
 *                      key column (named ROWKEY or ROWKEY_n when synthetic, else unreachable by
 *                      name), or the left table's key columns of a foreign-key join
 * @param keyCandidates indexes into {@link #input()} of the columns a projection may select as the
 *                      key (the join's column expressions; the synthetic key field)
 * @param candidateSql  the candidates as ksqlDB names them in messages ({@code L.A}, {@code ROWKEY})
 * @param synthetic     true when the key is synthetic (FULL OUTER join, or no side is a column)
 * @param resultKind    STREAM unless every source is a table
 * @param rows          the joined value's fields (every source row, side by side)
 * @param input         the row schema the query's expressions are typed over
 */
public record AnalyzedJoin(List<Source> sources, List<Step> steps, List<RowSchema.Field> keyFields,
                           List<Integer> keyCandidates, List<String> candidateSql, boolean synthetic,
                           SourceKind resultKind, RowSchema rows, RowSchema input) {

    public AnalyzedJoin {
        sources = List.copyOf(sources);
        steps = List.copyOf(steps);
        keyFields = List.copyOf(keyFields);
        keyCandidates = List.copyOf(keyCandidates);
        candidateSql = List.copyOf(candidateSql);
        Objects.requireNonNull(resultKind, "resultKind");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(input, "input");
    }

    /** How a step joins: by the kinds of its sides, or a foreign-key table-table join. */
    public enum Kind { STREAM_STREAM, STREAM_TABLE, TABLE_TABLE, FOREIGN_KEY }

    /**
     * One joined source: where its source row starts in the joined value, and its row schema
     * (fields qualified with the alias).
     */
    public record Source(DataSource source, String alias, int offset, RowSchema row) {
        public Source {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(row, "row");
        }
    }

    /**
     * One JOIN.
     *
     * @param type       INNER, LEFT, RIGHT or FULL
     * @param kind       how the sides are joined
     * @param within     the window of a stream-stream join
     * @param leftKey    the left side's join expression, over the joined value of sources {@code 0..i}
     * @param rightKey   the right side's join expression, over the right source's row
     * @param rekeyLeft  whether the left side must be re-keyed (and repartitioned) by {@code leftKey}
     * @param rekeyRight whether the right side must be re-keyed by {@code rightKey}
     * @param right      the right source
     * @param leftWidth  the number of fields of the left side's joined value
     * @param leftKind   STREAM or TABLE: what the left side is
     * @param keyType    the join key's type
     */
    public record Step(Relation.JoinType type, Kind kind, Optional<Relation.JoinWindow> within,
                       TypedExpression leftKey, TypedExpression rightKey, boolean rekeyLeft, boolean rekeyRight,
                       Source right, int leftWidth, SourceKind leftKind, SqlType keyType) {
        public Step {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(within, "within");
            Objects.requireNonNull(leftKey, "leftKey");
            Objects.requireNonNull(rightKey, "rightKey");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(leftKind, "leftKind");
            Objects.requireNonNull(keyType, "keyType");
        }

        /** The result of this step: a table only when both sides are tables. */
        public SourceKind resultKind() {
            return kind == Kind.STREAM_STREAM || kind == Kind.STREAM_TABLE ? SourceKind.STREAM : SourceKind.TABLE;
        }
    }

    /** The leftmost source: its formats are the result's defaults, as in ksqlDB. */
    public DataSource first() {
        return sources.get(0).source();
    }
}
