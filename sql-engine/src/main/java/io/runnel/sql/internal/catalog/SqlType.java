package io.runnel.sql.internal.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A resolved SQL type (custom type names already replaced by their definition). Equality is
 * structural; {@link #sql()} prints the type the way ksqlDB shows schemas, e.g.
 * {@code STRUCT<`A` INTEGER, `B` ARRAY<DECIMAL(4, 2)>>}.
 */
public sealed interface SqlType {

    SqlBaseType baseType();

    /** The type as SQL text, with struct field names back-quoted. */
    String sql();

    SqlType BOOLEAN = new Primitive(SqlBaseType.BOOLEAN);
    SqlType INTEGER = new Primitive(SqlBaseType.INTEGER);
    SqlType BIGINT = new Primitive(SqlBaseType.BIGINT);
    SqlType DOUBLE = new Primitive(SqlBaseType.DOUBLE);
    SqlType STRING = new Primitive(SqlBaseType.STRING);
    SqlType BYTES = new Primitive(SqlBaseType.BYTES);
    SqlType DATE = new Primitive(SqlBaseType.DATE);
    SqlType TIME = new Primitive(SqlBaseType.TIME);
    SqlType TIMESTAMP = new Primitive(SqlBaseType.TIMESTAMP);

    /** A type without parameters: BOOLEAN, INTEGER, BIGINT, DOUBLE, STRING, BYTES, DATE, TIME, TIMESTAMP. */
    record Primitive(SqlBaseType baseType) implements SqlType {
        public Primitive {
            Objects.requireNonNull(baseType, "baseType");
            if (baseType == SqlBaseType.DECIMAL || baseType == SqlBaseType.ARRAY || baseType == SqlBaseType.MAP
                    || baseType == SqlBaseType.STRUCT) {
                throw new IllegalArgumentException(baseType + " has parameters; use its own record");
            }
        }

        @Override
        public String sql() {
            return baseType.name();
        }
    }

    /** DECIMAL(precision, scale): 1 <= precision <= 1000, 0 <= scale <= precision. */
    record Decimal(int precision, int scale) implements SqlType {
        public static final int MAX_PRECISION = 1000;

        public Decimal {
            if (precision < 1 || precision > MAX_PRECISION) {
                throw new IllegalArgumentException("DECIMAL precision must be between 1 and " + MAX_PRECISION + ": "
                        + precision);
            }
            if (scale < 0 || scale > precision) {
                throw new IllegalArgumentException("DECIMAL scale must be between 0 and precision " + precision + ": "
                        + scale);
            }
        }

        @Override
        public SqlBaseType baseType() {
            return SqlBaseType.DECIMAL;
        }

        @Override
        public String sql() {
            return "DECIMAL(" + precision + ", " + scale + ")";
        }
    }

    record Array(SqlType element) implements SqlType {
        public Array {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public SqlBaseType baseType() {
            return SqlBaseType.ARRAY;
        }

        @Override
        public String sql() {
            return "ARRAY<" + element.sql() + ">";
        }
    }

    record Map(SqlType key, SqlType value) implements SqlType {
        public Map {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public SqlBaseType baseType() {
            return SqlBaseType.MAP;
        }

        @Override
        public String sql() {
            return "MAP<" + key.sql() + ", " + value.sql() + ">";
        }
    }

    record Field(String name, SqlType type) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (name.isEmpty()) throw new IllegalArgumentException("empty field name");
        }
    }

    /** STRUCT with uniquely named fields, in declaration order. */
    record Struct(List<Field> fields) implements SqlType {
        public Struct {
            fields = List.copyOf(fields);
            Set<String> names = new HashSet<>();
            for (Field field : fields) {
                if (!names.add(field.name())) throw new IllegalArgumentException("duplicate field " + field.name());
            }
        }

        public Optional<Field> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }

        @Override
        public SqlBaseType baseType() {
            return SqlBaseType.STRUCT;
        }

        @Override
        public String sql() {
            return "STRUCT<" + fields.stream().map(f -> quote(f.name()) + " " + f.type().sql())
                    .collect(Collectors.joining(", ")) + ">";
        }
    }

    /** A name in back quotes, as ksqlDB prints names in schemas. */
    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
