package org.foolshap.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.foolshap.Progress;
import org.foolshap.Tabular;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Notebook set-up: harmless outside a kernel; against a kernel, the renderers it registers. */
class NotebookTest {
    /** A kernel that only records the registrations. */
    static final class Registry extends NotebookProgressTest.FakeKernel {
        final Map<Class<?>, Function<Object, Map<String, String>>> renderers = new LinkedHashMap<>();

        @Override
        public void register(Class<?> type, Function<Object, Map<String, String>> bundle, String... mimes) {
            renderers.put(type, bundle);
        }
    }

    record Result(double value) implements Tabular {
        @Override
        public Table toTable() {
            return Table.create("result", DoubleColumn.create("value", new double[] {value}));
        }

        @Override
        public String toString() {
            return "result " + value;
        }
    }

    @AfterEach
    void uninstall() {
        Progress.install(Progress.NONE);
    }

    @Test
    void outsideAKernelNothingHappensAndItSaysSo() {
        Notebook nb = Notebook.init();
        assertSame(nb, Notebook.init(), "idempotent");
        assertEquals("none", nb.kernel());
        assertTrue(nb.toString().startsWith("no notebook kernel"), nb.toString());
        assertSame(Progress.NONE, Notebook.progress());
        Progress.ambient().update("stage", 1, 2); // silent, no exception
    }

    @Test
    void registersChartsTablesResultsAndProgressLines() {
        Registry kernel = new Registry();
        Notebook nb = Notebook.setUp(kernel);
        assertEquals("rich display on fake: charts as PNG, tables as HTML; progress lines on", nb.toString());
        assertEquals(4, kernel.renderers.size());

        XYChart chart = new XYChartBuilder().width(160).height(100).title("t").build();
        chart.addSeries("s", new double[] {1, 2}, new double[] {2, 1});
        Map<String, String> png = kernel.renderers.get(Chart.class).apply(chart);
        assertEquals('P', Base64.getDecoder().decode(png.get("image/png"))[1]);
        assertEquals("XYChart \"t\" (160 × 100)", png.get("text/plain"));
        nb.withSvg(true);
        assertTrue(kernel.renderers.get(Chart.class).apply(chart).get("image/svg+xml").contains("<svg"));
        assertTrue(nb.toString().contains("charts as SVG"));

        Map<String, String> result = kernel.renderers.get(Tabular.class).apply(new Result(2 / 3.0));
        assertTrue(result.get("text/html").contains(">0.6667</td>"), result.get("text/html"));
        assertEquals("result 0.6666666666666666", result.get("text/plain"));
        assertTrue(kernel.renderers.get(Table.class).apply(new Result(1).toTable()).get("text/html").contains("<table"));
    }

    @Test
    void aKernelThatRefusesRenderersLeavesProgressSilent() {
        NotebookProgressTest.FakeKernel refusing = new NotebookProgressTest.FakeKernel() {
            @Override
            public void register(Class<?> type, Function<Object, Map<String, String>> bundle, String... mimes) {
                throw new IllegalStateException("no renderer API");
            }
        };
        Notebook nb = Notebook.setUp(refusing);
        assertTrue(nb.toString().contains("could not be set up (no renderer API)"), nb.toString());
    }
}
