package org.foolshap.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.foolshap.data.Feature;
import org.foolshap.data.Features;
import scala.Tuple2;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A table of a Spark {@link Dataset} encoded into model rows partition by partition, by the library's own
 * {@link Features#encode} (so codes and numbers are those of {@code foolshap.jar} on the same file), cached for the
 * jobs that follow. Each row keeps its id: the table's row id column (default {@code row}), or, for tables without
 * one where the library uses positions, the 0-based position in the table. Columns the model does not take are
 * ignored. Immutable; {@link #release} drops the cache.
 */
public final class SparkBackground {
    /** Name of the row id column, as in the library's tables ({@code AuditSetting.ROW_ID}). */
    public static final String ROW_ID = org.foolshap.data.AuditSetting.ROW_ID;

    private final JavaRDD<EncodedPart> parts;
    private final List<String> names;
    private final long count;

    private SparkBackground(JavaRDD<EncodedPart> parts, List<String> names, long count) {
        this.parts = parts;
        this.names = names;
        this.count = count;
    }

    /**
     * Encodes {@code table} with the model's features; {@code rowId} names its row id column, which must exist (one
     * line naming the table otherwise), or is null to number rows by position. Checks every column on the driver
     * before any task starts; a bad cell (unknown category, text in a numeric column, missing value) fails its task
     * with the library's message and the row id. Cost: one pass over the table (the count), then cached.
     *
     * @param what the table's name in messages, e.g. the file
     */
    public static SparkBackground of(Dataset<Row> table, Features features, String rowId, String what) {
        int idColumn = -1;
        if (rowId != null) {
            idColumn = Tables.index(table, rowId);
            if (idColumn < 0) {
                throw new IllegalArgumentException(what + " has no row id column '" + rowId + "' (its columns are "
                        + String.join(", ", table.columns()) + ")");
            }
        }
        int[] columns = new int[features.width()];
        for (int i = 0; i < columns.length; i++) {
            String name = features.get(i).name();
            columns[i] = Tables.index(table, name);
            if (columns[i] < 0) {
                throw new IllegalArgumentException(what + " lacks the column '" + name + "' that the model takes (its "
                        + "columns are " + String.join(", ", table.columns()) + ")");
            }
        }
        int id = idColumn;
        JavaRDD<EncodedPart> parts;
        if (id >= 0) {
            parts = table.javaRDD().mapPartitions(it -> Collections.singletonList(
                    encode(it, r -> id(r.get(id), rowId, what), features, columns, what)).iterator());
        } else {
            JavaRDD<Tuple2<Row, Long>> numbered = table.javaRDD().zipWithIndex().map(t -> t);
            parts = numbered.mapPartitions(it -> Collections.singletonList(
                    encodeNumbered(it, features, columns, what)).iterator());
        }
        parts = parts.persist(StorageLevel.MEMORY_AND_DISK());
        long n = parts.map(EncodedPart::size).fold(0, Integer::sum);
        if (n == 0) {
            throw new IllegalArgumentException(what + " has no rows");
        }
        return new SparkBackground(parts, features.names(), n);
    }

    /** Rows in the table. */
    public long count() {
        return count;
    }

    /** The model's feature names. */
    public List<String> names() {
        return names;
    }

    /** The encoded partitions (one {@link EncodedPart} each, empty ones included). */
    public JavaRDD<EncodedPart> parts() {
        return parts;
    }

    /** Number of partitions. */
    public int partitions() {
        return parts.getNumPartitions();
    }

    /**
     * Every row on the driver, ordered by row id: for the attack, whose sweep and samples need the whole background
     * in one JVM. Fails with one line when the rows would take more than {@link DriverLimit} allows.
     */
    public EncodedPart collect() {
        DriverLimit.check(count, names.size(), 1, "collecting the background's encoded rows");
        return sorted(parts.collect());
    }

    /** Drops the cached encoding. */
    public void release() {
        parts.unpersist(false);
    }

    /** Concatenates parts and orders their rows by id; two rows with one id are an error naming it. */
    static EncodedPart sorted(List<EncodedPart> list) {
        int n = list.stream().mapToInt(EncodedPart::size).sum();
        long[] ids = new long[n];
        double[][] rows = new double[n][];
        int k = 0;
        for (EncodedPart p : list) {
            System.arraycopy(p.ids(), 0, ids, k, p.size());
            System.arraycopy(p.rows(), 0, rows, k, p.size());
            k += p.size();
        }
        Integer[] order = RowOrder.byId(ids);
        long[] sortedIds = new long[n];
        double[][] sortedRows = new double[n][];
        for (int j = 0; j < n; j++) {
            sortedIds[j] = ids[order[j]];
            sortedRows[j] = rows[order[j]];
        }
        return new EncodedPart(sortedIds, sortedRows);
    }

    private interface IdOf extends java.io.Serializable {
        long apply(Row r);
    }

    private static EncodedPart encode(Iterator<Row> it, IdOf idOf, Features features, int[] columns, String what) {
        List<Row> rows = new ArrayList<>();
        it.forEachRemaining(rows::add);
        long[] ids = new long[rows.size()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = idOf.apply(rows.get(r));
        }
        return new EncodedPart(ids, encode(rows, ids, features, columns, what));
    }

    private static EncodedPart encodeNumbered(Iterator<Tuple2<Row, Long>> it, Features features, int[] columns,
                                              String what) {
        List<Row> rows = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        it.forEachRemaining(t -> {
            rows.add(t._1());
            positions.add(t._2());
        });
        long[] ids = positions.stream().mapToLong(Long::longValue).toArray();
        return new EncodedPart(ids, encode(rows, ids, features, columns, what));
    }

    /**
     * The library's encoding of one partition: its cells as text columns (what the library's CSV reader would give
     * a text column; numbers of a Parquet file as Java prints them), then {@link Features#encode}.
     */
    private static double[][] encode(List<Row> rows, long[] ids, Features features, int[] columns, String what) {
        if (rows.isEmpty()) {
            return new double[0][];
        }
        Table t = Table.create(what);
        for (int i = 0; i < columns.length; i++) {
            Feature f = features.get(i);
            StringColumn c = StringColumn.create(f.name());
            for (Row r : rows) {
                Object v = r.get(columns[i]);
                if (v == null) {
                    c.appendMissing();
                } else {
                    c.append(v.toString());
                }
            }
            t.addColumns(c);
        }
        try {
            return features.encode(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (in the partition whose first row id is " + ids[0]
                    + ")");
        }
    }

    private static long id(Object value, String column, String what) {
        if (value instanceof Number n && (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte)) {
            return n.longValue();
        }
        String s = value == null ? "" : value.toString().trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": row id column '" + column + "' holds '" + s
                    + "', not a whole number");
        }
    }

    @Override
    public String toString() {
        return "SparkBackground " + count + " rows x " + names.size() + " features in " + partitions() + " partitions";
    }
}
