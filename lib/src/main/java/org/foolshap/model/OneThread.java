package org.foolshap.model;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

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
            Future<T> f = pool.submit(work);
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
