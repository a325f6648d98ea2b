package io.runnel.cli;

import io.runnel.server.api.StatementExecutorFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Drives the interactive embedded shell as a user at a terminal would: each line is typed when
 * the {@code runnel> } prompt shows, and the keyboard stays open until the shell exits.
 */
final class TypedShell {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code ./runnel --data-dir DIR/data} and types {@code lines} (each without its newline). */
    int run(Path dir, List<String> lines) throws IOException {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keyboard, 1 << 16);
        OutputStream screen = new OutputStream() {
            private final StringBuilder tail = new StringBuilder();
            private int next;

            @Override
            public synchronized void write(int b) throws IOException {
                out.write(b);
                tail.append((char) b);
                if (tail.length() > 16) {
                    tail.delete(0, tail.length() - 16);
                }
                if (tail.toString().endsWith("runnel> ") && next < lines.size()) {
                    tail.setLength(0);
                    keyboard.write((lines.get(next++) + "\n").getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                }
            }
        };
        int code = RunnelMain.run(new String[] {"--data-dir", dir.resolve("data").toString(),
                "--history-file", dir.resolve("history").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), StatementExecutorFactory::load, in, screen);
        keyboard.close();
        return code;
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
