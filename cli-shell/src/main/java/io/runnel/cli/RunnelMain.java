package io.runnel.cli;

import io.runnel.cli.internal.Options;
import io.runnel.cli.internal.OutputFormat;
import io.runnel.cli.internal.Shell;
import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.api.StatementExecutor;
import io.runnel.server.api.StatementExecutorFactory;
import io.runnel.server.client.RunnelClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * What {@code ./runnel} starts.
 *
 * <pre>
 * ./runnel [shell] [--server URL] [--data-dir D] [--file F | --execute SQL] [--output table|json]
 * ./runnel server [--port N] [--bind ADDRESS] [--data-dir D] [--config FILE]
 * ./runnel help | version
 * </pre>
 *
 * The server and the embedded shell need a {@link StatementExecutorFactory} (the SQL engine's
 * adapter, found through {@link java.util.ServiceLoader}); until it is on the class path they say
 * so and exit with code 1. {@code shell --server URL} works against any running Runnel (or
 * ksqlDB) server.
 */
public final class RunnelMain {
    /** Held so that the level set on it stays (loggers are otherwise weakly referenced). */
    private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger("io.runnel.server");

    private static final Set<String> SHELL_OPTIONS = Set.of("server", "data-dir", "file", "execute", "output",
            "history-file");
    private static final Set<String> SERVER_OPTIONS = Set.of("port", "bind", "data-dir", "config");

