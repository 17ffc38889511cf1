package org.foolshap.viz;

import java.util.Map;
import java.util.function.Function;

/**
 * The few things {@link Notebook} needs from a Jupyter kernel, whichever one runs the notebook: register how a
 * type renders, show a value with a display id, replace it, and tell cells apart. Implemented with reflection
 * only ({@link NotebookIJava}, {@link NotebookWorkbench}), so the library has no compile dependency on any
 * kernel and loads fine without one.
 */
interface NotebookKernel {
    /** "IJava 1.3.0", "the workbench kernel". */
    String name();

    /**
     * Makes the kernel render instances of {@code type} (and of its subtypes) with {@code bundle}: MIME type to
     * data (markup, base64 for images). {@code mimes} lists what it produces, for kernels that want to know.
     */
    void register(Class<?> type, Function<Object, Map<String, String>> bundle, String... mimes);

    /** Shows {@code value} below the running cell, rendered as registered; its display id, or null. */
    String display(Object value);

    /** Replaces every output shown with {@code id} by {@code value}. */
    void update(String id, Object value);

    /** A number that changes when a new cell starts (the execution count), or -1 when the kernel tells none. */
    long cell();

    /** The kernel running this JVM's notebook, or null outside any kernel. Never throws. */
    static NotebookKernel detect() {
        ClassLoader loader = NotebookKernel.class.getClassLoader();
        NotebookKernel k = NotebookIJava.find(loader);
        return k != null ? k : NotebookWorkbench.find(loader);
    }
}
