package org.foolshap.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The ordered inputs of a model and the one encoding between Tablesaw tables and model rows: numeric columns
 * are copied, categorical columns become the index of their level. Unknown levels, missing values and numbers
 * that are not finite are errors that name the column, the row and the value, never a silent code.
 */
public record Features(List<Feature> list) implements Serializable {
    public Features {
        list = List.copyOf(list);
        var seen = new java.util.HashSet<String>();
        for (Feature f : list) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException("feature " + f.name() + " appears twice");
            }
        }
    }

    public static Features of(Feature... features) {
        return new Features(List.of(features));
    }

    /**
     * Infers features from a table: string columns are categorical (levels sorted, so the coding does not depend
     * on row order), everything else numeric. Columns in {@code exclude} (e.g. the target) are skipped.
     */
    public static Features infer(Table table, String... exclude) {
        var skip = java.util.Set.of(exclude);
        List<Feature> out = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (skip.contains(c.name())) {
                continue;
            }
            if (ColumnTypes.is(c, ColumnType.STRING)) {
                List<String> levels = new ArrayList<>(((StringColumn) c).removeMissing().unique().asList());
                levels.sort(null);
                out.add(Feature.categorical(c.name(), levels));
            } else if (c instanceof NumericColumn<?> || ColumnTypes.is(c, ColumnType.BOOLEAN)) {
                out.add(Feature.numeric(c.name()));
            } else {
                throw new IllegalArgumentException("column " + c.name() + " has type " + c.type()
                        + ", which is neither numeric nor categorical");
            }
        }
        return new Features(out);
    }

    public int width() {
        return list.size();
    }

    public Feature get(int i) {
        return list.get(i);
    }

    public List<String> names() {
        return list.stream().map(Feature::name).toList();
    }

    /** Index of a feature by name, or an error listing the names that exist. */
    public int index(String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("feature " + name + " is not one of the model's features " + names());
    }

    /** Encodes every row of {@code table} (extra columns are ignored) into model rows. */
    public double[][] encode(Table table) {
        int n = table.rowCount();
        double[][] rows = new double[n][width()];
        for (int j = 0; j < width(); j++) {
            Feature f = list.get(j);
            if (!table.containsColumn(f.name())) {
                throw new IllegalArgumentException("column " + f.name() + " is missing from table "
                        + table.name() + " (it has " + table.columnNames() + ")");
            }
            Column<?> c = table.column(f.name());
            for (int r = 0; r < n; r++) {
                if (c.isMissing(r) && f.missingAllowed()) {
                    rows[r][j] = Double.NaN; // the model sends NaN its own way (default directions)
                    continue;
                }
                if (c.isMissing(r)) {
                    throw new IllegalArgumentException("missing value in column " + f.name() + " of table "
                            + table.name() + " at row " + r);
                }
                rows[r][j] = f.categorical() ? code(f, c.getString(r), r) : numeric(c, r);
                if (!Double.isFinite(rows[r][j])) {
                    throw new IllegalArgumentException("column " + f.name() + " of table " + table.name() + " holds "
                            + rows[r][j] + " at row " + r + "; numbers must be finite");
                }
            }
        }
        return rows;
    }

    /** Decodes model rows back into a table with one typed column per feature. */
    public Table decode(double[][] rows, String name) {
        Table t = Table.create(name);
        for (int j = 0; j < width(); j++) {
            Feature f = list.get(j);
            if (f.categorical()) {
                StringColumn c = StringColumn.create(f.name());
                for (double[] row : rows) {
                    c.append(f.levels().get((int) row[j]));
                }
                t.addColumns(c);
            } else {
                tech.tablesaw.api.DoubleColumn c = tech.tablesaw.api.DoubleColumn.create(f.name());
                for (double[] row : rows) {
                    c.append(row[j]);
                }
                t.addColumns(c);
            }
        }
        return t;
    }

    private static double code(Feature f, String value, int row) {
        int k = f.code(value);
        if (k < 0) {
            throw new IllegalArgumentException("unknown category '" + value + "' in column " + f.name() + " at row "
                    + row + " (known: " + f.levels() + ")");
        }
        return k;
    }

    private static double numeric(Column<?> c, int row) {
        if (c instanceof NumericColumn<?> nc) {
            return nc.getDouble(row);
        }
        if (ColumnTypes.is(c, ColumnType.BOOLEAN)) {
            return ((tech.tablesaw.api.BooleanColumn) c).get(row) ? 1 : 0;
        }
        String s = c.getString(row);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + c.name() + " is numeric for the model but row " + row
                    + " holds '" + s + "'");
        }
    }
}
