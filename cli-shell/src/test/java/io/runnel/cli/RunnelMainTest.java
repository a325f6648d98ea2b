package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RunnelMainTest {

    @Test
    void shouldListWhatIsAvailableOnHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = RunnelMain.run(new String[] {"help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Available now:").contains("benchmarks.jar list");
    }

    @Test
    void shouldRefuseUnknownCommandWithExitCode2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RunnelMain.run(new String[] {"frobnicate"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'frobnicate' is not available");
    }
}
