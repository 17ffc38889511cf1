package org.foolshap.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a command: the given master, or the one spark-submit set (spark.master). */
public final class Sessions {
    private Sessions() {
    }

    /**
     * A session on {@code master} (e.g. local[2], spark://host:7077, yarn), or, when null, on the master spark-submit
     * passed in the system property spark.master; one line when there is neither.
     */
    public static SparkSession open(String master) {
        SparkConf conf = new SparkConf();
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("no Spark master: give --master (e.g. local[2] or spark://host:7077), "
                    + "or run through spark-submit --master ...");
        }
        if (conf.get("spark.master").startsWith("local") && !conf.contains("spark.ui.enabled")) {
            conf.set("spark.ui.enabled", "false"); // a local run needs no web UI (and no port)
        }
        conf.setIfMissing("spark.app.name", "foolshap");
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
