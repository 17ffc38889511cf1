package org.foolshap.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.foolshap.data.ColumnTypes;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The committed table's columns, in order, with their types, and which columns form groups that rows can be drawn
 * from (their level counts are in the commitment, and every row's rank within its level is in its leaf).
 *
 * @param columns      the columns in file order
 * @param groupColumns the group columns, in file order (text or integer columns, no missing values)
 */
public record Schema(List<ColumnSpec> columns, List<String> groupColumns) {
    /** How a column's values are encoded: integers (Tablesaw INTEGER or LONG), doubles, or text. */
    public enum Type {
        INTEGER, LONG, DOUBLE, TEXT;

        /** The name in the JSON files. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type parse(String id) {
            for (Type t : values()) {
                if (t.id().equals(id)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown column type '" + id + "' (known: integer, long, double, text)");
        }
    }

    /** One column: its name and type. */
    public record ColumnSpec(String name, Type type) {
    }

    public Schema {
        columns = List.copyOf(columns);
        groupColumns = List.copyOf(groupColumns);
        java.util.Map<String, Type> types = new java.util.LinkedHashMap<>();
        for (ColumnSpec c : columns) {
            if (types.put(c.name(), c.type()) != null) {
                throw new IllegalArgumentException("column " + c.name() + " appears twice");
            }
        }
        for (String g : groupColumns) {
            if (!types.containsKey(g)) {
                throw new IllegalArgumentException("group column " + g + " is not a column " + types.keySet());
            }
            if (types.get(g) == Type.DOUBLE) {
                throw new IllegalArgumentException("group column " + g + " holds doubles; groups are text or integer "
                        + "columns");
            }
        }
    }

    /**
     * The schema of a table read by the workbench's CSV reader; {@code groups} null means every text column.
     */
    public static Schema of(Table table, List<String> groups) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            cols.add(new ColumnSpec(c.name(), typeOf(c)));
        }
        List<String> g = new ArrayList<>();
        for (ColumnSpec c : cols) {
            if (groups == null ? c.type() == Type.TEXT : groups.contains(c.name())) {
                g.add(c.name());
            }
        }
        if (groups != null) {
            for (String name : groups) {
                if (!table.containsColumn(name)) {
                    throw new IllegalArgumentException("group column " + name + " is not in " + table.name()
                            + " (columns: " + table.columnNames() + ")");
                }
            }
        }
        return new Schema(cols, g);
    }

    private static Type typeOf(Column<?> c) {
        ColumnType t = c.type();
        if (ColumnTypes.same(t, ColumnType.INTEGER) || ColumnTypes.same(t, ColumnType.SHORT)) {
            return Type.INTEGER;
        }
        if (ColumnTypes.same(t, ColumnType.LONG)) {
            return Type.LONG;
        }
        if (ColumnTypes.same(t, ColumnType.DOUBLE) || ColumnTypes.same(t, ColumnType.FLOAT)) {
            return Type.DOUBLE;
        }
        if (ColumnTypes.same(t, ColumnType.STRING)) {
            return Type.TEXT;
        }
        throw new IllegalArgumentException("column " + c.name() + " has type " + t + ", which a commitment cannot "
                + "encode (integer, long, double or text)");
    }

    public List<String> names() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("column " + column + " is not in the committed table " + names());
    }

    public Type type(String column) {
        return columns.get(index(column)).type();
    }
}
