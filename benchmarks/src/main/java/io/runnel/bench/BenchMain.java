package io.runnel.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of {@code benchmarks.jar}:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar list
 *   java -jar benchmarks/target/benchmarks.jar WORKLOAD [--option value ...]
 *   java -jar benchmarks/target/benchmarks.jar jmh [JMH options]
 * </pre>
 * A workload run ends with one {@code result workload=... system=... records_per_s=...} line per
 * system measured.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("list") || args[0].equals("--help")) {
            out.println("usage: java -jar benchmarks.jar WORKLOAD [--option value ...] | list | jmh [JMH args]");
            out.println("workloads:");
            for (Workload w : Workloads.ALL) {
                out.printf("  %-28s %s%n", w.name(), w.description());
            }
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return 0;
        }
        Optional<Workload> workload = Workloads.find(args[0]);
        if (workload.isEmpty()) {
            err.println("unknown workload '" + args[0] + "'; 'list' names them");
            return 2;
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        List<Result> results = workload.get().run(options);
        if (!options.unused().isEmpty()) {
            err.println("warning: options not used by " + args[0] + ": " + options.unused().keySet());
        }
        for (Result r : results) {
            out.println(r.line());
        }
        return 0;
    }
}
