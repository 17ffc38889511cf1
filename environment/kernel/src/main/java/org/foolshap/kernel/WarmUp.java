package org.foolshap.kernel;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.foolshap.kernel.display.RichRenderer;
import org.foolshap.kernel.eval.CellError;
import org.foolshap.kernel.eval.CellEvaluator;
import org.foolshap.kernel.eval.CellValue;

/**
 * What a session's first cells would otherwise pay, done while the kernel waits for the user after start-up:
 * JShell's first real compile-and-run (javac, wrapper classes, the execution thread), and the first chart and
 * table drawn through {@link RichRenderer} (Java2D, fonts, the PNG encoder, XChart's and Tablesaw's own classes)
 * when XChart or Tablesaw are on the start-up class path. Measured through jupyter_client on the 2-core build
 * machine (load 9-13 from other builds), first cell sent 12 s after kernel_info: {@code 1 + 1} took 0.6-1.6 s
 * before, 0.1-0.3 s with the warm-up; the first Tablesaw + XChart chart cell 3.8-6.8 s before, 0.7-1.3 s with it
 * (3.8 s once, when the warm-up had not finished). A notebook run headless sends its first cell at once: the
 * warm-up is skipped and that cell pays JShell's start as before.
 *
 * <p>Each step leaves the session as it was (values are dropped, nothing is declared), and the kernel stops
 * warming at the first request, which waits at most for the snippet being compiled (the drawing of a step's value
 * runs outside the evaluator's lock).
 */
final class WarmUp {
    /** Snippets in order; a step whose classes are not on the class path fails to compile and is skipped. */
    static final List<String> STEPS = List.of(
            "java.util.List.of(1, 2).size() + 1",
            "\"warm\".repeat(2).length()",
            "new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_ARGB)",
            "tech.tablesaw.api.Table.create(\"warm\", tech.tablesaw.api.DoubleColumn.create(\"x\", new double[] {1.5, 2}),"
                    + " tech.tablesaw.api.StringColumn.create(\"s\", new String[] {\"a\", \"b\"}))",
            "((java.util.function.Supplier<Object>) () -> { var c = new org.knowm.xchart.XYChartBuilder().width(120)"
                    + ".height(80).title(\"warm\").build(); c.addSeries(\"s\", new double[] {1, 2}, new double[] {2, 1});"
                    + " return c; }).get()");

    private WarmUp() {
    }

    /**
     * Runs the steps until {@code stop} turns true. A step's value is drawn after the evaluator is released, so a
     * request arriving meanwhile waits at most for one snippet, not for a chart's drawing.
     *
     * @param locked runs one snippet with exclusive use of the evaluator, or refuses once {@code stop} is true
     * @return how many steps ran
     */
    static int run(Locked locked, BooleanSupplier stop, RichRenderer renderer) {
        int done = 0;
        for (String step : STEPS) {
            if (stop.getAsBoolean()) {
                break;
            }
            Optional<CellValue> value = locked.evaluate(e -> {
                try {
                    return e.eval(step);
                } catch (CellError | RuntimeException | LinkageError ignored) {
                    return null; // a library that is not on the class path, or anything else: best effort
                }
            });
            if (value == null) {
                break; // refused: the user's first request has arrived
            }
            value.ifPresent(v -> {
                try {
                    renderer.render(v.value());
                } catch (RuntimeException | LinkageError ignored) {
                    // best effort
                }
            });
            done++;
        }
        return done;
    }

    /** Exclusive access to the evaluator, refused (null) once the user's first request has arrived. */
    interface Locked {
        /** {@code work}'s value, empty when it returned null, or null when refused. */
        Optional<CellValue> evaluate(Function<CellEvaluator, CellValue> work);
    }
}
