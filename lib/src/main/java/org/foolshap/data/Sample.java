package org.foolshap.data;

import java.util.Arrays;
import java.util.List;
import org.foolshap.Tabular;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Rows of one group of an {@link AuditSetting}, e.g. the S_0' or S_1' a company hands to the auditor: the real rows
 * as a Tablesaw table, their encoded model rows, their positions in the group and their ids in the source table.
 * Repeats are kept (samples are drawn with replacement). Immutable.
 */
public final class Sample implements Tabular {
    private final String name;
    private final Group group;
    private final int[] positions;
    private final int[] ids;
    private final double[][] rows;
    private final Table table;
    private final List<String> features;

    Sample(String name, Group group, int[] positions, int[] ids, double[][] rows, Table table, List<String> features) {
        this.name = name;
        this.group = group;
        this.positions = positions;
        this.ids = ids;
        this.rows = rows;
        this.table = table;
        this.features = List.copyOf(features);
    }

    /** A label such as "S_1'" or "uniform sample of D_1". */
    public String name() {
        return name;
    }

    public Group group() {
        return group;
    }

    public int size() {
        return ids.length;
    }

    /** Positions within the group (indices into the setting's foreground or background rows). */
    public int[] positions() {
        return positions.clone();
    }

    /** Row ids in the source table (the setting's {@code row} column). */
    public int[] ids() {
        return ids.clone();
    }

    /** The encoded model rows, in sample order (copies). */
    public double[][] rows() {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    /** The feature names of the encoded rows, in column order. */
    public List<String> features() {
        return features;
    }

    /** How many distinct source rows the sample holds (fewer than {@link #size()} when rows repeat). */
    public int distinctRows() {
        return (int) Arrays.stream(ids).distinct().count();
    }

    /** The real rows: a {@code row} column with the source row ids, then the source columns. */
    @Override
    public Table toTable() {
        return table.copy();
    }

    @Override
    public String toString() {
        return name + ": " + size() + " rows of " + group.symbol() + " (" + distinctRows() + " distinct)";
    }

    static Table withIds(Table source, int[] ids, String name) {
        Table t = Dataset.select(source, ids);
        t.insertColumn(0, IntColumn.create(AuditSetting.ROW_ID, ids));
        return t.setName(name);
    }
}
