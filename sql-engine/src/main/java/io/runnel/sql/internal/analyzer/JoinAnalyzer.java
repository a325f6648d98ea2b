package io.runnel.sql.internal.analyzer;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Expression.ColumnRef;
import io.runnel.sql.internal.ast.Node;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.Relation;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.parser.SqlFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a join's FROM clause ({@link AnalyzedJoin}) with ksqlDB's rules and messages: which
 * side of each {@code ON a = b} belongs to which source, the kind of each join (stream-stream
 * with WITHIN, stream-table on the table's key, table-table on the right table's key, foreign-key
 * when the left table joins on a non-key column), which sides must be re-keyed, and the result's
 * key column (the join columns, or a synthetic ROWKEY).
 */
final class JoinAnalyzer {
    /** Qualifier of the key field of a join on columns: no SQL name reaches it (identifiers have no spaces). */
    static final String KEY_QUALIFIER = " join key";
    private static final Pattern ROWKEY_N = Pattern.compile("ROWKEY_(\\d+)");

    private final Catalog catalog;
    private final FunctionResolver functions;
    private final TypeResolver types;

    JoinAnalyzer(Catalog catalog, FunctionResolver functions, TypeResolver types) {
        this.catalog = catalog;
        this.functions = functions;
        this.types = types;
    }

