package org.foolshap.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] session for a test class; the web UI off. */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession start() {
        return SparkSession.builder().master("local[2]").appName("foolshap-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
    }
}
