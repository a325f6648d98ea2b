package io.runnel.log;

/**
 * When an append is acknowledged relative to the fsync of its bytes, and therefore what a crash of
 * the machine can take back. See {@code docs/durability.md} for what each policy guarantees and
 * what it costs.
 *
 * <ul>
 *   <li>{@link #ALWAYS} (the default): an append completes after an fsync covering its bytes. One
 *       fsync is shared by every append waiting at that moment (group commit), so throughput grows
 *       with concurrency instead of paying one fsync per append. Nothing acknowledged is lost by a
 *       process or machine crash.</li>
 *   <li>{@link Interval}: an append completes once written to the OS page cache; the log is
 *       fsynced every {@code ms} milliseconds. A process crash loses nothing, a machine crash
 *       loses at most the last interval.</li>
 *   <li>{@link #NONE}: an append completes once written to the OS page cache; the log is fsynced
 *       only at roll and clean close (Kafka's default). A machine crash loses what the OS had not
 *       written back.</li>
 * </ul>
 *
 * Readers see a record once it is acknowledged (the high watermark), so under ALWAYS a consumer
 * never sees a record that a crash could take back.
 */
public sealed interface FlushPolicy {

    /** Acknowledge after a group-committed fsync. */
    FlushPolicy ALWAYS = new Always();

    /** Acknowledge on write; fsync only at roll and close. */
    FlushPolicy NONE = new None();

    /** Acknowledge on write; fsync every {@code ms} milliseconds. */
    static FlushPolicy interval(long ms) {
        return new Interval(ms);
    }

    /** Parses {@code always}, {@code none} or {@code interval:<ms>} (e.g. {@code interval:1000}). */
    static FlushPolicy parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("always")) {
            return ALWAYS;
        }
        if (t.equals("none")) {
            return NONE;
        }
        if (t.startsWith("interval:")) {
            try {
                return interval(Long.parseLong(t.substring("interval:".length())));
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException("flush", text, "always, none or interval:<ms>");
            }
        }
        throw new InvalidConfigurationException("flush", text, "always, none or interval:<ms>");
    }

    /** See {@link FlushPolicy#ALWAYS}. */
    record Always() implements FlushPolicy {
        @Override
        public String toString() {
            return "always";
        }
    }

    /** See {@link FlushPolicy#NONE}. */
    record None() implements FlushPolicy {
        @Override
        public String toString() {
            return "none";
        }
    }

    /** Fsync every {@code ms} milliseconds (at least 1). */
    record Interval(long ms) implements FlushPolicy {
        public Interval {
            if (ms < 1) {
                throw new InvalidConfigurationException("flush", ms, "an interval of at least 1 ms");
            }
        }

        @Override
        public String toString() {
            return "interval:" + ms;
        }
    }
}
