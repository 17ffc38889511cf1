package org.foolshap;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for work handed to other threads (the library's parallel passes, Smile fits on their own pool), the same
 * way everywhere: the task's own exception comes back unwrapped, and an interrupt keeps the thread's flag and ends
 * the wait with one line saying what was interrupted. Internal to the library.
 */
public final class Futures {
    private Futures() {
    }

    /**
     * The task's result. A RuntimeException or Error of the task is rethrown as is, another exception wrapped in an
     * IllegalStateException; an interrupt becomes "interrupted while {@code doing}".
     */
    public static <T> T get(Future<T> task, String doing) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
