package org.foolshap.spark;

import java.util.Arrays;
import org.apache.spark.sql.SparkSession;
import org.foolshap.Progress;
import org.foolshap.model.Model;
import org.foolshap.shap.Explainer;

/**
 * The library's explainer, except that the coefficient pass over the whole Spark background runs on the cluster:
 * {@link #coefficients} asked for exactly the collected background rows (same rows, same order) goes to
 * {@link DistributedCoefficients}; every other call (S_0' x S_1' for the attributions, the genetic baseline) runs
 * here. This lets the library's {@code FoolShap} run its whole protocol unchanged on a Spark background.
 */
final class DistributedExplainer implements Explainer {
    private final SparkSession spark;
    private final ExplainedModel model;
    private final Explainer local;
    private final SparkBackground background;
    private final double[][] rows;
    private final int threads;

    DistributedExplainer(SparkSession spark, ExplainedModel model, SparkBackground background, double[][] rows,
                         int threads) {
        this.spark = spark;
        this.model = model;
        this.local = model.explainer(Runtime.getRuntime().availableProcessors());
        this.background = background;
        this.rows = rows;
        this.threads = threads;
    }

    @Override
    public Model model() {
        return local.model();
    }

    @Override
    public double[] phi(double[] x, double[] z) {
        return local.phi(x, z);
    }

    @Override
    public double[][] coefficients(double[][] foreground, double[][] background, Progress progress) {
        if (background.length != rows.length || !Arrays.deepEquals(background, rows)) {
            return local.coefficients(foreground, background, progress);
        }
        progress.update("coefficients on Spark", 0, background.length);
        double[][] c = DistributedCoefficients.of(model).withThreads(threads).collect(spark, this.background,
                foreground).values();
        progress.update("coefficients on Spark", background.length, background.length);
        return c;
    }
}
