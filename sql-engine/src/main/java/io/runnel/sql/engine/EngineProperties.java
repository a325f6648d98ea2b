package io.runnel.sql.engine;

/** Names of the properties an engine reads from its defaults and from a request's properties. */
public final class EngineProperties {
    /** {@code earliest} makes push queries read their source from the beginning; default {@code latest}. */
    public static final String AUTO_OFFSET_RESET = "auto.offset.reset";
    /** How often persistent queries commit (and so how fresh pull queries are), ms; default 200. */
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    /** How long a pull query waits for persistent queries to process earlier writes, ms; default 10000. */
    public static final String PULL_WAIT_MS = "runnel.pull.wait.ms";

    private EngineProperties() {
    }
}
