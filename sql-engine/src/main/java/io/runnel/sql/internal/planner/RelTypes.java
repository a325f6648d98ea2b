package io.runnel.sql.internal.planner;

import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * ksqlDB types as Calcite row types: BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL(p, s), STRING
 * (VARCHAR), BYTES (VARBINARY), DATE, TIME, TIMESTAMP, ARRAY, MAP and STRUCT (ROW); every column
 * is nullable, as every ksqlDB column is. DECIMAL keeps ksqlDB's precision (up to
 * {@link SqlType.Decimal#MAX_PRECISION}). One factory per planned query; not thread-safe.
 */
final class RelTypes {
    private final RelDataTypeFactory factory = new JavaTypeFactoryImpl(new TypeSystem());

    RelDataTypeFactory factory() {
        return factory;
    }

    /** The nullable Calcite type of a ksqlDB type; a bare NULL (null) is Calcite's NULL type. */
    RelDataType of(SqlType type) {
        if (type == null) {
            return factory.createSqlType(SqlTypeName.NULL);
        }
        return factory.createTypeWithNullability(plain(type), true);
    }

    private RelDataType plain(SqlType type) {
        if (type instanceof SqlType.Decimal d) {
            return factory.createSqlType(SqlTypeName.DECIMAL, d.precision(), d.scale());
        } else if (type instanceof SqlType.Array a) {
            return factory.createArrayType(of(a.element()), -1);
        } else if (type instanceof SqlType.Map m) {
            return factory.createMapType(of(m.key()), of(m.value()));
        } else if (type instanceof SqlType.Struct s) {
            List<RelDataType> types = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (SqlType.Field f : s.fields()) {
                names.add(f.name());
                types.add(of(f.type()));
            }
            return factory.createStructType(types, names);
        }
        return switch (type.baseType()) {
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            case STRING -> factory.createSqlType(SqlTypeName.VARCHAR);
            case BYTES -> factory.createSqlType(SqlTypeName.VARBINARY);
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIME -> factory.createSqlType(SqlTypeName.TIME);
            case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            default -> throw new IllegalStateException("type not handled: " + type.sql());
        };
    }

    /**
     * A row type with one field per schema field, named {@code ALIAS.NAME} (or {@code NAME} for a
     * field no source owns) and made unique with a {@code #n} suffix, so plans print readably.
     */
    RelDataType row(RowSchema schema) {
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (RowSchema.Field f : schema.fields()) {
            types.add(of(f.type()));
            names.add(unique(f.source().map(s -> s + ".").orElse("") + f.name(), taken));
        }
        return factory.createStructType(types, names);
    }

    static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 1; !taken.add(candidate); n++) {
            candidate = name + "#" + n;
        }
        return candidate;
    }

    /** Calcite's type system with ksqlDB's DECIMAL precision. */
    private static final class TypeSystem extends RelDataTypeSystemImpl {
        @Override
        public int getMaxPrecision(SqlTypeName typeName) {
            return typeName == SqlTypeName.DECIMAL ? SqlType.Decimal.MAX_PRECISION : super.getMaxPrecision(typeName);
        }

        @Override
        public int getMaxScale(SqlTypeName typeName) {
            return typeName == SqlTypeName.DECIMAL ? SqlType.Decimal.MAX_PRECISION : super.getMaxScale(typeName);
        }
    }
}
