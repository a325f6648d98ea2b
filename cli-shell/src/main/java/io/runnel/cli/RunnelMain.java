package io.runnel.cli;

import java.io.PrintStream;

/**
 * What {@code ./runnel} starts. Sub-commands are added here as the modules behind them land;
 * until the shell exists it says what is available instead of pretending.
 */
public final class RunnelMain {

    private RunnelMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "shell" : args[0];
        switch (command) {
            case "help", "--help", "-h" -> {
                printHelp(out);
                return 0;
            }
            case "version", "--version" -> {
                out.println("runnel " + version());
                return 0;
            }
            default -> {
                err.println("runnel: '" + command + "' is not available yet in this build.");
                printHelp(err);
                return 2;
            }
        }
    }

    private static void printHelp(PrintStream out) {
        out.println("Runnel " + version() + " - a streaming platform in one JVM.");
        out.println();
        out.println("Available now:");
        out.println("  ./runnel help        this text");
        out.println("  ./runnel version     the version");
        out.println("  java -jar benchmarks/target/benchmarks.jar list    the benchmark workloads");
        out.println();
        out.println("Coming with the SQL engine and server issues: ./runnel (interactive shell),");
        out.println("./runnel server, ./runnel conformance DIR.");
    }

    static String version() {
        String v = RunnelMain.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
