package io.runnel.bench.sql;

import io.runnel.bench.Workload;
import java.util.List;

/**
 * The SQL-vs-DSL workloads of issue 5: each query in SQL through the engine against the same
 * topology written with the DSL, same input, same run; {@link io.runnel.bench.Workloads} lists
 * every package's registry. Options: see {@link SqlVsDslWorkload}.
 */
public final class SqlWorkloads {

    /** In the order {@code list} prints them. */
    public static final List<Workload> ALL = List.of(
            new SqlVsDslWorkload(SqlVsDslQuery.FILTER),
            new SqlVsDslWorkload(SqlVsDslQuery.GROUPBY),
            new SqlVsDslWorkload(SqlVsDslQuery.WINDOW));

    private SqlWorkloads() {
    }
}
