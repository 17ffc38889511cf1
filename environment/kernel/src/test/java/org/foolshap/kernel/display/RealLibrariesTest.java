package org.foolshap.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The reflective renderers against real XChart and Tablesaw objects (test-scope dependencies only). */
class RealLibrariesTest {
    final RichRenderer renderer = new RichRenderer();

    @Test
    void xchartChartsArePng() {
        XYChart chart = new XYChartBuilder().width(200).height(120).title("t").build();
        chart.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        DisplayData d = renderer.render(chart);
        byte[] png = Base64.getDecoder().decode((String) d.getData(MIMEType.IMAGE_PNG));
        assertEquals('P', png[1]);
    }

    @Test
    void tablesawTablesAreHtmlWithRowCount() {
        double[] xs = new double[100];
        String[] names = new String[100];
        for (int i = 0; i < 100; i++) {
            xs[i] = i;
            names[i] = "n" + i;
        }
        Table t = Table.create("data", DoubleColumn.create("x", xs), StringColumn.create("name", names));
        String html = (String) renderer.render(t).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("100 rows × 2 columns"), html);
        assertTrue(html.contains("n0") && html.contains("n99") && !html.contains("n50<"), html);
    }
}
