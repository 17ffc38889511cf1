package org.foolshap.spark.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.foolshap.cli.UserError;
import org.foolshap.shap.Attributions;
import org.foolshap.spark.DriverLimit;
import org.foolshap.spark.ExplainedModel;
import org.foolshap.spark.SparkBackground;
import org.foolshap.spark.SparkGlobalShap;
import org.foolshap.spark.SparkLocalShap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code explain}: the library's command on Spark, the background (or, with --local, the foreground) distributed. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Baseline SHAP of a saved model, as 'foolshap.jar explain', computed on Spark:",
            "Phi_i = mean over x in FG, z in BG of phi_i(f, x, z) with a confidence interval, one row per",
            "feature (feature,phi,ci_half_width); BG (CSV or .parquet) is distributed, FG is broadcast.",
            "With --local: phi_i(x) for every row of FG (distributed) against all of BG (broadcast),",
            "row,<features>,base_value; OUT.csv is one file (collected), any other OUT a folder of",
            "CSV parts (or Parquet when it ends in .parquet). Rows are numbered by position unless the",
            "table has a 'row' column."})
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    SparkOptions sparkOptions;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "model file written by 'train'")
    Path model;

    @Option(names = "--foreground", required = true, paramLabel = "FG.csv", description = "foreground rows (x)")
    Path foreground;

    @Option(names = "--background", required = true, paramLabel = "BG.csv", description = "background rows (z)")
    Path background;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "where to write the result")
    Path out;

    @Option(names = "--method", defaultValue = "auto", paramLabel = "METHOD",
            description = "auto (TreeSHAP for trees, else exact), exact, tree, permutation or kernel (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--per-pair", description = "phi_i(f, x, z) for every pair: not offered on Spark (|FG| x |BG| rows);"
            + " use foolshap.jar, or --local")
    boolean perPair;

    @Option(names = "--local", description = "one row per foreground row: row,<phi_i(x) averaged over all of BG>,base_value")
    boolean local;

    @Option(names = "--confidence", defaultValue = "0.95", description = "confidence level of the intervals (default: ${DEFAULT-VALUE})")
    double confidence;

    @Override
    public Integer call() throws Exception {
        if (perPair) {
            throw new UserError(local ? "--local and --per-pair exclude each other" : "--per-pair writes one row per "
                    + "(fg, bg) pair and is not offered on Spark: use foolshap.jar explain --per-pair on a sample, or --local");
        }
        ExplainedModel m = Inputs.model(model, method);
        SparkSession spark = sparkOptions.session();
        try {
            if (local) {
                local(spark, m);
            } else {
                global(spark, m);
            }
        } finally {
            spark.stop();
        }
        return 0;
    }

    private void global(SparkSession spark, ExplainedModel m) throws java.io.IOException {
        double[][] fg = Inputs.rows(spark, m, foreground);
        SparkBackground bg = Inputs.table(spark, m, background, rowIdOf(spark, background));
        Attributions a = SparkGlobalShap.of(m).withConfidence(confidence).withThreads(sparkOptions.taskThreads)
                .explain(spark, fg, bg);
        List<String> lines = new ArrayList<>();
        lines.add("feature,phi,ci_half_width");
        for (int i = 0; i < m.names().size(); i++) {
            lines.add(Outputs.quote(m.names().get(i)) + "," + a.values()[i] + "," + a.halfWidths()[i]);
        }
        Outputs.writeLines(out, lines);
    }

    private void local(SparkSession spark, ExplainedModel m) throws java.io.IOException {
        double[][] bg = Inputs.rows(spark, m, background);
        SparkBackground rows = Inputs.table(spark, m, foreground, rowIdOf(spark, foreground));
        Dataset<Row> phi = SparkLocalShap.of(m).withThreads(sparkOptions.taskThreads).explain(spark, rows, bg);
        if (!out.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            Outputs.writeFolder(phi, out, "--out");
            return;
        }
        DriverLimit.check(rows.count(), m.names().size() + 2, 1, "writing one OUT.csv");
        List<String> lines = new ArrayList<>();
        lines.add("row," + String.join(",", m.names().stream().map(Outputs::quote).toList()) + ",base_value");
        for (Row r : phi.orderBy(SparkBackground.ROW_ID).collectAsList()) {
            StringBuilder line = new StringBuilder().append(r.getLong(0));
            for (int i = 1; i < r.length(); i++) {
                line.append(',').append(r.getDouble(i));
            }
            lines.add(line.toString());
        }
        Outputs.writeLines(out, lines);
    }

    /** The library numbers the rows of a plain CSV by position; a table with a 'row' column keeps its ids. */
    static String rowIdOf(SparkSession spark, Path table) {
        return java.util.Arrays.asList(org.foolshap.spark.Tables.read(spark, table.toString()).columns())
                .contains(SparkBackground.ROW_ID) ? SparkBackground.ROW_ID : null;
    }
}
