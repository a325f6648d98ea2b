package io.runnel.bench.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workloads;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of {@code pull-lookup} on a small table (no timing is checked). */
class PullLookupWorkloadTest {
    @TempDir
    Path dir;

    @Test
    void shouldFindEveryLookedUpKeyFromTheStoreAndByATopicScan() throws Exception {
        List<Result> results = Workloads.find("pull-lookup").orElseThrow().run(Options.of(Map.of("keys", "500",
                "lookups", "50", "scan-lookups", "3", "warmup", "5", "dir", dir.toString())));

        assertThat(results).extracting(r -> r.figures().get("path")).containsExactly("store", "topic_scan");
        assertThat(results).extracting(r -> r.figures().get("lookups")).containsExactly(50, 3);
        assertThat(results).allSatisfy(r -> assertThat(r.recordsPerSecond()).isPositive());
    }
}