    AnalyzedJoin analyze(Relation.Join join) {
        List<Relation.Join> joins = new ArrayList<>();
        Relation r = join;
        while (r instanceof Relation.Join j) {
            joins.add(0, j);
            r = j.left();
        }
        List<Relation.Source> relations = new ArrayList<>();
        relations.add((Relation.Source) r);
        for (Relation.Join j : joins) {
            relations.add(j.right());
        }
        List<AnalyzedJoin.Source> sources = resolveSources(relations);
        checkFormats(sources, join);
        List<RowSchema.Field> rowFields = new ArrayList<>();
        for (AnalyzedJoin.Source s : sources) {
            rowFields.addAll(s.row().fields());
        }

        List<AnalyzedJoin.Step> steps = new ArrayList<>();
        SourceKind leftKind = sources.get(0).source().kind();
        // The fields of the joined value equal to the left side's current key, and the key's SQL.
        Set<Integer> keyFields = new HashSet<>();
        Set<String> keySql = new HashSet<>();
        List<Column> firstKeys = sources.get(0).source().keyColumns();
        if (firstKeys.size() == 1) {
            keyFields.add(sources.get(0).source().columns().indexOf(firstKeys.get(0)));
        }
        List<Integer> candidates = new ArrayList<>();
        List<String> candidateSql = new ArrayList<>();
        boolean synthetic = false;
        List<RowSchema.Field> resultKey = new ArrayList<>();
        for (int i = 0; i < joins.size(); i++) {
            Relation.Join j = joins.get(i);
            AnalyzedJoin.Source right = sources.get(i + 1);
            List<AnalyzedJoin.Source> visible = sources.subList(0, i + 2);
            Expression.Comparison criteria = equality(j);
            checkQualifiers(criteria, visible);
            int leftOwner = owner(criteria.left(), visible, criteria);
            int rightOwner = owner(criteria.right(), visible, criteria);
            if ((leftOwner == i + 1) == (rightOwner == i + 1)) {
                throw error(criteria, "Invalid join criteria " + parenthesized(criteria) + ". Could not find a join "
                        + "criteria operand for " + right.alias().toUpperCase(Locale.ROOT) + ".");
            }
            boolean flipped = leftOwner == i + 1;
            Expression leftExpr = flipped ? criteria.right() : criteria.left();
            Expression rightExpr = flipped ? criteria.left() : criteria.right();
            TypedExpression leftKey = ExpressionTyper.type(leftExpr,
                    new RowSchema(rowFields.subList(0, right.offset())), functions, types);
            TypedExpression rightKey = ExpressionTyper.type(rightExpr, right.row(), functions, types);
            SqlType leftType = leftKey.type();
            SqlType rightType = rightKey.type();
            if (leftType == null || rightType == null || !leftType.equals(rightType)) {
                throw error(criteria, "Invalid join condition: types don't match. Got "
                        + display(criteria.left(), visible) + "{" + typeName(flipped ? rightType : leftType) + "} = "
                        + display(criteria.right(), visible) + "{" + typeName(flipped ? leftType : rightType) + "}.");
            }
            SourceKind rightKind = right.source().kind();
            String got = " Got " + display(criteria.left(), visible) + " = " + display(criteria.right(), visible) + ".";
            String joinText = " Got " + sources.get(i).source().name() + " " + typeText(j.type()) + " "
                    + right.source().name() + ".";
            boolean rightOnKey = isKeyColumn(rightKey, right.source(), 0);
            boolean leftOnKey = leftKey.isBound(leftExpr) && keyFields.contains(leftKey.columnIndex(leftExpr))
                    || keySql.contains(SqlFormatter.format(leftExpr));
            AnalyzedJoin.Kind kind;
            if (leftKind == SourceKind.TABLE && rightKind == SourceKind.STREAM) {
                throw error(j, "Invalid join order: table-stream joins are not supported; only stream-table joins."
                        + joinText);
            } else if (leftKind == SourceKind.STREAM && rightKind == SourceKind.STREAM) {
                kind = AnalyzedJoin.Kind.STREAM_STREAM;
                if (j.within().isEmpty()) {
                    throw error(j, "Stream-Stream joins must have a WITHIN clause specified. None was provided. To "
                            + "learn about how to specify a WITHIN clause with a stream-stream join, please visit: "
                            + "https://docs.confluent.io/current/ksql/docs/syntax-reference.html"
                            + "#create-stream-as-select");
                }
            } else if (leftKind == SourceKind.STREAM) {
                kind = AnalyzedJoin.Kind.STREAM_TABLE;
                if (j.type() == Relation.JoinType.FULL || j.type() == Relation.JoinType.RIGHT) {
                    throw error(j, "Invalid join type: " + (j.type() == Relation.JoinType.FULL ? "full-outer"
                            : "right-outer") + " join not supported for stream-table join." + joinText);
                }
                if (!rightOnKey) {
                    throw error(criteria, "Invalid join condition: stream-table joins require to join on the "
                            + "table's primary key." + got);
                }
            } else {
                if (!rightOnKey) {
                    throw error(criteria, "Invalid join condition: table-table joins require to join on the primary "
                            + "key of the right input table." + got);
                }
                if (leftOnKey) {
                    kind = AnalyzedJoin.Kind.TABLE_TABLE;
                } else {
                    kind = AnalyzedJoin.Kind.FOREIGN_KEY;
                    if (joins.size() > 1 && i > 0) {
                        throw error(criteria, "Invalid join condition: foreign-key table-table joins are not "
                                + "supported as part of n-way joins." + got);
                    }
                    if (j.type() == Relation.JoinType.FULL || j.type() == Relation.JoinType.RIGHT) {
                        throw error(j, "Invalid join type: " + (j.type() == Relation.JoinType.FULL ? "full-outer"
                                : "right-outer") + " join not supported for foreign-key table-table join." + got);
                    }
                }
            }
            if (kind != AnalyzedJoin.Kind.STREAM_STREAM && j.within().isPresent()) {
                throw error(j.within().get(), "A window definition was provided for a "
                        + (kind == AnalyzedJoin.Kind.STREAM_TABLE ? "Stream-Table" : "Table-Table") + " join. These "
                        + "joins are not windowed. Please drop the window definition (ie. the WITHIN clause) and try to "
                        + "execute your join again.");
            }
            boolean rekeyLeft = kind != AnalyzedJoin.Kind.FOREIGN_KEY && !leftOnKey;
            boolean rekeyRight = !rightOnKey;
            checkWindows(sources.get(i), right, rekeyLeft || rekeyRight,
                    kind == AnalyzedJoin.Kind.STREAM_STREAM && sources.size() == 2);
            steps.add(new AnalyzedJoin.Step(j.type(), kind, j.within(), leftKey, rightKey, rekeyLeft, rekeyRight, right,
                    right.offset(), leftKind, leftType));

            // The key after this step, and the columns a projection may take it from.
            candidates.clear();
            candidateSql.clear();
            resultKey.clear();
            if (kind == AnalyzedJoin.Kind.FOREIGN_KEY) {
                // Keyed by the left table's key; the left row's key columns hold it.
                DataSource left = sources.get(0).source();
                for (Column k : left.keyColumns()) {
                    resultKey.add(new RowSchema.Field(Optional.of(KEY_QUALIFIER), k.name(), k.type()));
                }
                synthetic = false;
                keyFields.clear();
                keySql.clear();
                if (firstKeys.size() == 1) {
                    int field = left.columns().indexOf(firstKeys.get(0));
                    keyFields.add(field);
                    candidates.add(field);
                    candidateSql.add(sources.get(0).alias().toUpperCase(Locale.ROOT) + "." + firstKeys.get(0).name());
                }
            } else {
                if (rekeyLeft) {
                    keyFields.clear();
                    keySql.clear();
                }
                keySql.add(SqlFormatter.format(leftExpr));
                keySql.add(SqlFormatter.format(rightExpr));
                synthetic = j.type() == Relation.JoinType.FULL;
                for (Expression side : List.of(leftExpr, rightExpr)) {
                    if (side instanceof ColumnRef) {
                        boolean isLeft = side == leftExpr;
                        int field = isLeft ? leftKey.columnIndex(side) : right.offset() + rightKey.columnIndex(side);
                        keyFields.add(field);
                        candidates.add(field);
                        candidateSql.add(display(side, visible));
                    }
                }
                if (candidates.isEmpty()) {
                    synthetic = true;
                }
                resultKey.add(new RowSchema.Field(Optional.of(KEY_QUALIFIER), "KEY", leftType));
            }
            leftKind = steps.get(steps.size() - 1).resultKind();
        }
        if (synthetic) {
            String name = syntheticKeyName(sources);
            resultKey.set(0, RowSchema.Field.of(name, resultKey.get(0).type()));
            candidates.clear();
            candidateSql.clear();
            candidates.add(-1);
            candidateSql.add(name);
        }
        List<RowSchema.Field> inputFields = new ArrayList<>(resultKey);
        inputFields.addAll(rowFields);
        inputFields.addAll(QueryAnalyzer.PSEUDO_COLUMNS);
        List<Integer> shifted = new ArrayList<>();
        for (int c : candidates) {
            shifted.add(c + resultKey.size());
        }
        return new AnalyzedJoin(sources, steps, resultKey, shifted, candidateSql, synthetic, leftKind,
                new RowSchema(rowFields), new RowSchema(inputFields));
    }

