package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Types every {@code runnel> } line of the README's "A first session" into the embedded shell, as
 * a new user would, and checks what the README shows them getting. The lines are read from the
 * README itself, so the quickstart cannot drift from what works.
 */
@Timeout(180)
class ReadmeQuickstartTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ALICE_WINDOW = Pattern.compile(
            "\\| alice\\s+\\| \\d{13}\\s+\\| \\d{13}\\s+\\| (\\d+)\\s+\\|");

    @TempDir
    Path dir;

    @Test
    void shouldGiveWhatTheReadmeShowsForEveryLineOfTheFirstSession() throws Exception {
        List<String> typed = firstSessionLines();
        assertThat(typed).as("runnel> lines of the README's first session").hasSizeGreaterThanOrEqualTo(8);
        typed.add("exit");
        TypedShell shell = new TypedShell();

        int code = shell.run(dir, typed);

        String out = shell.out();
        assertThat(code).as(out + shell.err()).isZero();
        assertThat(out).contains("Stream created").contains("Created query with ID CTAS_VIEWS_PER_MINUTE_0")
                .contains("Successfully changed local property 'auto.offset.reset' to 'earliest'.")
                .contains("Limit Reached");
        // alice's two views, in one window (or two, if a minute boundary fell between the inserts)
        Matcher m = ALICE_WINDOW.matcher(out);
        int views = 0;
        while (m.find()) {
            views += Integer.parseInt(m.group(1));
        }
        assertThat(views).as(out).isEqualTo(2);
        // the push query's rows come after the SET (typed lines are not echoed)
        String push = out.substring(out.indexOf("Successfully changed local property"));
        assertThat(push).containsSubsequence("| alice", "| home", "| bob", "| home", "| alice", "| cart",
                "Limit Reached");
    }

    private static List<String> firstSessionLines() throws Exception {
        String readme = Files.readString(README);
        String session = readme.substring(readme.indexOf("### A first session"), readme.indexOf("### The server"));
        List<String> lines = new ArrayList<>();
        for (String line : session.split("\n")) {
            if (line.startsWith("runnel> ")) {
                lines.add(line.substring("runnel> ".length()));
            }
        }
        return lines;
    }
}
