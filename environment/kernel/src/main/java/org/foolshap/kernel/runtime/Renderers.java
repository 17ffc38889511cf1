package org.foolshap.kernel.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Renderers that libraries register for their own types, consulted before the kernel's defaults (charts, tables,
 * {@code toHtml()}). The kernel has no compile dependency on any library, so a library calls
 * {@link #register} reflectively when it detects this kernel (the workbench library does so in
 * {@code org.foolshap.viz.Notebook.init()}). One registry per JVM, like the kernel's single session.
 *
 * <p>Matching follows basekernel's (and so IJava's and jjava's) renderer: the value's class, then its interfaces, then its
 * superclass and that one's interfaces, and so on; the first type with a renderer wins. Registering a type again
 * replaces its renderer.
 */
public final class Renderers {
    private static final Map<Class<?>, Function<Object, Map<String, String>>> BY_TYPE = new ConcurrentHashMap<>();

    private Renderers() {
    }

    /**
     * @param type       the class or interface whose instances (and subtypes') {@code mimeBundle} renders
     * @param mimeBundle value to MIME type to data ({@code "text/html"} to markup, {@code "image/png"} to base64);
     *                   {@code text/plain} is added from {@code toString()} when missing; null or empty: the
     *                   kernel's default rendering
     */
    public static void register(Class<?> type, Function<Object, Map<String, String>> mimeBundle) {
        BY_TYPE.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(mimeBundle, "mimeBundle"));
    }

    /** Removes the renderer registered for exactly {@code type}, if any. */
    public static void unregister(Class<?> type) {
        BY_TYPE.remove(type);
    }

    /** The renderer for instances of {@code c}, or null. */
    public static Function<Object, Map<String, String>> find(Class<?> c) {
        if (BY_TYPE.isEmpty()) {
            return null;
        }
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            Function<Object, Map<String, String>> f = BY_TYPE.get(k);
            if (f != null) {
                return f;
            }
            Deque<Class<?>> interfaces = new ArrayDeque<>(java.util.List.of(k.getInterfaces()));
            while (!interfaces.isEmpty()) {
                Class<?> i = interfaces.poll();
                if (seen.add(i)) {
                    f = BY_TYPE.get(i);
                    if (f != null) {
                        return f;
                    }
                    interfaces.addAll(java.util.List.of(i.getInterfaces()));
                }
            }
        }
        return null;
    }
}
