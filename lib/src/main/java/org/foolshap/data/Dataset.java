package org.foolshap.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A binary classification table as the workbench uses it: typed Tablesaw columns (categorical as strings), the
 * target last as a 0/1 integer column, and optionally a sensitive attribute with its protected value. Gives the
 * paper's stratified 80/20 train/test splits, the audit's group split D_0 (protected group, the foreground) /
 * D_1 (everyone else, the background), and the model encoding ({@link Features}).
 *
 * <p>Immutable (the table is copied in and handed out as copies).
 */
public final class Dataset {
    /** Share of rows held out for testing in {@link #split(int)}. */
    public static final double TEST_FRACTION = 0.2;

    private final String name;
    private final Table table;
    private final String target;
    private final List<String> targetLevels;
    private final String sensitive;
    private final String protectedValue;
    private final Features features;

    private Dataset(String name, Table table, String target, List<String> targetLevels, String sensitive,
                    String protectedValue) {
        this.name = name;
        this.table = table;
        this.target = target;
        this.targetLevels = List.copyOf(targetLevels);
        this.sensitive = sensitive;
        this.protectedValue = protectedValue;
        this.features = Features.infer(table, target);
    }

    /**
     * Wraps a table. The target must be present, without missing values, with exactly two distinct values: the
     * numerically larger (numeric columns) or lexicographically larger (string columns) becomes 1, and the
     * column is moved last as 0/1 integers. When {@code sensitive} is given, the column must exist and hold
     * both the protected value and at least one other value. Feature columns with missing values are allowed
     * here but rejected by {@link Features#encode}.
     *
     * @param sensitive      sensitive attribute column, or null
     * @param protectedValue value of {@code sensitive} marking the protected group (compared as text, or as a
     *                       number for numeric columns), or null when {@code sensitive} is null
     */
    public static Dataset of(String name, Table table, String target, String sensitive, String protectedValue) {
        if (!table.containsColumn(target)) {
            throw new IllegalArgumentException("target column '" + target + "' is not in " + table.name()
                    + " (columns: " + table.columnNames() + ")");
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(table.name() + " has no rows");
        }
        Column<?> y = table.column(target);
        if (y.countMissing() > 0) {
            throw new IllegalArgumentException("target column '" + target + "' has " + y.countMissing()
                    + " missing values");
        }
        List<String> levels = levels(y);
        if (levels.size() != 2) {
            String shown = levels.size() > 6 ? levels.subList(0, 6) + "..." : levels.toString();
            throw new IllegalArgumentException("target column '" + target + "' has " + levels.size() + " distinct values "
                    + shown + "; a binary classifier needs exactly 2");
        }
        IntColumn coded = IntColumn.create(target);
        for (int r = 0; r < table.rowCount(); r++) {
            coded.append(levels.indexOf(text(y, r)));
        }
        Table t = table.copy();
        t.removeColumns(target);
        t.addColumns(coded);
        if (t.columnCount() < 2) {
            throw new IllegalArgumentException(table.name() + " has no feature columns besides the target '" + target + "'");
        }
        if (sensitive != null) {
            checkGroups(t, sensitive, protectedValue);
        }
        return new Dataset(name, t, target, levels, sensitive, protectedValue);
    }

    public String name() {
        return name;
    }

    /** A copy of the whole table, target last. */
    public Table table() {
        return table.copy();
    }

    public int rowCount() {
        return table.rowCount();
    }

    public String target() {
        return target;
    }

    /** The original target values coded 0 and 1, in code order. */
    public List<String> targetLevels() {
        return targetLevels;
    }

    /** Sensitive attribute column, or null when the dataset has none. */
    public String sensitive() {
        return sensitive;
    }

    /** Protected value of the sensitive attribute, or null. */
    public String protectedValue() {
        return protectedValue;
    }

    public boolean hasSensitive() {
        return sensitive != null;
    }

    /** Model inputs: every column but the target; string columns categorical with sorted levels. */
    public Features features() {
        return features;
    }

    /** All rows encoded for models. */
    public double[][] x() {
        return features.encode(table);
    }

    /** The 0/1 labels. */
    public int[] y() {
        IntColumn c = table.intColumn(target);
        int[] y = new int[c.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = c.getInt(i);
        }
        return y;
    }

    /**
     * Rows by index, as a new table in the order given, repeats kept (a sample drawn with replacement stays one).
     * Tablesaw's own {@code Table.rows(int...)} selects through a bitmap, so it would sort and de-duplicate.
     */
    public Table rows(int[] index) {
        return select(table, index);
    }

    /** Rows of any table by index, in the order given, repeats kept (see {@link #rows(int[])}). */
    public static Table select(Table table, int[] index) {
        Table out = table.emptyCopy();
        for (int i : index) {
            if (i < 0 || i >= table.rowCount()) {
                throw new IndexOutOfBoundsException("row " + i + " of " + table.name() + " with " + table.rowCount()
                        + " rows");
            }
            out.addRow(i, table);
        }
        return out;
    }

