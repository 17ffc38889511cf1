package org.foolshap.spark.cli;

import org.apache.spark.sql.SparkSession;
import org.foolshap.spark.Sessions;
import picocli.CommandLine.Option;

/** Options every command shares: where Spark runs, and the cores a task's TreeSHAP may use. */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "MASTER",
            description = "Spark master, e.g. local[2], spark://host:7077 or yarn; with spark-submit, its --master")
    String master;

    @Option(names = "--task-threads", defaultValue = "1", paramLabel = "N",
            description = "TreeSHAP threads per task; match spark.task.cpus (default: ${DEFAULT-VALUE})")
    int taskThreads;

    SparkSession session() {
        return Sessions.open(master);
    }
}
