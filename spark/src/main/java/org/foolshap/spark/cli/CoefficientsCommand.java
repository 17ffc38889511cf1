package org.foolshap.spark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.foolshap.cli.UserError;
import org.foolshap.spark.DistributedCoefficients;
import org.foolshap.spark.ExplainedModel;
import org.foolshap.spark.SparkBackground;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coefficients}: the attack's input C[j][i] = Phi_i(f, FG, z_j) for every background row, on Spark. */
@Command(name = "coefficients", mixinStandardHelpOptions = true,
        description = {"The attack's coefficients C[j][i] = Phi_i(f, FG, z_j) = mean over x in FG of",
            "phi_i(f, x, z_j), for every row z_j of BG (CSV or .parquet, with a row id column),",
            "computed on Spark (the model and FG broadcast, BG distributed). Writes to --out DIR one",
            "row per background row: 'row' (its id) and one column per feature, as CSV parts with a",
            "header, or Parquet when DIR ends in .parquet. Equal to the library's coefficients."})
final class CoefficientsCommand implements Callable<Integer> {
    @Mixin
    SparkOptions sparkOptions;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "model file written by 'train'")
    Path model;

    @Option(names = "--foreground", required = true, paramLabel = "FG.csv", description = "S_0, the foreground rows")
    Path foreground;

    @Option(names = "--background", required = true, paramLabel = "BG", description = "background table (.csv or .parquet)")
    Path background;

    @Option(names = "--row-id", defaultValue = SparkBackground.ROW_ID, paramLabel = "COLUMN",
            description = "the background's row id column (default: ${DEFAULT-VALUE})")
    String rowId;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--method", defaultValue = "auto", paramLabel = "METHOD",
            description = "auto (TreeSHAP for trees, else exact), exact, tree, permutation or kernel (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--with-outputs", description = "add the column " + DistributedCoefficients.OUTPUT + " = f(z_j)")
    boolean outputs;

    @Override
    public Integer call() throws Exception {
        ExplainedModel m = Inputs.model(model, method);
        if (m.names().contains(SparkBackground.ROW_ID)) {
            throw new UserError("the model has a feature named 'row', which clashes with the row id column");
        }
        SparkSession spark = sparkOptions.session();
        try {
            double[][] fg = Inputs.rows(spark, m, foreground);
            SparkBackground bg = Inputs.table(spark, m, background, rowId);
            Outputs.writeFolder(DistributedCoefficients.of(m).withThreads(sparkOptions.taskThreads)
                    .withOutputs(outputs).compute(spark, bg, fg), out, "--out");
        } finally {
            spark.stop();
        }
        return 0;
    }
}
