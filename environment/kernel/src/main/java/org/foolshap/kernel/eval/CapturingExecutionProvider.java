package org.foolshap.kernel.eval;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell one {@link CapturingExecutionControl}, which the evaluator keeps to read results and stop cells. */
final class CapturingExecutionProvider implements ExecutionControlProvider {
    private final Runnable onThreadStart;
    private final java.util.function.BooleanSupplier cancelled;
    private volatile CapturingExecutionControl control;

    CapturingExecutionProvider(Runnable onThreadStart, java.util.function.BooleanSupplier cancelled) {
        this.onThreadStart = onThreadStart;
        this.cancelled = cancelled;
    }

    @Override
    public String name() {
        return "foolshap-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new CapturingExecutionControl(onThreadStart, cancelled);
        return control;
    }

    CapturingExecutionControl control() {
        return control;
    }
}
