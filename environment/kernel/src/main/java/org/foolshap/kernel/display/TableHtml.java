package org.foolshap.kernel.display;

import java.lang.reflect.Method;
import java.util.List;

/**
 * HTML for a Tablesaw {@code Table}, read reflectively ({@code name()}, {@code rowCount()}, {@code columnNames()},
 * {@code getString(row, column)}) so the kernel needs no Tablesaw at compile time. A table longer than
 * {@code head + tail} rows shows its first {@code head} and last {@code tail} rows with an ellipsis row between;
 * cells longer than {@code maxCell} characters are cut. A caption gives the full size ("1,000 rows × 12 columns").
 * Cost: O((head + tail) × columns) cell reads, independent of the table's size.
 */
public final class TableHtml {
    private final int head;
    private final int tail;
    private final int maxCell;

    public TableHtml(int head, int tail, int maxCell) {
        if (head < 1 || tail < 0 || maxCell < 4) {
            throw new IllegalArgumentException("need head >= 1, tail >= 0, maxCell >= 4; got " + head + ", " + tail + ", " + maxCell);
        }
        this.head = head;
        this.tail = tail;
        this.maxCell = maxCell;
    }

    String toHtml(Object table) throws ReflectiveOperationException {
        Class<?> c = table.getClass();
        String name = (String) call(c, table, "name");
        int rows = (Integer) call(c, table, "rowCount");
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) call(c, table, "columnNames");
        Method cell = c.getMethod("getString", int.class, String.class);

        StringBuilder html = new StringBuilder(256);
        html.append("<table class=\"foolshap-table\">");
        html.append("<caption style=\"caption-side:bottom;text-align:left\">")
            .append(name == null || name.isEmpty() ? "" : escape(name) + ": ")
            .append(String.format("%,d rows × %,d columns", rows, columns.size()))
            .append("</caption><thead><tr>");
        for (String col : columns) {
            html.append("<th>").append(escape(col)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        boolean cut = rows > head + tail;
        int firstBlock = cut ? head : rows;
        for (int r = 0; r < firstBlock; r++) {
            row(html, table, cell, columns, r);
        }
        if (cut) {
            html.append("<tr>");
            for (int i = 0; i < columns.size(); i++) {
                html.append("<td>…</td>");
            }
            html.append("</tr>");
            for (int r = rows - tail; r < rows; r++) {
                row(html, table, cell, columns, r);
            }
        }
        return html.append("</tbody></table>").toString();
    }

    private void row(StringBuilder html, Object table, Method cell, List<String> columns, int r)
            throws ReflectiveOperationException {
        html.append("<tr>");
        for (String col : columns) {
            String v = tidy(String.valueOf(cell.invoke(table, r, col)));
            if (v.length() > maxCell) {
                v = v.substring(0, maxCell - 1) + "…";
            }
            html.append("<td>").append(escape(v)).append("</td>");
        }
        html.append("</tr>");
    }

    /** A decimal number shown with at most {@value #DIGITS} significant digits (Tablesaw prints doubles in full). */
    static final int DIGITS = 6;

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /**
     * Rounds a cell that is a decimal number with a fraction or exponent (e.g. {@code 0.31622776601683794} ->
     * {@code 0.316228}, {@code 1.2345678E-7} -> {@code 1.23457E-7}); integers, text and non-finite values are kept.
     */
    static String tidy(String v) {
        if (v.length() <= DIGITS + 2 || !DECIMAL.matcher(v).matches() || (v.indexOf('.') < 0 && v.indexOf('e') < 0
                && v.indexOf('E') < 0)) {
            return v;
        }
        java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(DIGITS))
                .stripTrailingZeros();
        double magnitude = Math.abs(b.doubleValue());
        return magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e9) ? b.toPlainString() : b.toString();
    }

    private static Object call(Class<?> c, Object target, String method) throws ReflectiveOperationException {
        return c.getMethod(method).invoke(target);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                default: b.append(ch);
            }
        }
        return b.toString();
    }
}
