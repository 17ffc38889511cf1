package org.foolshap.viz;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Function;

/**
 * The workbench's own kernel (environment/kernel), through reflection on its notebook runtime:
 * {@code org.foolshap.kernel.runtime.Renderers.register(Class, Function)} (consulted before the kernel's default
 * rendering) and {@code Display.display / updateDisplay / cellsStarted}. Its display works from any thread while
 * a cell runs and drops output that arrives after the cell.
 */
final class NotebookWorkbench implements NotebookKernel {
    private final Method register;
    private final NotebookDisplayCalls calls;
    private final Method cellsStarted;

    private NotebookWorkbench(Class<?> renderers, Class<?> displayClass) throws NoSuchMethodException {
        this.register = renderers.getMethod("register", Class.class, Function.class);
        this.calls = NotebookDisplayCalls.of(displayClass);
        Method cells;
        try {
            cells = displayClass.getMethod("cellsStarted");
        } catch (NoSuchMethodException e) {
            cells = null; // an older kernel: progress lines then do not tell cells apart
        }
        this.cellsStarted = cells;
    }

    /** The workbench kernel's runtime when its classes are reachable (only inside that kernel), else null. */
    static NotebookWorkbench find(ClassLoader loader) {
        try {
            Class<?> renderers = Class.forName("org.foolshap.kernel.runtime.Renderers", true, loader);
            Class<?> displayClass = Class.forName("org.foolshap.kernel.runtime.Display", true, loader);
            return new NotebookWorkbench(renderers, displayClass);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String name() {
        return "the workbench kernel";
    }

    @Override
    public void register(Class<?> type, Function<Object, Map<String, String>> bundle, String... mimes) {
        try {
            register.invoke(null, type, bundle);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the workbench kernel refused the renderer for " + type.getName() + ": " + e, e);
        }
    }

    @Override
    public String display(Object value) {
        return calls.show(value);
    }

    @Override
    public void update(String id, Object value) {
        calls.update(id, value);
    }

    @Override
    public long cell() {
        try {
            return cellsStarted == null ? -1 : ((Number) cellsStarted.invoke(null)).longValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
