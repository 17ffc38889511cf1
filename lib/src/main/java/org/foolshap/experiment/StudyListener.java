package org.foolshap.experiment;

import org.foolshap.Progress;

/**
 * What a {@link Study} reports while it runs. The library never prints: the CLI turns these calls into progress
 * bars and lines. Stage progress of the current run arrives through {@link Progress#update}; runs may finish in
 * parallel, so implementations must be thread-safe.
 */
public interface StudyListener extends Progress {
    /** Ignores everything. */
    StudyListener NONE = new StudyListener() {
        @Override
        public void update(String stage, long done, long total) {
        }
    };

    /** Forwards stage progress to {@code progress} (e.g. {@link Progress#ambient()}, a notebook's live line). */
    static StudyListener of(Progress progress) {
        java.util.Objects.requireNonNull(progress, "progress");
        return progress::update;
    }

    /** The grid is planned: {@code toRun} runs to do, {@code resumed} already in results.csv. */
    default void planned(int toRun, int resumed) {
    }

    /** A dataset (or a dataset x model pair) will not run, and why (e.g. how to fetch its files). */
    default void skipped(Study.Skip skip) {
    }

    /** A run starts. */
    default void started(String key) {
    }

    /** A run finished and its row was appended; {@code done} of {@code total} runs of this invocation are done. */
    default void finished(ResultRow row, int done, int total) {
    }
}