    private RunnelMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, StatementExecutorFactory::load, System.in, System.out));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, StatementExecutorFactory::load, InputStream.nullInputStream(), out);
    }

    /**
     * @param factories finds the engine (the ServiceLoader in production)
     * @param in        what the shell reads when interactive
     * @param terminalOut where an interactive shell writes (the terminal)
     */
    static int run(String[] args, PrintStream out, PrintStream err, Supplier<Optional<StatementExecutorFactory>> factories,
            InputStream in, OutputStream terminalOut) {
        String command = args.length == 0 || args[0].startsWith("--") ? "shell" : args[0];
        List<String> rest = Arrays.asList(args).subList(args.length == 0 || args[0].startsWith("--") ? 0 : 1,
                args.length);
        try {
            switch (command) {
                case "help", "--help", "-h" -> {
                    printHelp(out);
                    return 0;
                }
                case "version", "--version" -> {
                    out.println("runnel " + version());
                    return 0;
                }
                case "shell" -> {
                    return shell(Options.parse(rest, SHELL_OPTIONS), out, err, factories, in, terminalOut);
                }
                case "server" -> {
                    return server(Options.parse(rest, SERVER_OPTIONS), out, err, factories);
                }
                case "conformance" -> {
                    // one server per REST case: keep their start/stop lines out of the report
                    SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
                    return io.runnel.sql.conformance.ConformanceMain.run(rest.toArray(new String[0]), out, err,
                            io.runnel.server.conformance.HttpCaseExecutor::new);
                }
                default -> {
                    err.println("runnel: '" + command + "' is not available in this build.");
                    printHelp(err);
                    return 2;
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("runnel " + command + ": " + e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            err.println("runnel " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private static int shell(Options options, PrintStream out, PrintStream err,
            Supplier<Optional<StatementExecutorFactory>> factories, InputStream in, OutputStream terminalOut) {
        OutputFormat format = OutputFormat.parse(options.get("output", "table"));
        String script = script(options);
        Path dataDir = Path.of(options.get("data-dir", "runnel-data"));
        Path history = options.get("history-file") != null ? Path.of(options.get("history-file"))
                : Path.of(System.getProperty("user.home"), ".runnel", "history");
        if (options.get("server") != null) {
            RunnelClient client = RunnelClient.create(URI.create(options.get("server")));
            return runShell(client, script, format, history, out, in, terminalOut);
        }
        Optional<StatementExecutorFactory> factory = factories.get();
        if (factory.isEmpty()) {
            err.println("runnel shell: the embedded SQL engine is not wired into this build yet "
                    + "(no io.runnel.server.api.StatementExecutorFactory on the class path).");
            err.println("Connect to a running server instead: ./runnel shell --server http://127.0.0.1:8088");
            return 1;
        }
        // The embedded engine's informational logs would mix with the shell's output.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        try (StatementExecutor executor = factory.get().create(dataDir, Map.of());
                RunnelServer server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0)
                        .withDataDir(dataDir), executor)) {
            return runShell(RunnelClient.create(server.uri()), script, format, history, out, in, terminalOut);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("runnel shell: cannot open the engine on " + dataDir + ": " + e.getMessage());
            return 1;
        }
    }

    private static String script(Options options) {
        if (options.get("execute") != null && options.get("file") != null) {
            throw new IllegalArgumentException("use either --execute or --file, not both");
        }
        if (options.get("execute") != null) {
            return options.get("execute");
        }
        if (options.get("file") != null) {
            try {
                return Files.readString(Path.of(options.get("file")), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + options.get("file") + ": " + e.getMessage());
            }
        }
        return null;
    }

    private static int runShell(RunnelClient client, String script, OutputFormat format, Path history, PrintStream out,
            InputStream in, OutputStream terminalOut) {
        try (Terminal terminal = script != null
                ? TerminalBuilder.builder().system(false).streams(InputStream.nullInputStream(), out)
                        .type(Terminal.TYPE_DUMB).dumb(true).build()
                : terminal(in, terminalOut)) {
            if (script != null) {
                PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
                return new Shell(client, terminal, writer, null, format).runScript(script) ? 0 : 1;
            }
            Shell shell = new Shell(client, terminal, history, format);
            if (history != null && history.getParent() != null) {
                Files.createDirectories(history.getParent());
            }
            return shell.runInteractive();
        } catch (IOException e) {
            out.println("runnel shell: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    private static Terminal terminal(InputStream in, OutputStream terminalOut) throws IOException {
        if (in == System.in) {
            return TerminalBuilder.builder().system(true).dumb(true).build();
        }
        return TerminalBuilder.builder().system(false).streams(in, terminalOut).type(Terminal.TYPE_DUMB).dumb(true)
                .build();
    }

    private static int server(Options options, PrintStream out, PrintStream err,
            Supplier<Optional<StatementExecutorFactory>> factories) {
        ServerSetup setup = ServerSetup.from(options);
        Optional<StatementExecutorFactory> factory = factories.get();
        if (factory.isEmpty()) {
            err.println("runnel server: the SQL engine is not wired into this build yet "
                    + "(no io.runnel.server.api.StatementExecutorFactory on the class path), so there is "
                    + "nothing to serve. The REST server is ready; it starts once the engine adapter lands.");
            return 1;
        }
        // SIGTERM (or Ctrl-C) runs the hook: it wakes this thread and holds the JVM until the server
        // and the engine are closed (queries stopped and committed, logs flushed with their
        // clean-shutdown markers), since the JVM halts as soon as its hooks return.
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(SHUTDOWN_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "runnel-server-shutdown");
        try {
            try (StatementExecutor executor = factory.get().create(setup.config().dataDir(), setup.engineProperties());
                    RunnelServer server = RunnelServer.start(setup.config(), executor)) {
                out.println("Runnel server " + version() + " listening on " + server.uri()
                        + " (data in " + setup.config().dataDir() + "). Ctrl-C stops it.");
                Runtime.getRuntime().addShutdownHook(hook);
                stopped.await();
                out.println("Runnel server stopping");
            }
            out.println("Runnel server stopped");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            err.println("runnel server: cannot start: " + e.getMessage());
            return 1;
        } finally {
            closed.countDown();
        }
    }

    /** How long a SIGTERM waits for the server and engine to close before the JVM halts anyway. */
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 60;

    /** The server's configuration from {@code --config} (a properties file) and the flags. */
    record ServerSetup(RunnelServerConfig config, Map<String, Object> engineProperties) {

        static ServerSetup from(Options options) {
            Properties file = new Properties();
            if (options.get("config") != null) {
                try (Reader reader = Files.newBufferedReader(Path.of(options.get("config")), StandardCharsets.UTF_8)) {
                    file.load(reader);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + options.get("config") + ": " + e.getMessage());
                }
            }
            RunnelServerConfig config = RunnelServerConfig.defaults();
            String listeners = file.getProperty("listeners");
            if (listeners != null) {
                URI uri = URI.create(listeners.split(",")[0].strip());
                config = config.withBindAddress(uri.getHost()).withPort(uri.getPort() < 0 ? 8088 : uri.getPort());
            }
            if (file.getProperty("ksql.service.id") != null) {
                config = config.withServiceId(file.getProperty("ksql.service.id"));
            }
            String dataDir = options.get("data-dir", file.getProperty("runnel.data.dir", "runnel-data"));
            config = config.withDataDir(Path.of(dataDir));
            if (options.get("bind") != null) {
                config = config.withBindAddress(options.get("bind"));
            }
            if (options.get("port") != null) {
                try {
                    config = config.withPort(Integer.parseInt(options.get("port")));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--port must be a number: " + options.get("port"));
                }
            }
            Map<String, Object> engine = new HashMap<>();
            file.stringPropertyNames().forEach(name -> engine.put(name, file.getProperty(name)));
            return new ServerSetup(config, engine);
        }
    }

    private static void printHelp(PrintStream out) {
        out.println("Runnel " + version() + " - a streaming platform in one JVM.");
        out.println();
        out.println("Available now:");
        out.println("  ./runnel [shell] [--data-dir D]        the SQL shell on an embedded engine (data in ./runnel-data)");
        out.println("        [--file F | --execute SQL] [--output table|json] [--history-file F]");
        out.println("  ./runnel server [--port N] [--bind ADDRESS] [--data-dir D] [--config FILE]");
        out.println("                                         the REST server (ksqlDB's API, port 8088)");
        out.println("  ./runnel help                          this text");
        out.println("  ./runnel version                       the version");
        out.println("  ./runnel shell --server URL            the SQL shell on a running server (Runnel or ksqlDB)");
        out.println("        [--file F | --execute SQL] [--output table|json] [--history-file F]");
        out.println("  ./runnel conformance DIR [--report F]  run ksqlDB-style QTT and REST QTT test files on the SQL engine");
        out.println("  java -jar benchmarks/target/benchmarks.jar list    the benchmark workloads");
    }

    static String version() {
        String v = RunnelMain.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