    /**
     * Stratified 80/20 split: within each class the rows are permuted with {@code new Random(seed)} (class 0 first)
     * and round(0.2 n_c) of them go to the test set. The same seed always gives the same split; seeds 0..4 are the
     * paper's five splits.
     */
    public Split split(int seed) {
        int[] y = y();
        Random rng = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c <= 1; c++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    idx.add(i);
                }
            }
            java.util.Collections.shuffle(idx, rng);
            int nTest = (int) Math.round(TEST_FRACTION * idx.size());
            test.addAll(idx.subList(0, nTest));
            train.addAll(idx.subList(nTest, idx.size()));
        }
        return new Split(seed, sorted(train), sorted(test));
    }

    /** Whether each row belongs to the protected group (D_0). */
    public boolean[] protectedMask() {
        requireSensitive();
        return protectedMask(table, sensitive, protectedValue);
    }

    /**
     * Whether each row of any table is in the protected group {@code sensitive == protectedValue}, after checking
     * that the column exists, has no missing values and holds both groups (errors name the column and values).
     */
    public static boolean[] protectedMask(Table table, String sensitive, String protectedValue) {
        checkGroups(table, sensitive, protectedValue);
        Column<?> c = table.column(sensitive);
        boolean[] mask = new boolean[table.rowCount()];
        for (int r = 0; r < mask.length; r++) {
            mask[r] = isProtected(c, r, protectedValue);
        }
        return mask;
    }

    /** Indices of D_0, the protected group (the foreground of the audit). */
    public int[] foregroundRows() {
        return group(true);
    }

    /** Indices of D_1, everyone else (the background of the audit). */
    public int[] backgroundRows() {
        return group(false);
    }

    /** D_0: the protected group's rows (foreground). */
    public Table foreground() {
        return rows(foregroundRows());
    }

    /** D_1: the other rows (background). */
    public Table background() {
        return rows(backgroundRows());
    }

    @Override
    public String toString() {
        return "Dataset " + name + " (" + rowCount() + " rows, " + features.width() + " features, target " + target
                + (sensitive == null ? "" : ", sensitive " + sensitive + " = " + protectedValue) + ")";
    }

    private int[] group(boolean protectedGroup) {
        boolean[] mask = protectedMask();
        return java.util.stream.IntStream.range(0, mask.length).filter(i -> mask[i] == protectedGroup).toArray();
    }

    private void requireSensitive() {
        if (sensitive == null) {
            throw new IllegalStateException("dataset " + name + " has no sensitive attribute");
        }
    }

    private static void checkGroups(Table t, String sensitive, String protectedValue) {
        if (!t.containsColumn(sensitive)) {
            throw new IllegalArgumentException("sensitive attribute '" + sensitive + "' is not a column of " + t.name()
                    + " (columns: " + t.columnNames() + ")");
        }
        if (protectedValue == null) {
            throw new IllegalArgumentException("sensitive attribute '" + sensitive + "' needs a protected value");
        }
        Column<?> c = t.column(sensitive);
        int in = 0;
        int missing = 0;
        for (int r = 0; r < c.size(); r++) {
            if (c.isMissing(r)) {
                missing++;
            } else if (isProtected(c, r, protectedValue)) {
                in++;
            }
        }
        if (missing > 0) {
            throw new IllegalArgumentException("sensitive attribute '" + sensitive + "' has " + missing + " missing values");
        }
        if (in == 0 || in == c.size()) {
            throw new IllegalArgumentException("sensitive attribute '" + sensitive + "' has only one group present ("
                    + (in == 0 ? "no row" : "every row") + " has the protected value '" + protectedValue
                    + "'; values: " + levels(c) + ")");
        }
    }

    static boolean isProtected(Column<?> c, int r, String protectedValue) {
        if (c.isMissing(r)) {
            return false;
        }
        if (c instanceof NumericColumn<?> n) {
            try {
                return n.getDouble(r) == Double.parseDouble(protectedValue);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return c.getString(r).equals(protectedValue);
    }

    /** Distinct non-missing values as text: numeric columns in numeric order, others in lexicographic order. */
    private static List<String> levels(Column<?> c) {
        if (c instanceof NumericColumn<?> n) {
            TreeSet<Double> values = new TreeSet<>();
            for (int r = 0; r < n.size(); r++) {
                if (!n.isMissing(r)) {
                    values.add(n.getDouble(r));
                }
            }
            List<String> out = new ArrayList<>();
            for (double v : values) {
                out.add(number(v));
            }
            return out;
        }
        TreeSet<String> values = new TreeSet<>();
        for (int r = 0; r < c.size(); r++) {
            if (!c.isMissing(r)) {
                values.add(c.getString(r));
            }
        }
        return new ArrayList<>(values);
    }

    private static String text(Column<?> c, int r) {
        return c instanceof NumericColumn<?> n ? number(n.getDouble(r)) : c.getString(r);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static int[] sorted(List<Integer> list) {
        int[] a = list.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
