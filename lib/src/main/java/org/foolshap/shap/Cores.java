package org.foolshap.shap;

import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JVM-wide budget of threads for TreeSHAP's coefficient passes, so that callers already running in parallel
 * (the experiment grid's runs, a parallel stream) do not multiply threads past the processors: each pass counts
 * its caller and its helpers as busy, and gets helpers only while fewer threads than processors are busy. A caller
 * on a fork-join worker (inside a parallel stream) gets none: the stream already spreads work over the cores.
 */
final class Cores {
    private static final AtomicInteger BUSY = new AtomicInteger();

    private Cores() {
    }

    /** Reserves threads for one pass, the caller included: between 1 and {@code wanted}. Pair with release. */
    static int reserve(int wanted) {
        if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
            wanted = 1;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        while (true) {
            int busy = BUSY.get();
            int grant = Math.max(1, Math.min(wanted, cores - busy));
            if (BUSY.compareAndSet(busy, busy + grant)) {
                return grant;
            }
        }
    }

    static void release(int threads) {
        BUSY.addAndGet(-threads);
    }
}
