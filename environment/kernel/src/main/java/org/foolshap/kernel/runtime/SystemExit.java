package org.foolshap.kernel.runtime;

/**
 * What a cell's {@code System.exit(status)}, {@code Runtime.getRuntime().exit(status)} and
 * {@code Runtime.getRuntime().halt(status)} call instead: the kernel runs cells in its own JVM, so exiting would
 * kill the kernel without a reply. Cell classes are rewritten at load time to call these methods (see
 * {@code org.foolshap.kernel.eval.ExitRewriter}); the cell fails with this exception and the kernel lives on.
 */
public final class SystemExit {
    private SystemExit() {
    }

    /** Replaces {@link System#exit(int)} in cell code: always throws. */
    public static void exit(int status) {
        throw refused("System.exit(" + status + ")");
    }

    /** Replaces {@link Runtime#exit(int)} in cell code (the runtime is the call's receiver): always throws. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw refused("Runtime.exit(" + status + ")");
    }

    /** Replaces {@link Runtime#halt(int)} in cell code (the runtime is the call's receiver): always throws. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw refused("Runtime.halt(" + status + ")");
    }

    private static UnsupportedOperationException refused(String call) {
        return new UnsupportedOperationException(call + " would end the kernel; it is not run."
                + " Use Kernel > Restart for a fresh session.");
    }
}
