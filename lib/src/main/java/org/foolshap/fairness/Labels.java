package org.foolshap.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Binary labels and group values read from table columns, with errors that name the column and the values. */
final class Labels {
    private Labels() {
    }

    /**
     * The 0/1 labels of a target column: by the model's two target levels when every value is one of them (level 1 is
     * the positive class), else the values themselves when they are all 0 or 1, else the larger of exactly two
     * distinct values (numerically, or as text) is 1, as {@code Dataset.of} codes a target.
     *
     * @param levels the model's target levels in code order, or null
     */
    static int[] binary(Table table, String target, List<String> levels) {
        Column<?> c = column(table, target, "target");
        int n = c.size();
        String[] text = new String[n];
        for (int r = 0; r < n; r++) {
            text[r] = text(c, r);
        }
        if (levels != null && levels.size() == 2 && allIn(text, levels)) {
            int[] y = new int[n];
            for (int r = 0; r < n; r++) {
                y[r] = levels.indexOf(text[r]);
            }
            return y;
        }
        if (allIn(text, List.of("0", "1"))) {
            int[] y = new int[n];
            for (int r = 0; r < n; r++) {
                y[r] = text[r].equals("1") ? 1 : 0;
            }
            return y;
        }
        List<String> distinct = distinct(c);
        if (distinct.size() != 2) {
            String shown = distinct.size() > 6 ? distinct.subList(0, 6) + "..." : distinct.toString();
            throw new IllegalArgumentException("target column '" + target + "' has " + distinct.size()
                    + " distinct values " + shown + (levels == null ? "" : " that are not the model's levels " + levels)
                    + "; fairness metrics need a binary target");
        }
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            y[r] = distinct.indexOf(text[r]);
        }
        return y;
    }

    /** The values of a sensitive column as text, one per row; missing values are an error naming the first row. */
    static String[] values(Table table, String sensitive) {
        Column<?> c = column(table, sensitive, "sensitive");
        String[] out = new String[c.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = text(c, r);
        }
        return out;
    }

    /** The distinct values of a column, sorted numerically for numeric columns, else as text. */
    static List<String> distinct(Column<?> c) {
        List<String> out = new ArrayList<>();
        if (c instanceof NumericColumn<?> nc) {
            TreeSet<Double> set = new TreeSet<>();
            for (int r = 0; r < nc.size(); r++) {
                set.add(nc.getDouble(r));
            }
            set.forEach(v -> out.add(number(v)));
        } else {
            TreeSet<String> set = new TreeSet<>();
            for (int r = 0; r < c.size(); r++) {
                set.add(c.getString(r));
            }
            out.addAll(set);
        }
        return out;
    }

    static Column<?> column(Table table, String name, String role) {
        if (name == null || !table.containsColumn(name)) {
            throw new IllegalArgumentException(role + " column '" + name + "' is not in " + table.name()
                    + " (columns: " + table.columnNames() + ")");
        }
        Column<?> c = table.column(name);
        int missing = c.countMissing();
        if (missing > 0) {
            int first = 0;
            while (!c.isMissing(first)) {
                first++;
            }
            throw new IllegalArgumentException(role + " column '" + name + "' has " + missing
                    + " missing values (first at row " + first + "); drop or fill them first");
        }
        return c;
    }

    private static boolean allIn(String[] text, List<String> allowed) {
        for (String t : text) {
            if (!allowed.contains(t)) {
                return false;
            }
        }
        return true;
    }

    static String text(Column<?> c, int r) {
        return c instanceof NumericColumn<?> n ? number(n.getDouble(r)) : c.getString(r);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
