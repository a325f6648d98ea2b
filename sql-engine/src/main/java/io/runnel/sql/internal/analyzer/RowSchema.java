package io.runnel.sql.internal.analyzer;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.catalog.NameSuggester;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The columns an expression can see, in the order they are laid out in the evaluated row
 * ({@code Object[]}; the index of a field is its position here). A field may belong to a named
 * source (its alias in the FROM clause) so that {@code s.col} resolves; an unqualified name must
 * match exactly one field.
 */
public record RowSchema(List<Field> fields) {

    /** One column: the source alias it came from (if any), its name and its type. */
    public record Field(Optional<String> source, String name, SqlType type) {
        public Field {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        public static Field of(String name, SqlType type) {
            return new Field(Optional.empty(), name, type);
        }
    }

    public RowSchema {
        fields = List.copyOf(fields);
    }

    public static RowSchema of(Field... fields) {
        return new RowSchema(List.of(fields));
    }

    /**
     * The index of the field named {@code name} (qualified by {@code source} if present).
     *
     * @throws SqlException COLUMN_NOT_FOUND (with the closest name as a suggestion), or
     *                      INVALID_STATEMENT when an unqualified name is ambiguous
     */
    public int indexOf(Optional<String> source, String name) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.name().equals(name) && (source.isEmpty() || f.source().equals(source))) {
                found.add(i);
            }
        }
        if (found.size() > 1) {
            // An unqualified name prefers the one field no source owns (a join's ROWTIME, ROWKEY).
            List<Integer> unowned = found.stream().filter(i -> fields.get(i).source().isEmpty()).toList();
            if (unowned.size() == 1) {
                return unowned.get(0);
            }
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Column '" + name + "' is ambiguous. Could be "
                    + String.join(" or ", found.stream().map(i -> fields.get(i).source().orElse("?") + "." + name)
                    .toList()) + ".");
        }
        if (found.isEmpty()) {
            if (source.isPresent() && fields.stream().noneMatch(f -> f.source().equals(source))) {
                throw new SqlException(SqlErrorCode.COLUMN_NOT_FOUND, "Failed to prepare statement: '" + source.get()
                        + "' is not a valid stream/table name or alias.");
            }
            List<String> names = new ArrayList<>();
            for (Field f : fields) {
                names.add(f.name());
            }
            String shown = source.map(s -> s + ".").orElse("") + name;
            String hint = NameSuggester.closest(name, names).map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new SqlException(SqlErrorCode.COLUMN_NOT_FOUND, "Column '" + shown + "' cannot be resolved" + hint);
        }
        return found.get(0);
    }

    public Field field(int index) {
        return fields.get(index);
    }

    public int size() {
        return fields.size();
    }
}
