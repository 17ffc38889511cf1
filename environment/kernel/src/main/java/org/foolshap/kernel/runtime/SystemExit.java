package org.foolshap.kernel.runtime;

/**
 * What a cell's {@code System.exit(status)} calls instead: the kernel runs cells in its own JVM, so exiting would
 * kill the kernel without a reply. Cell classes are rewritten at load time to call {@link #exit} (see
 * {@code org.foolshap.kernel.eval.ExitRewriter}); the cell fails with this exception and the kernel lives on.
 */
public final class SystemExit {
    private SystemExit() {
    }

    /** Replaces {@link System#exit(int)} in cell code: always throws. */
    public static void exit(int status) {
        throw new UnsupportedOperationException("System.exit(" + status + ") would end the kernel; it is not run."
                + " Use Kernel > Restart for a fresh session.");
    }
}
