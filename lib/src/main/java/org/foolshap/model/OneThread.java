package org.foolshap.model;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs a Smile fit on a fork-join pool of its own with one worker, so that the fit is a function of its seed.
 *
 * <p>Why. Smile draws random numbers from a per-thread generator ({@code MathEx}) and splits its work (forest trees,
 * a node's candidate features) into parallel streams; a task lands on whichever thread work-stealing gives it, so
 * which generator a random draw comes from depended on what else the JVM was doing: a random forest fitted while
 * another fit ran gave other trees (measured on COMPAS: one concurrent fit in four differed by up to 0.009 in
 * predicted probability), and the tuned hyperparameters of a run changed under load. Nested parallel streams run in
 * the pool of the task that starts them, so with one worker every task runs on it in a fixed order. Cost: the fit
 * uses one core.
 */
final class OneThread {
    private OneThread() {
    }

    static <T> T run(Callable<T> work) {
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            return org.foolshap.Futures.get(pool.submit(work), "training");
        } finally {
            pool.shutdownNow();
        }
    }
}
