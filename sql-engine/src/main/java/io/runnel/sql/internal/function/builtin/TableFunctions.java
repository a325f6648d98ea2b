package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udtf;
import io.runnel.sql.function.UdtfDescription;
import io.runnel.sql.function.UdfParameter;
import io.runnel.sql.function.UdfSchemaProvider;
import io.runnel.sql.internal.catalog.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** EXPLODE and CUBE_EXPLODE: table functions producing one row per element. */
public final class TableFunctions {
    private TableFunctions() {
    }

    @UdtfDescription(name = "explode", category = "TABLE", description = "One row per element of an array; none for a NULL array.")
    public static final class Explode {
        @Udtf
        public static <T> List<T> explodeList(@UdfParameter("list") List<T> list) {
            return list == null ? List.of() : list;
        }

        @Udtf(schemaProvider = "elementType")
        public static List<BigDecimal> explode(@UdfParameter("input") List<BigDecimal> input) {
            return input == null ? List.of() : input;
        }

        @UdfSchemaProvider
        public static SqlType elementType(List<SqlType> params) {
            return ((SqlType.Array) params.get(0)).element();
        }
    }

    @UdtfDescription(name = "cube_explode", category = "TABLE",
            description = "One row per grouping set of the array's elements (each element kept or NULL), all-NULL first; "
                    + "combinations repeated because an element is NULL are left out.")
    public static final class CubeExplode {
        @Udtf
        public static <T> List<List<T>> cubeExplode(@UdfParameter("columns") List<T> columns) {
            if (columns == null) return List.of();
            int n = columns.size();
            List<List<T>> out = new ArrayList<>();
            for (int mask = 0; mask < (1 << n); mask++) {
                List<T> row = new ArrayList<>(n);
                boolean duplicate = false;
                for (int i = 0; i < n; i++) {
                    boolean kept = (mask & (1 << (n - 1 - i))) != 0;
                    if (kept && columns.get(i) == null) duplicate = true;
                    row.add(kept ? columns.get(i) : null);
                }
                if (!duplicate) out.add(row);
            }
            return out;
        }
    }
}
