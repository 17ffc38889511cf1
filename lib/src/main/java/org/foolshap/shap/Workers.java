package org.foolshap.shap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.foolshap.Futures;

/**
 * How TreeSHAP's passes share work among the processors {@link Cores} grants them: the caller plus helper daemon
 * threads take indices 0..n-1 one at a time, each index once.
 */
final class Workers {
    private Workers() {
    }

    /** Helper threads for {@code workers} workers in all (the caller is one), or null when the caller is alone. */
    static ExecutorService pool(int workers, String name) {
        return workers > 1 ? Executors.newFixedThreadPool(workers - 1, r -> {
            Thread th = new Thread(r, name);
            th.setDaemon(true);
            return th;
        }) : null;
    }

    /**
     * Runs body(0 .. n-1) on the caller and the pool's threads, {@code workers} in all, each index once; a body's
     * exception comes back to the caller ({@link Futures#get}), an interrupt as "interrupted while {@code doing}".
     */
    static void forEach(ExecutorService pool, int workers, int n, IntConsumer body, String doing) {
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                body.accept(i);
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int w = 1; w < Math.min(workers, n); w++) {
            helpers.add(pool.submit(work));
        }
        work.run();
        for (Future<?> f : helpers) {
            Futures.get(f, doing);
        }
    }
}
