package org.foolshap.kernel.eval;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * Runs snippets in this JVM, on a fresh thread per snippet, and keeps the real result object (JShell's own
 * control only keeps its string form). {@link #stop()} stops that thread, which is how a {@code while(true){}}
 * cell is interrupted.
 *
 * <p>The thread's context class loader is the loader of the snippet's class, so libraries added with
 * {@code %jars}/{@code %maven} that use {@link java.util.ServiceLoader} find their providers.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    private final ThreadGroup group = new ThreadGroup("foolshap-cells");
    private final Runnable onThreadStart;
    private final java.util.function.BooleanSupplier cancelled;
    private volatile Thread running;
    private volatile boolean stopRequested;
    private volatile Object lastValue;
    private volatile Class<?> lastClass;

    /**
     * @param cancelled true when the cell was interrupted before its code started (e.g. while it compiled): the
     *                  snippet is then not started, or stopped at once
     */
    CapturingExecutionControl(Runnable onThreadStart, java.util.function.BooleanSupplier cancelled) {
        this.onThreadStart = onThreadStart;
        this.cancelled = cancelled;
    }

    /** Cell classes call {@link org.foolshap.kernel.runtime.SystemExit} instead of System.exit, Runtime.exit/halt. */
    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] rewritten = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            rewritten[i] = new ClassBytecodes(cbcs[i].name(), ExitRewriter.rewrite(cbcs[i].bytecodes()));
        }
        super.load(rewritten);
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        AtomicReference<Object> value = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(group, () -> {
            onThreadStart.run();
            try {
                value.set(doit.invoke(null));
            } catch (InvocationTargetException e) {
                failure.set(e.getCause());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "cell");
        thread.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
        thread.setDaemon(true);
        stopRequested = false;
        running = thread;
        try {
            if (cancelled.getAsBoolean()) { // interrupted while compiling: never start
                stopRequested = true;
                throw new StoppedException();
            }
            thread.start();
            if (cancelled.getAsBoolean() && !stopRequested) {
                stop(); // an interrupt between the check and start() saw a thread that was not alive yet
            }
            thread.join();
        } finally {
            running = null;
        }
        Throwable t = failure.get();
        if (stopRequested && (t == null || t instanceof ThreadDeath)) {
            throw new StoppedException();
        }
        if (t != null) {
            throw new InvocationTargetException(t);
        }
        lastValue = value.get();
        lastClass = doit.getDeclaringClass();
        // JShell's string form is not used for display; returning a constant avoids calling toString() on
        // results that are huge or expensive to print.
        return "";
    }

    /** The value of the most recent snippet, handed over once: the reference is cleared. */
    Object takeLastValue() {
        Object v = lastValue;
        lastValue = null;
        return v;
    }

    /**
     * Clears the static fields of the last snippet's wrapper class whose names start with {@code $} (JShell's
     * temporary variables {@code $1}, {@code $2}, ...), so a displayed result can be garbage collected: JShell
     * itself keeps every temporary alive for the whole session.
     */
    void releaseTemporaries() {
        Class<?> c = lastClass;
        lastClass = null;
        if (c == null) {
            return;
        }
        for (java.lang.reflect.Field f : c.getDeclaredFields()) {
            if (f.getName().startsWith("$") && !f.getType().isPrimitive()
                    && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                try {
                    f.setAccessible(true);
                    f.set(null, null);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // best effort: a field we cannot clear only costs memory
                }
            }
        }
    }

    @Override
    @SuppressWarnings("deprecation")
    public void stop() {
        Thread t = running;
        if (t != null) {
            stopRequested = true;
            t.interrupt();
            try {
                t.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                // A busy loop ignores interrupts; Thread.stop still works on Java 17 and is what jshell uses.
                t.stop();
            }
        }
    }
}
