package org.foolshap.kernel.runtime;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import java.util.UUID;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Helpers statically imported into every notebook session ({@code import static
 * org.foolshap.kernel.runtime.Display.*}), with IJava's signatures so notebooks run unchanged on both kernels.
 * <ul>
 *   <li>{@code display(obj)} shows {@code obj} now, as rich output, like a cell's value, and returns its display
 *       id (a cell whose value is just that id shows nothing);</li>
 *   <li>{@code updateDisplay(id, obj)} replaces the output shown with that id, e.g. a progress line;</li>
 *   <li>{@code html(s)} and {@code markdown(s)} wrap a string so that returning or displaying it renders it.</li>
 * </ul>
 * Routing: a cell's own thread and the threads it starts carry that cell's sink (inherited), and once that cell
 * has ended their output is dropped instead of appearing under a later cell. ForkJoin workers (parallel streams,
 * {@code CompletableFuture.*Async}, the library's parallel loops) serve every cell in turn and inherit the binding of
 * whichever thread happened to create them, so they, and threads that inherit nothing, use the sink of the cell
 * running now. Outside any kernel, {@code display} prints the value.
 */
public final class Display {
    private static final InheritableThreadLocal<DisplaySink> CELL = new InheritableThreadLocal<>();
    private static volatile DisplaySink current;
    private static volatile boolean kernelSeen;
    private static final AtomicLong CELLS = new AtomicLong();

    private Display() {
    }

    /** Called by the kernel on each cell thread: the cell's sink, inherited by the threads it starts. */
    public static void bind(DisplaySink sink) {
        CELL.set(sink);
        if (sink != null) {
            kernelSeen = true;
        }
    }

    /** Called by the kernel when a cell starts (its sink) and ends (null): the sink of threads bound to none. */
    public static void setCurrent(DisplaySink sink) {
        current = sink;
        if (sink != null) {
            kernelSeen = true;
            CELLS.incrementAndGet();
        }
    }

    /**
     * How many cells have started: code on threads that outlive a cell (a library's timer) compares it to know
     * whether the cell it began in is still the one running.
     */
    public static long cellsStarted() {
        return CELLS.get();
    }

    /** Shows {@code value} below the running cell (image, chart, table, HTML or text); returns its display id. */
    public static String display(Object value) {
        String id = UUID.randomUUID().toString();
        send(value, id, false);
        return id;
    }

    /** Replaces the output displayed with {@code id} (from {@link #display}) by {@code value}. */
    public static void updateDisplay(String id, Object value) {
        if (id == null) {
            throw new IllegalArgumentException("updateDisplay needs the id that display(...) returned, got null");
        }
        send(value, id, true);
    }

    private static void send(Object value, String id, boolean update) {
        DisplaySink sink = Thread.currentThread() instanceof ForkJoinWorkerThread ? null : CELL.get();
        if (sink == null) {
            sink = current;
        }
        if (sink != null) {
            sink.show(value, id, update);
        } else if (!kernelSeen) {
            System.out.println(value); // plain JShell or a test: no kernel to show it
        }
        // else: a pool thread after its cell ended; nothing to attach the output to
    }

    /** Longest {@code text/plain} copy of an {@link #html}/{@link #markdown} value (the renderer's cut too). */
    static final int MAX_TEXT_COPY = 100_000;

    /**
     * An HTML fragment that renders as HTML when it is the cell's value or passed to {@link #display}. Its
     * {@code text/plain} copy is cut at {@value #MAX_TEXT_COPY} characters, so a huge fragment is not sent twice;
     * a fragment over the kernel's output limit is not sent at all but shown as a note saying so
     * ({@code org.foolshap.kernel.display.OutputLimit}).
     */
    public static DisplayData html(String html) {
        DisplayData d = new DisplayData();
        d.putHTML(html);
        d.putText(textCopy(html));
        return d;
    }

    /** Markdown that renders as such when it is the cell's value or passed to {@link #display}; text copy cut too. */
    public static DisplayData markdown(String markdown) {
        DisplayData d = new DisplayData();
        d.putMarkdown(markdown);
        d.putText(textCopy(markdown));
        return d;
    }

    private static String textCopy(String s) {
        if (s == null || s.length() <= MAX_TEXT_COPY) {
            return s;
        }
        return s.substring(0, MAX_TEXT_COPY) + "\n... (" + (s.length() - MAX_TEXT_COPY) + " more characters not shown)";
    }

    /**
     * For the kernel: the display sink the calling thread is bound to (the cell it, or the thread that started it,
     * ran in), or null for threads bound to none and ForkJoin workers. Lets printed output of a thread whose cell
     * has ended be kept out of the next cell.
     */
    public static DisplaySink boundSink() {
        return Thread.currentThread() instanceof ForkJoinWorkerThread ? null : CELL.get();
    }
}
