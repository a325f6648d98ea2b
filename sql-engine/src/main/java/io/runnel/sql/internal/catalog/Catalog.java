package io.runnel.sql.internal.catalog;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The streams, tables and custom types known to the engine, as an immutable snapshot: every change
 * returns a new Catalog, so readers (pull queries, DESCRIBE) never see a half-applied DDL and the
 * command log can replay DDL into a fresh snapshot. Names are exact (already normalized by the
 * parser); misses report the closest existing name.
 */
public final class Catalog {

    private static final Catalog EMPTY = new Catalog(new TreeMap<>(), new TreeMap<>());

    private final Map<String, DataSource> sources;
    private final Map<String, SqlType> types;

    private Catalog(TreeMap<String, DataSource> sources, TreeMap<String, SqlType> types) {
        this.sources = Collections.unmodifiableMap(sources);
        this.types = Collections.unmodifiableMap(types);
    }

    public static Catalog empty() {
        return EMPTY;
    }

    /** Sources by name, in name order. */
    public Map<String, DataSource> sources() {
        return sources;
    }

    /** Custom types by name, in name order. */
    public Map<String, SqlType> types() {
        return types;
    }

    public Optional<DataSource> findSource(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /** The source with this name, or a SOURCE_NOT_FOUND error suggesting the closest name. */
    public DataSource source(String name) {
        DataSource source = sources.get(name);
        if (source == null) {
            throw new SqlException(SqlErrorCode.SOURCE_NOT_FOUND, "Stream or table '" + name + "' not found"
                    + suggestion(name, sources));
        }
        return source;
    }

    public Optional<SqlType> findType(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** The custom type with this name, or a TYPE_NOT_FOUND error suggesting the closest name. */
    public SqlType type(String name) {
        SqlType type = types.get(name);
        if (type == null) {
            throw new SqlException(SqlErrorCode.TYPE_NOT_FOUND, "Type '" + name + "' not found" + suggestion(name, types));
        }
        return type;
    }

    /**
     * This catalog plus {@code source}; with {@code replace} an existing source of the same name
     * and kind is replaced, otherwise an existing name is an ALREADY_EXISTS error.
     */
    public Catalog withSource(DataSource source, boolean replace) {
        Objects.requireNonNull(source, "source");
        DataSource existing = sources.get(source.name());
        if (existing != null && (!replace || existing.kind() != source.kind())) {
            throw new SqlException(SqlErrorCode.ALREADY_EXISTS, "Cannot add " + DataSource.describe(source.kind(),
                    source.name()) + ": a " + DataSource.describe(existing.kind(), existing.name()) + " already exists");
        }
        TreeMap<String, DataSource> copy = new TreeMap<>(sources);
        copy.put(source.name(), source);
        return new Catalog(copy, new TreeMap<>(types));
    }

    /** This catalog without the named source; a SOURCE_NOT_FOUND error if there is none. */
    public Catalog withoutSource(String name) {
        source(name);
        TreeMap<String, DataSource> copy = new TreeMap<>(sources);
        copy.remove(name);
        return new Catalog(copy, new TreeMap<>(types));
    }

    /** This catalog plus a custom type; an existing name is an ALREADY_EXISTS error. */
    public Catalog withType(String name, SqlType type) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (types.containsKey(name)) {
            throw new SqlException(SqlErrorCode.ALREADY_EXISTS, "Cannot register custom type '" + name
                    + "' since it is already registered with type: " + types.get(name).sql());
        }
        TreeMap<String, SqlType> copy = new TreeMap<>(types);
        copy.put(name, type);
        return new Catalog(new TreeMap<>(sources), copy);
    }

    /** This catalog without the named custom type; a TYPE_NOT_FOUND error if there is none. */
    public Catalog withoutType(String name) {
        type(name);
        TreeMap<String, SqlType> copy = new TreeMap<>(types);
        copy.remove(name);
        return new Catalog(new TreeMap<>(sources), copy);
    }

    private static String suggestion(String name, Map<String, ?> known) {
        return NameSuggester.closest(name, known.keySet()).map(n -> "; did you mean '" + n + "'?").orElse("");
    }
}
