package org.foolshap.viz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foolshap.Tabular;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The MIME bundles {@link Notebook} registers with the kernel: XChart charts as PNG (or SVG), Tablesaw tables
 * and {@link Tabular} results as {@link NotebookHtml} tables, each with a short {@code text/plain} for text-only
 * front ends. Renderers may throw; the kernel adapters turn that into plain text.
 */
final class NotebookRenderers {
    /** Rows in a table's plain-text form. */
    static final int TEXT_ROWS = 20;

    private NotebookRenderers() {
    }

    static Map<String, String> chart(Object value, boolean svg) {
        Chart<?, ?> chart = (Chart<?, ?>) value;
        Map<String, String> out = new LinkedHashMap<>();
        try {
            if (svg) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                out.put("image/svg+xml", bytes.toString(StandardCharsets.UTF_8));
            } else {
                byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
                out.put("image/png", Base64.getEncoder().encodeToString(png));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the chart: " + e.getMessage(), e);
        }
        String title = chart.getTitle();
        out.put("text/plain", chart.getClass().getSimpleName() + (title == null || title.isBlank() ? "" : " \"" + title + "\"")
                + " (" + chart.getWidth() + " × " + chart.getHeight() + ")");
        return out;
    }

    static Map<String, String> table(Object value) {
        Table t = (Table) value;
        Map<String, String> out = new LinkedHashMap<>();
        out.put("text/html", NotebookHtml.table(t));
        out.put("text/plain", t.print(TEXT_ROWS));
        return out;
    }

    static Map<String, String> tabular(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("text/html", NotebookHtml.table(((Tabular) value).toTable()));
        out.put("text/plain", String.valueOf(value));
        return out;
    }
}
