package org.foolshap.viz;

import java.lang.reflect.Method;

/**
 * A kernel's static {@code display(Object)} and {@code updateDisplay(String, Object)}, found by reflection: IJava and
 * the workbench kernel expose the same pair, so both adapters call them through this one place. Failures are
 * swallowed on purpose: outside a running cell there is nowhere to show anything, and progress must never break the
 * computation it reports on.
 */
record NotebookDisplayCalls(Method display, Method updateDisplay) {
    /** The pair declared by {@code displayClass}. */
    static NotebookDisplayCalls of(Class<?> displayClass) throws NoSuchMethodException {
        return new NotebookDisplayCalls(displayClass.getMethod("display", Object.class),
                displayClass.getMethod("updateDisplay", String.class, Object.class));
    }

    /** Shows {@code value}; its display id, or null when no cell can show it. */
    String show(Object value) {
        try {
            return (String) display.invoke(null, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Replaces the output shown with {@code id}; dropped when no cell is running. */
    void update(String id, Object value) {
        try {
            updateDisplay.invoke(null, id, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no cell running: nowhere to show it
        }
    }
}