    private List<AnalyzedJoin.Source> resolveSources(List<Relation.Source> relations) {
        List<AnalyzedJoin.Source> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int offset = 0;
        for (Relation.Source relation : relations) {
            DataSource source;
            try {
                source = catalog.source(relation.name());
            } catch (SqlException e) {
                throw e.line().isPresent() ? e : e.withPosition(relation.position().line(), relation.position().column());
            }
            if (!names.add(source.name())) {
                throw error(relation, "Can not join '" + source.name() + "' to '" + source.name()
                        + "': self joins are not yet supported.");
            }
            String alias = relation.qualifier();
            List<RowSchema.Field> fields = new ArrayList<>();
            for (Column c : source.columns()) {
                fields.add(new RowSchema.Field(Optional.of(alias), c.name(), c.type()));
            }
            for (RowSchema.Field p : QueryAnalyzer.PSEUDO_COLUMNS) {
                fields.add(new RowSchema.Field(Optional.of(alias), p.name(), p.type()));
            }
            if (source.formats().window().isPresent()) {
                // A windowed source's rows end with its window bounds (as the topology lays them out).
                fields.add(new RowSchema.Field(Optional.of(alias), "WINDOWSTART", SqlType.BIGINT));
                fields.add(new RowSchema.Field(Optional.of(alias), "WINDOWEND", SqlType.BIGINT));
            }
            sources.add(new AnalyzedJoin.Source(source, alias, offset, new RowSchema(fields)));
            offset += fields.size();
        }
        return sources;
    }

    private static void checkFormats(List<AnalyzedJoin.Source> sources, Relation.Join join) {
        List<String> kafka = new ArrayList<>();
        for (AnalyzedJoin.Source s : sources) {
            if (s.source().formats().valueFormat().equalsIgnoreCase("KAFKA")) {
                kafka.add(s.source().name());
            }
        }
        if (!kafka.isEmpty()) {
            throw error(join, "Source(s) " + String.join(", ", kafka) + " are using the 'KAFKA' value format. "
                    + "This format does not yet support JOIN.");
        }
    }

