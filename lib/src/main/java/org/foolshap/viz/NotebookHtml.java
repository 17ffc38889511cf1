package org.foolshap.viz;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw {@link Table} as a compact HTML table for notebooks: numbers rounded to 4 significant digits without
 * trailing zeros (whole numbers from 10,000 up, scientific notation below 0.0001), integers as they are, missing
 * values empty, text escaped and cut at {@value #MAX_CELL} characters, and a long table cut after {@value #HEAD}
 * rows with a "... N more rows" line. Cost: O(shown rows × columns), whatever the table's size.
 */
final class NotebookHtml {
    /** Rows shown of a table longer than {@link #MAX_ROWS}. */
    static final int HEAD = 20;
    /** Tables up to this many rows are shown whole (cutting 3 rows off 23 would hide little and confuse). */
    static final int MAX_ROWS = 25;
    static final int MAX_CELL = 60;

    private NotebookHtml() {
    }

    static String table(Table t) {
        int rows = t.rowCount();
        List<Column<?>> columns = t.columns();
        int shown = rows <= MAX_ROWS ? rows : HEAD;
        StringBuilder html = new StringBuilder(256 + 32 * (shown + 1) * Math.max(1, columns.size()));
        html.append("<table class=\"foolshap-table\"><caption style=\"caption-side:bottom;text-align:left\">");
        if (t.name() != null && !t.name().isBlank()) {
            html.append(escape(t.name())).append(": ");
        }
        html.append(String.format(Locale.ROOT, "%,d %s × %,d %s", rows, rows == 1 ? "row" : "rows", columns.size(),
                columns.size() == 1 ? "column" : "columns"));
        html.append("</caption><thead><tr>");
        for (Column<?> c : columns) {
            html.append(c instanceof NumericColumn ? "<th style=\"text-align:right\">" : "<th>")
                    .append(escape(c.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int r = 0; r < shown; r++) {
            html.append("<tr>");
            for (Column<?> c : columns) {
                html.append(c instanceof NumericColumn ? "<td style=\"text-align:right\">" : "<td>")
                        .append(escape(cell(c, r))).append("</td>");
            }
            html.append("</tr>");
        }
        if (shown < rows) {
            html.append("<tr><td colspan=\"").append(Math.max(1, columns.size()))
                    .append("\" style=\"text-align:left\">")
                    .append(String.format(Locale.ROOT, "... %,d more rows", rows - shown)).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** One cell as text: numbers rounded, missing values empty, long text cut. */
    static String cell(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return "";
        }
        if (c instanceof NumericColumn && isFractional(c)) {
            return number(((NumericColumn<?>) c).getDouble(row));
        }
        String s = c.getString(row);
        return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
    }

    private static boolean isFractional(Column<?> c) {
        String type = c.type().name();
        return type.equals("DOUBLE") || type.equals("FLOAT");
    }

    /**
     * {@code x} to 4 significant digits without trailing zeros: 0.1235, 2.5, 1235, 12346 (whole numbers from
     * 10,000 up keep every digit), 1.235e-05 (below 0.0001), 1.235e+15 (from 10^15); NaN, Infinity as Java writes
     * them.
     */
    static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1e15 || a < 1e-4) {
            String s = String.format(Locale.ROOT, "%.3e", x);     // 1.230e-05
            int e = s.indexOf('e');
            return stripZeros(s.substring(0, e)) + s.substring(e);
        }
        if (a >= 1e4) {
            return Long.toString(Math.round(x));
        }
        return new BigDecimal(x).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }

    private static String stripZeros(String decimal) {
        if (decimal.indexOf('.') < 0) {
            return decimal;
        }
        String s = decimal.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
