package org.foolshap.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.function.Consumer;

/**
 * Helpers statically imported into every notebook session ({@code import static
 * org.foolshap.kernel.runtime.Display.*}).
 * <ul>
 *   <li>{@code display(obj)} shows {@code obj} now, as rich output, like a cell's last expression;</li>
 *   <li>{@code html(s)} and {@code markdown(s)} wrap a string so that returning or displaying it renders it.</li>
 * </ul>
 * The sink is per cell thread (inherited by threads the cell starts), so several kernels in one JVM do not mix.
 */
public final class Display {
    private static final InheritableThreadLocal<Consumer<Object>> SINK = new InheritableThreadLocal<>();

    private Display() {
    }

    /** Called by the kernel on each cell thread. */
    public static void bind(Consumer<Object> sink) {
        SINK.set(sink);
    }

    /** Shows {@code value} below the running cell (image, chart, table, HTML or text). */
    public static void display(Object value) {
        Consumer<Object> sink = SINK.get();
        if (sink == null) {
            System.out.println(value);
        } else {
            sink.accept(value);
        }
    }

    /** An HTML fragment that renders as HTML when it is the cell's value or passed to {@link #display}. */
    public static DisplayData html(String html) {
        DisplayData d = new DisplayData();
        d.putHTML(html);
        d.putText(html);
        return d;
    }

    /** Markdown that renders as such when it is the cell's value or passed to {@link #display}. */
    public static DisplayData markdown(String markdown) {
        DisplayData d = new DisplayData();
        d.putMarkdown(markdown);
        d.putText(markdown);
        return d;
    }
}
