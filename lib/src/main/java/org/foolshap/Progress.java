package org.foolshap;

import java.util.Objects;

/**
 * Receives progress of long computations. The library never prints: the CLI turns these calls into a
 * terminal progress bar, a notebook into a live line. Implementations must be thread-safe, since work is
 * parallel; calls are cheap and may be frequent.
 *
 * <p>Algorithms that are not given a listener report to {@link #ambient()}, which forwards to whatever the
 * environment {@linkplain #install installed} (nothing by default; {@code org.foolshap.viz.Notebook.init()}
 * installs a live line in the running cell), so a notebook shows progress without passing listeners around.
 */
@FunctionalInterface
public interface Progress {
    /** Silently ignores all progress. */
    Progress NONE = (stage, done, total) -> { };

    /**
     * @param stage short human-readable name of the current step ("coefficients", "lambda sweep")
     * @param done  units finished so far in this stage
     * @param total units in this stage (at least 1)
     */
    void update(String stage, long done, long total);

    /** The listener algorithms use by default: forwards to the one {@linkplain #install installed}, if any. */
    static Progress ambient() {
        return Ambient.FORWARDER;
    }

    /** Makes {@code sink} receive the progress of every algorithm left on {@link #ambient()}; NONE to stop. */
    static void install(Progress sink) {
        Ambient.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The ambient sink: one per JVM, since a notebook kernel runs one cell at a time. */
    final class Ambient {
        private static volatile Progress sink = NONE;
        private static final Progress FORWARDER = (stage, done, total) -> sink.update(stage, done, total);

        private Ambient() {
        }
    }
}
