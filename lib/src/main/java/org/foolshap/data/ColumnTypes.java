package org.foolshap.data;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw column types compared by name. Tablesaw makes each type a lazily created singleton
 * ({@code DoubleColumnType.instance()} tests and sets a plain static field), so when two threads first create
 * columns of a type at once there can be two instances, and {@code column.type() == ColumnType.DOUBLE} is then
 * false for a double column: a commitment refused a table's double column that way in a test run.
 */
public final class ColumnTypes {
    private ColumnTypes() {
    }

    /** Whether the column's type is {@code type}. */
    public static boolean is(Column<?> column, ColumnType type) {
        return same(column.type(), type);
    }

    /** Whether two column types are the same type. */
    public static boolean same(ColumnType a, ColumnType b) {
        return a.name().equals(b.name());
    }
}
