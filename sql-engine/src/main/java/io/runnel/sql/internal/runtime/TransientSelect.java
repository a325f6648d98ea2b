package io.runnel.sql.internal.runtime;

import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.SelectItem;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.ast.Relation;
import io.runnel.sql.internal.parser.SqlFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A push or pull query may leave its key out of the projection ({@code SELECT v FROM s}), which a
 * persistent query may not. The analyzer applies the persistent rule, so the key expressions
 * (the source's key columns, GROUP BY or PARTITION BY expressions) that the projection lacks are
 * added in front of it, and named as hidden: they key the rows but are not shown.
 *
 * @param query  the query as analyzed
 * @param hidden names of the key columns added (not shown)
 */
record TransientSelect(Query query, Set<String> hidden) {

    static TransientSelect of(Query query, Catalog catalog) {
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
