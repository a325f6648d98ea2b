package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Struct;
import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import io.runnel.sql.function.UdfSchemaProvider;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ksqlDB's map functions. */
public final class MapFunctions {
    private MapFunctions() {
    }

    @UdfDescription(name = "as_map", category = "MAP",
            description = "A map from an array of keys and an array of values (pairs by position; extra ones dropped).")
    public static final class AsMap {
        @Udf
        public static <T> Map<String, T> asMap(@UdfParameter("keys") List<String> keys, @UdfParameter("values") List<T> values) {
            if (keys == null || values == null) return null;
            Map<String, T> out = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                if (keys.get(i) != null) out.put(keys.get(i), values.get(i));
            }
            return out;
        }
    }

    @UdfDescription(name = "map_keys", category = "MAP", description = "The keys of a map.")
    public static final class MapKeys {
        @Udf
        public static <K, V> List<K> mapKeys(@UdfParameter("input") Map<K, V> input) {
            return input == null ? null : new ArrayList<>(input.keySet());
        }
    }

    @UdfDescription(name = "map_values", category = "MAP", description = "The values of a map.")
    public static final class MapValues {
        @Udf
        public static <K, V> List<V> mapValues(@UdfParameter("input") Map<K, V> input) {
            return input == null ? null : new ArrayList<>(input.values());
        }
    }

    @UdfDescription(name = "map_union", category = "MAP",
            description = "The entries of both maps; the second map's value wins for a key in both. NULL maps count as empty.")
    public static final class MapUnion {
        @Udf
        public static <K, V> Map<K, V> mapUnion(@UdfParameter("map1") Map<K, V> map1, @UdfParameter("map2") Map<K, V> map2) {
            if (map1 == null && map2 == null) return null;
            Map<K, V> out = new LinkedHashMap<>();
            if (map1 != null) out.putAll(map1);
            if (map2 != null) out.putAll(map2);
            return out;
        }
    }

    @UdfDescription(name = "entries", category = "MAP",
            description = "The entries of a map as an array of STRUCT<K STRING, V ...>, optionally sorted by key.")
    public static final class Entries {
        @Udf(schemaProvider = "entriesType")
        public static <V> List<Struct> entries(@UdfParameter("map") Map<String, V> map, @UdfParameter("sorted") Boolean sorted) {
            if (map == null || sorted == null) return null;
            List<String> keys = new ArrayList<>(map.keySet());
            if (sorted) keys.sort(null);
            List<Struct> out = new ArrayList<>();
            for (String k : keys) out.add(Struct.builder().put("K", k).put("V", map.get(k)).build());
            return out;
        }

        @UdfSchemaProvider
        public static SqlType entriesType(List<SqlType> params) {
            SqlType.Map map = (SqlType.Map) params.get(0);
            return new SqlType.Array(new SqlType.Struct(List.of(new SqlType.Field("K", SqlType.STRING),
                    new SqlType.Field("V", map.value()))));
        }
    }
}
