package org.foolshap.viz;

import org.foolshap.Progress;
import org.foolshap.Tabular;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Sets a Jupyter notebook up for the library, on genuine IJava as on the workbench kernel, with the notebook's
 * first cell:
 * <pre>{@code
 * %jars ../lib/target/foolshap.jar
 * import org.foolshap.data.*;   // ...
 * org.foolshap.viz.Notebook.init();
 * }</pre>
 * It finds the kernel (reflection only: the library depends on no kernel) and makes
 * <ul>
 *   <li>XChart charts render as PNG images ({@link #withSvg withSvg(true)}: SVG), Tablesaw tables and every
 *       {@link Tabular} result as an HTML table (numbers to 4 significant digits, long tables cut with a
 *       "... N more rows" line; results keep their {@code toString()} as plain text). IJava otherwise prints
 *       {@code org.knowm.xchart.XYChart@1b2c3d} and tables as text;</li>
 *   <li>{@link Progress#ambient()} draw live progress lines under the running cell, one per stage running longer
 *       than half a second, so a long cell shows what it is doing (the library never prints progress).</li>
 * </ul>
 * Calling it again returns the same setup. Outside a notebook kernel it sets nothing up, says so, and never throws.
 */
public final class Notebook {
    private static Notebook instance;

    private final NotebookKernel kernel;
    private final Progress progress;
    private final String problem;
    private volatile boolean svg;

    private Notebook(NotebookKernel kernel, Progress progress, String problem) {
        this.kernel = kernel;
        this.progress = progress;
        this.problem = problem;
    }

    /** Detects the kernel and sets up rich display and progress lines, once; see the class comment. */
    public static synchronized Notebook init() {
        if (instance == null) {
            instance = setUp(NotebookKernel.detect());
        }
        return instance;
    }

    /** Set-up against {@code kernel} (null: none), for {@link #init()} and tests. Never throws. */
    static Notebook setUp(NotebookKernel kernel) {
        if (kernel == null) {
            return new Notebook(null, Progress.NONE, null);
        }
        NotebookProgress lines = new NotebookProgress(kernel, System::nanoTime, true);
        Notebook nb = new Notebook(kernel, lines, null);
        try {
            kernel.register(Chart.class, chart -> NotebookRenderers.chart(chart, nb.svg), "image/png", "image/svg+xml");
            kernel.register(Table.class, NotebookRenderers::table, "text/html");
            kernel.register(Tabular.class, NotebookRenderers::tabular, "text/html");
            kernel.register(NotebookProgress.Line.class, line -> ((NotebookProgress.Line) line).bundle(), "text/html");
        } catch (RuntimeException | LinkageError e) {
            return new Notebook(kernel, Progress.NONE, String.valueOf(e.getMessage()));
        }
        Progress.install(lines);
        return nb;
    }

    /**
     * The progress sink drawing live lines in this notebook, for code that takes a {@link Progress} explicitly;
     * {@link Progress#NONE} outside a kernel. Sets the notebook up first if needed.
     */
    public static Progress progress() {
        return init().progress;
    }

    /** Charts as SVG ({@code true}: sharp at any zoom, larger for dense scatter plots) or PNG (the default). */
    public Notebook withSvg(boolean svg) {
        this.svg = svg;
        return this;
    }

    /** The kernel found: "IJava 1.3.0", "the workbench kernel", or "none". */
    public String kernel() {
        return kernel == null ? "none" : kernel.name();
    }

    /** What was set up, e.g. "rich display on IJava 1.3.0: charts as PNG, tables as HTML; progress lines on". */
    @Override
    public String toString() {
        if (kernel == null) {
            return "no notebook kernel (IJava or the workbench kernel) found: nothing set up, progress stays silent";
        }
        if (problem != null) {
            return "rich display on " + kernel.name() + " could not be set up (" + problem + "); progress stays silent";
        }
        return "rich display on " + kernel.name() + ": charts as " + (svg ? "SVG" : "PNG")
                + ", tables as HTML; progress lines on";
    }
}
