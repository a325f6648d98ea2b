package io.runnel.sql.internal.runtime;

import io.runnel.sql.internal.analyzer.ExpressionChildren;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.Relation;
import io.runnel.sql.internal.ast.SelectItem;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.parser.SqlFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A push or pull query may leave its key out of the projection ({@code SELECT v FROM s}), which a
 * persistent query may not. The analyzer applies the persistent rule, so the key expressions
 * (the source's key columns, GROUP BY or PARTITION BY expressions) that the projection lacks are
 * added in front of it, and named as hidden: they key the rows but are not shown.
 *
 * <p>A transient query may also select the pseudo columns ROWTIME, ROWPARTITION and ROWOFFSET
 * under their own names (ksqlDB forbids those names only in a persistent query's sink): they are
 * aliased to internal names for the analyzer and shown under their own names ({@link #shown}).
 *
 * @param query  the query as analyzed
 * @param hidden names of the key columns added (not shown)
 * @param order  the names of the selected columns in SELECT order (as analyzed), empty when the
 *               projection contains {@code *} (then the shape's default order applies)
 * @param shown  the name shown for an internal column name (pseudo columns)
 * @param star   whether the projection contains {@code *} (then a windowed source's bounds are shown)
 */
record TransientSelect(Query query, Set<String> hidden, List<String> order, Map<String, String> shown, boolean star) {

    /** Pseudo columns a transient query may select as they are. */
    private static final Set<String> PSEUDO = Set.of("ROWTIME", "ROWPARTITION", "ROWOFFSET");
    private static final String PSEUDO_PREFIX = "KSQL_PSEUDO_";

    TransientSelect {
        hidden = Set.copyOf(hidden);
        order = List.copyOf(order);
        shown = Map.copyOf(shown);
    }

    TransientSelect(Query query, Set<String> hidden) {
        this(query, hidden, List.of(), Map.of(), false);
    }

    /** The name a column is shown under. */
    String shownName(String name) {
        return shown.getOrDefault(name, name);
    }

    static TransientSelect of(Query query, Catalog catalog, FunctionResolver functions) {
        List<SelectItem> items = new ArrayList<>();
        List<String> order = new ArrayList<>();
        Map<String, String> shown = new HashMap<>();
        boolean star = false;
        boolean structStar = false;
        int generated = 0;
        for (SelectItem item : query.select()) {
            if (item instanceof SelectItem.SingleColumn c) {
                String name;
                SelectItem out = c;
                if (c.alias().isPresent()) {
                    name = c.alias().get();
                } else if (c.expression() instanceof Expression.ColumnRef ref && PSEUDO.contains(ref.name())) {
                    // A join's sides each have their own: I1.ROWTIME is shown as I1_ROWTIME, as in ksqlDB.
                    String shownName = query.from() instanceof Relation.Join && ref.qualifier().isPresent()
                            ? ref.qualifier().get() + "_" + ref.name() : ref.name();
                    name = PSEUDO_PREFIX + shownName;
                    shown.put(name, shownName);
                    out = new SelectItem.SingleColumn(c.expression(), Optional.of(name), c.position());
                } else if (c.expression() instanceof Expression.ColumnRef ref) {
                    name = ref.name();
                } else if (c.expression() instanceof Expression.Dereference d) {
                    name = d.field();
                } else {
                    name = "KSQL_COL_" + generated++;
                }
                order.add(name);
                items.add(out);
            } else {
                star = true;
                if (item instanceof SelectItem.AllColumns && starNames(query, catalog, order)) {
                    items.add(item);
                    continue;
                }
                structStar = true;
                items.add(item);
            }
        }
        Query renamed = shown.isEmpty() ? query : new Query(items, query.from(), query.window(), query.where(),
                query.groupBy(), query.partitionBy(), query.having(), query.emit(), query.limit(), query.position());
        // An aggregate without GROUP BY (SELECT COUNT(*) FROM s) has no key to add.
        boolean ungroupedAggregate = query.groupBy().isEmpty() && query.select().stream()
                .anyMatch(i -> i instanceof SelectItem.SingleColumn c && hasAggregate(c.expression(), functions));
        TransientSelect keyed = ungroupedAggregate ? new TransientSelect(renamed, Set.of()) : keyed(renamed, catalog);
        boolean onlyStar = query.select().size() == 1 && star;
        return new TransientSelect(keyed.query(), keyed.hidden(), onlyStar || structStar ? List.of() : order, shown,
                star);
    }

    /**
     * Adds the names {@code *} expands to (keys, window bounds, values; values first when
     * re-keyed by PARTITION BY), or returns false when the source is not known here.
     */
    private static boolean starNames(Query query, Catalog catalog, List<String> order) {
        if (!(query.from() instanceof Relation.Source from)) {
            return false;
        }
        Optional<DataSource> source = catalog.findSource(from.name());
        if (source.isEmpty()) {
            return false;
        }
        boolean rekeyed = !query.partitionBy().isEmpty()
                && !(query.partitionBy().size() == 1 && query.partitionBy().get(0) instanceof Expression.NullLiteral);
        for (Column c : source.get().columns()) {
            if (c.isKey() != rekeyed) {
                order.add(c.name());
            }
        }
        if (!rekeyed && source.get().formats().window().isPresent()) {
            order.add("WINDOWSTART");
            order.add("WINDOWEND");
        }
        for (Column c : source.get().columns()) {
            if (c.isKey() == rekeyed) {
                order.add(c.name());
            }
        }
        return true;
    }

    private static boolean hasAggregate(Expression e, FunctionResolver functions) {
        if (e instanceof Expression.FunctionCall f && functions.isAggregate(f.name())) {
            return true;
        }
        return ExpressionChildren.of(e).stream().anyMatch(c -> hasAggregate(c, functions));
    }

    private static TransientSelect keyed(Query query, Catalog catalog) {
        List<Expression> keys = new ArrayList<>();
        if (!query.groupBy().isEmpty()) {
            keys.addAll(query.groupBy());
        } else if (!query.partitionBy().isEmpty()) {
            if (query.partitionBy().size() == 1 && query.partitionBy().get(0) instanceof Expression.NullLiteral) {
                return new TransientSelect(query, Set.of());
            }
            keys.addAll(query.partitionBy());
        } else {
            if (query.select().stream().anyMatch(i -> i instanceof SelectItem.AllColumns)
                    || !(query.from() instanceof Relation.Source from)) {
                return new TransientSelect(query, Set.of());
            }
            Optional<DataSource> source = catalog.findSource(from.name());
            if (source.isEmpty()) {
                return new TransientSelect(query, Set.of());
            }
            for (Column k : source.get().keyColumns()) {
                keys.add(new Expression.ColumnRef(Optional.empty(), k.name(), Position.UNKNOWN));
            }
        }
        Set<String> selected = new LinkedHashSet<>();
        for (SelectItem item : query.select()) {
            if (item instanceof SelectItem.SingleColumn c) {
                selected.add(SqlFormatter.format(c.expression()));
            }
        }
        List<SelectItem> added = new ArrayList<>();
        Set<String> hidden = new LinkedHashSet<>();
        for (Expression k : keys) {
            String text = SqlFormatter.format(k);
            if (selected.add(text)) {
                String name = k instanceof Expression.ColumnRef ref ? ref.name() : "KSQL_HIDDEN_KEY_" + hidden.size();
                hidden.add(name);
                added.add(new SelectItem.SingleColumn(k, Optional.of(name), Position.UNKNOWN));
            }
        }
        if (added.isEmpty()) {
            return new TransientSelect(query, Set.of());
        }
        added.addAll(query.select());
        return new TransientSelect(new Query(added, query.from(), query.window(), query.where(), query.groupBy(),
                query.partitionBy(), query.having(), query.emit(), query.limit(), query.position()), hidden);
    }
}
