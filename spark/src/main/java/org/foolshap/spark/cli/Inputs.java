package org.foolshap.spark.cli;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.foolshap.cli.UserError;
import org.foolshap.model.ModelFile;
import org.foolshap.spark.EncodedPart;
import org.foolshap.spark.ExplainedModel;
import org.foolshap.spark.SparkBackground;
import org.foolshap.spark.Tables;

/** Reading a command's model and tables. */
final class Inputs {
    private Inputs() {
    }

    static ExplainedModel model(Path file, String method) throws java.io.IOException {
        return ExplainedModel.of(ModelFile.load(file), method);
    }

    /** A table encoded on Spark; rows identified by {@code rowId}, or by position when null. */
    static SparkBackground table(SparkSession spark, ExplainedModel model, Path file, String rowId) {
        exists(file);
        return SparkBackground.of(Tables.read(spark, file.toString()), model.features(), rowId, file.toString());
    }

    /** A small table's rows on the driver, in file order (the library's order). */
    static double[][] rows(SparkSession spark, ExplainedModel model, Path file) {
        SparkBackground t = table(spark, model, file, null);
        try {
            EncodedPart all = t.collect();
            return all.rows();
        } finally {
            t.release();
        }
    }

    private static void exists(Path file) {
        if (!java.nio.file.Files.exists(file)) {
            throw new UserError("no such file: " + file);
        }
    }
}
