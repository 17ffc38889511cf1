package org.foolshap.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook tables: rounding, escaping, cutting. */
class NotebookHtmlTest {
    @Test
    void numbersKeepFourSignificantDigitsWithoutTrailingZeros() {
        assertEquals("0.1235", NotebookHtml.number(0.123456));
        assertEquals("2.5", NotebookHtml.number(2.50));
        assertEquals("100", NotebookHtml.number(100.0));
        assertEquals("1235", NotebookHtml.number(1234.56));
        assertEquals("-0.3333", NotebookHtml.number(-1 / 3.0));
        assertEquals("12346", NotebookHtml.number(12345.6), "whole numbers from 10,000 keep every digit");
        assertEquals("0.0001235", NotebookHtml.number(0.000123456));
        assertEquals("1.5e-07", NotebookHtml.number(1.5e-7));
        assertEquals("-2.346e+16", NotebookHtml.number(-2.3456e16));
        assertEquals("0", NotebookHtml.number(-0.0));
        assertEquals("NaN", NotebookHtml.number(Double.NaN));
        assertEquals("10000", NotebookHtml.number(9999.7));
    }

    static Table table(int rows) {
        DoubleColumn x = DoubleColumn.create("x <&>");
        IntColumn n = IntColumn.create("n");
        StringColumn s = StringColumn.create("s");
        for (int i = 0; i < rows; i++) {
            x.append(i / 3.0);
            n.append(1000 * i);
            s.append(i == 1 ? "<b>\"bold\" & 'co'</b>" : "row" + i);
        }
        x.setMissing(2);
        return Table.create("t", x, n, s);
    }

    @Test
    void cellsAreRoundedEscapedAndMissingIsEmpty() {
        String html = NotebookHtml.table(table(3));
        assertTrue(html.contains("<td style=\"text-align:right\">0.3333</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\"></td>"), "missing value: " + html);
        assertTrue(html.contains("<td style=\"text-align:right\">1000</td>"), "integers as they are: " + html);
        assertTrue(html.contains("&lt;b&gt;&quot;bold&quot; &amp; &#39;co&#39;&lt;/b&gt;"), html);
        assertTrue(html.contains("<th style=\"text-align:right\">x &lt;&amp;&gt;</th>"), html);
        assertTrue(html.contains("t: 3 rows × 3 columns"), html);
        assertFalse(html.contains("more rows"), html);
    }

    @Test
    void longTablesAreCutWithALine() {
        String html = NotebookHtml.table(table(1234));
        assertTrue(html.contains("row19<") && !html.contains("row20<"), "first 20 rows only");
        assertTrue(html.contains("... 1,214 more rows"), html);
        assertTrue(html.contains("1,234 rows × 3 columns"), html);
        assertFalse(NotebookHtml.table(table(NotebookHtml.MAX_ROWS)).contains("more rows"), "short tables whole");
    }

    @Test
    void longTextIsCut() {
        Table t = Table.create("", StringColumn.create("s", new String[] {"y".repeat(200)}));
        String html = NotebookHtml.table(t);
        assertTrue(html.contains("y".repeat(NotebookHtml.MAX_CELL - 1) + "…<"), html);
        assertTrue(html.contains("<caption style=\"caption-side:bottom;text-align:left\">1 row × 1 column"), html);
    }
}
