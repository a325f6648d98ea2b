package io.runnel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void shouldPrintOneMachineReadableLineWithFiguresInOrder() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("MB_per_s", 12.5);
        figures.put("p99_ms", 3L);
        Result r = new Result("log-append", "runnel", 1234567.4, figures);
        assertThat(r.line()).isEqualTo("result workload=log-append system=runnel records_per_s=1234567 MB_per_s=12.500 p99_ms=3");
    }

    @Test
    void shouldParseBothOptionSpellingsAndReportUnusedOnes() {
        Options o = Options.parse(new String[] {"--records", "1_000", "--flush=always", "--typo", "x"});
        assertThat(o.longValue("records", 5)).isEqualTo(1000);
        assertThat(o.string("flush", "none")).isEqualTo("always");
        assertThat(o.unused()).containsOnlyKeys("typo");
        assertThatThrownBy(() -> Options.parse(new String[] {"--n", "abc"}).longValue("n", 1))
                .hasMessageContaining("--n takes a whole number");
    }
}
