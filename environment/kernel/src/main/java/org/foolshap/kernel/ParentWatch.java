package org.foolshap.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the process that started it goes away (e.g. the Jupyter server killed with -9), as ipykernel
 * does, and like ipykernel only when started by jupyter_client, which sets {@code JPY_PARENT_PID} (so a kernel
 * launched by hand through a wrapper that exits is left alone). Gone means: the {@code JPY_PARENT_PID} process has
 * ended, or this process was re-parented (its parent pid changed). Polls once a second on a daemon thread.
 */
final class ParentWatch {
    static final long POLL_MS = 1000;

    private ParentWatch() {
    }

    /** Starts watching; {@code onGone} runs once, on the watch thread. No-op without {@code JPY_PARENT_PID}. */
    static void start(Runnable onGone) {
        String env = System.getenv("JPY_PARENT_PID");
        if (env == null || env.isBlank()) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        Optional<ProcessHandle> jupyter = jupyterParent(env);
        long originalParent = parent.map(ProcessHandle::pid).orElse(-1L);
        Thread t = new Thread(() -> {
            while (true) {
                long ppid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
                if (jupyter.map(p -> !p.isAlive()).orElse(false) || ppid != originalParent) {
                    onGone.run();
                    return;
                }
                try {
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "foolshap-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static Optional<ProcessHandle> jupyterParent(String env) {
        try {
            return ProcessHandle.of(Long.parseLong(env.strip())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
