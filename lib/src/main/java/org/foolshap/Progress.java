package org.foolshap;

/**
 * Receives progress of long computations. The library never prints: the CLI turns these calls into a
 * terminal progress bar, a notebook into a live line. Implementations must be thread-safe, since work is
 * parallel; calls are cheap and may be frequent.
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
}
