package org.foolshap.spark;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reading a table for the workbench: CSV (header, every column as text, as the library's CSV reader sees it) or Parquet. */
public final class Tables {
    private Tables() {
    }

    /**
     * A CSV file (or folder of CSV parts) with a header, every column read as text so that the model's encoding sees
     * the same strings as {@code foolshap.jar} does; a path ending in .parquet (file or folder) is read as Parquet.
     */
    public static Dataset<Row> read(SparkSession spark, String path) {
        if (path.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return spark.read().parquet(path);
        }
        return spark.read().option("header", "true").option("inferSchema", "false").option("mode", "FAILFAST")
                .csv(path);
    }

    /** Index of a column, or -1. */
    static int index(Dataset<Row> table, String column) {
        return Arrays.asList(table.columns()).indexOf(column);
    }
}
