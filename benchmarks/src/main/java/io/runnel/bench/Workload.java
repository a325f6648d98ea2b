package io.runnel.bench;

import java.util.List;

/**
 * One benchmark workload: runs against one or more systems and reports one {@link Result} per
 * system measured. Workloads are registered in {@link Workloads}.
 */
public interface Workload {

    /** The name used on the command line, e.g. {@code log-append}. */
    String name();

    /** One line saying what is measured and with which defaults. */
    String description();

    /** Runs the workload with the given options and returns one result per system measured. */
    List<Result> run(Options options) throws Exception;
}