    /**
     * ksqlDB's rules for joining windowed sources. Two windowed streams joined on their keys are
     * joined on key and window (the window is part of the key, as in Kafka Streams); windowed
     * sources in other joins are not supported yet.
     */
    private static void checkWindows(AnalyzedJoin.Source left, AnalyzedJoin.Source right, boolean repartition,
                                     boolean twoStreams) {
        Optional<SourceFormats.KeyWindow> lw = left.source().formats().window();
        Optional<SourceFormats.KeyWindow> rw = right.source().formats().window();
        if (lw.isEmpty() && rw.isEmpty()) {
            return;
        }
        if (lw.isEmpty() || rw.isEmpty()) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Can not join windowed source to non-windowed "
                    + "source.\n`" + left.source().name() + "` is " + windowText(lw) + "\n`" + right.source().name()
                    + "` is " + windowText(rw));
        }
        boolean leftSession = lw.get().kind() == SourceFormats.KeyWindow.Kind.SESSION;
        boolean rightSession = rw.get().kind() == SourceFormats.KeyWindow.Kind.SESSION;
        if (leftSession != rightSession) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Incompatible windowed sources.\nLeft source: "
                    + lw.get().kind() + "\nRight source: " + rw.get().kind() + "\nSession windowed sources can only be "
                    + "joined to other session windowed sources, and may still not result in expected behaviour as "
                    + "session bounds must be an exact match for the join to work\nHopping and tumbling windowed "
                    + "sources can only be joined to other hopping and tumbling windowed sources");
        }
        boolean sizesDiffer = !leftSession && !lw.get().sizeMillis().equals(rw.get().sizeMillis());
        if (repartition || sizesDiffer) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Implicit repartitioning of windowed sources is "
                    + "not supported. See https://github.com/confluentinc/ksql/issues/4385.");
        }
        if (!twoStreams) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_FEATURE,
                    "Joins of windowed sources other than one stream with another are not supported yet");
        }
    }

    private static String windowText(Optional<SourceFormats.KeyWindow> w) {
        return w.map(k -> k.kind() + " windowed").orElse("not windowed");
    }

    /** The criteria as one equality, or ksqlDB's error. */
    private static Expression.Comparison equality(Relation.Join j) {
        Expression c = j.criteria();
        if (c instanceof Expression.Logical l) {
            throw error(c, "Invalid join condition: joins on multiple conditions are not yet supported. Got "
                    + parenthesized(l) + ".");
        }
        if (!(c instanceof Expression.Comparison cmp) || cmp.operator() != Expression.ComparisonOperator.EQUAL) {
            throw error(c, "Unsupported join expression: " + SqlFormatter.format(c) + ". Joins need an equality "
                    + "of one expression over each side");
        }
        return cmp;
    }

    /**
     * The index (in {@code visible}) of the one source an operand of the criteria reads, with
     * ksqlDB's messages for unknown, ambiguous and missing references.
     */
    private static int owner(Expression operand, List<AnalyzedJoin.Source> visible, Expression.Comparison criteria) {
        Set<Integer> owners = new LinkedHashSet<>();
        collectOwners(operand, visible, owners);
        if (owners.size() != 1) {
            throw error(operand, "Invalid comparison expression '" + SqlFormatter.format(operand) + "' in join '"
                    + parenthesized(criteria) + "'. Each side of the join comparision must contain references from "
                    + "exactly one source.");
        }
        return owners.iterator().next();
    }

    private static void collectOwners(Expression e, List<AnalyzedJoin.Source> visible, Set<Integer> owners) {
        if (e instanceof ColumnRef c) {
            owners.add(sourceOf(c, visible));
            return;
        }
        for (Expression child : ExpressionChildren.of(e)) {
            collectOwners(child, visible, owners);
        }
    }

    /** Every qualifier in the criteria names a joined source (checked before any name is resolved). */
    private static void checkQualifiers(Expression e, List<AnalyzedJoin.Source> visible) {
        if (e instanceof ColumnRef c && c.qualifier().isPresent()
                && visible.stream().noneMatch(s -> s.alias().equals(c.qualifier().get()))) {
            throw error(c, "Failed to prepare statement: '" + c.qualifier().get()
                    + "' is not a valid stream/table name or alias.");
        }
        for (Expression child : ExpressionChildren.of(e)) {
            checkQualifiers(child, visible);
        }
    }

    /** The index of the source a column reference of the criteria reads. */
    static int sourceOf(ColumnRef c, List<AnalyzedJoin.Source> visible) {
        if (c.qualifier().isPresent()) {
            String q = c.qualifier().get();
            for (int i = 0; i < visible.size(); i++) {
                AnalyzedJoin.Source s = visible.get(i);
                if (s.alias().equals(q)) {
                    if (!has(s, c.name())) {
                        throw error(c, "JOIN ON column '" + q + "." + c.name() + "' cannot be resolved.");
                    }
                    return i;
                }
            }
            throw error(c, "Failed to prepare statement: '" + q + "' is not a valid stream/table name or alias.");
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < visible.size(); i++) {
            if (has(visible.get(i), c.name())) {
                found.add(i);
            }
        }
        if (found.isEmpty()) {
            throw error(c, "JOIN ON column '" + c.name() + "' cannot be resolved.");
        }
        if (found.size() > 1) {
            List<String> options = found.stream().map(i -> visible.get(i).alias() + "." + c.name()).toList();
            throw error(c, "Column '" + c.name() + "' is ambiguous. Could be " + String.join(" or ", options) + ".");
        }
        return found.get(0);
    }

    private static boolean has(AnalyzedJoin.Source s, String column) {
        return s.row().fields().stream().anyMatch(f -> f.name().equals(column));
    }

    private static boolean isKeyColumn(TypedExpression key, DataSource source, int offset) {
        List<Column> keys = source.keyColumns();
        return key.expression() instanceof ColumnRef && keys.size() == 1 && key.isBound(key.expression())
                && key.columnIndex(key.expression()) - offset == source.columns().indexOf(keys.get(0));
    }

    /** A join operand as ksqlDB shows it: column references qualified with their source's alias. */
    private static String display(Expression e, List<AnalyzedJoin.Source> visible) {
        if (e instanceof ColumnRef c) {
            return visible.get(sourceOf(c, visible)).alias().toUpperCase(Locale.ROOT) + "." + c.name();
        }
        return SqlFormatter.format(e);
    }

    private static String parenthesized(Expression e) {
        if (e instanceof Expression.Comparison c) {
            return "(" + SqlFormatter.format(c.left()) + " " + c.operator().symbol() + " "
                    + SqlFormatter.format(c.right()) + ")";
        }
        if (e instanceof Expression.Logical l) {
            return "(" + parenthesized(l.left()) + " " + l.operator() + " " + parenthesized(l.right()) + ")";
        }
        return SqlFormatter.format(e);
    }

    private static String typeText(Relation.JoinType type) {
        return switch (type) {
            case INNER -> "[INNER] JOIN";
            case LEFT -> "LEFT [OUTER] JOIN";
            case RIGHT -> "RIGHT [OUTER] JOIN";
            case FULL -> "[FULL] OUTER JOIN";
        };
    }

    private static String typeName(SqlType t) {
        return t == null ? "NULL" : t.sql();
    }

    /** ROWKEY, or ROWKEY_n past the highest n a source column uses when a source has ROWKEY. */
    private static String syntheticKeyName(List<AnalyzedJoin.Source> sources) {
        boolean clash = false;
        int highest = -1;
        for (AnalyzedJoin.Source s : sources) {
            for (Column c : s.source().columns()) {
                if (c.name().equals("ROWKEY")) {
                    clash = true;
                }
                Matcher m = ROWKEY_N.matcher(c.name());
                if (m.matches()) {
                    clash = true;
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        }
        return clash ? "ROWKEY_" + (highest + 1) : "ROWKEY";
    }

    private static SqlException error(Node node, String message) {
        Position p = node.position();
        return new SqlException(SqlErrorCode.INVALID_STATEMENT, p.line(), p.column(),
                "line " + p.line() + ":" + p.column() + ": " + message);
    }
}
