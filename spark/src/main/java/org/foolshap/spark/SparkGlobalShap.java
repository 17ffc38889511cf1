package org.foolshap.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.foolshap.Progress;
import org.foolshap.model.Metrics;
import org.foolshap.shap.Attributions;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.GlobalShap;

/**
 * Global attributions Phi_i(f, F, B) = (1 / |F||B|) sum_{x in F, z in B} phi_i(f, x, z) with the library's confidence
 * interval ({@link GlobalShap}), for a background B held as a Spark table and a foreground F on the driver. The
 * column means (the coefficients of B, one per background row) are computed by {@link DistributedCoefficients} and
 * collected in row order; the row means (one per foreground row, mean over B) are partition sums of the library's
 * swapped coefficients, added up on the driver; {@link GlobalShap#fromMeans} makes the result. Phi and its interval
 * equal the single-machine values to rounding (a few ulps: the library's TreeSHAP threads and the partitions add
 * the same terms in other groupings). Cost: two passes of |F| x |B| pairs on the executors, N x d
 * doubles on the driver. Immutable.
 */
public final class SparkGlobalShap {
    private final ExplainedModel model;
    private final double confidence;
    private final int threads;

    private SparkGlobalShap(ExplainedModel model, double confidence, int threads) {
        this.model = model;
        this.confidence = confidence;
        this.threads = threads;
    }

    /** 95% intervals, one TreeSHAP thread per task. */
    public static SparkGlobalShap of(ExplainedModel model) {
        return new SparkGlobalShap(model, 0.95, 1);
    }

    public SparkGlobalShap withConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        return new SparkGlobalShap(model, confidence, threads);
    }

    public SparkGlobalShap withThreads(int threads) {
        DistributedCoefficients.of(model).withThreads(threads);
        return new SparkGlobalShap(model, confidence, threads);
    }

    /** Phi(f, F, B) with intervals; F is broadcast. */
    public Attributions explain(SparkSession spark, double[][] foreground, SparkBackground background) {
        CoefficientRows columns = DistributedCoefficients.of(model).withThreads(threads)
                .collect(spark, background, foreground);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ExplainedModel> m = sc.broadcast(model);
        Broadcast<double[][]> fg = sc.broadcast(foreground);
        int t = threads;
        // per partition: sum over its rows z of phi(f, z, x_a), for every foreground row x_a (the library's swapped pass)
        List<double[][]> sums = background.parts().map(p -> {
            if (p.size() == 0) {
                return new double[0][];
            }
            Explainer e = m.value().explainer(t);
            double[][] means = e.coefficients(p.rows(), fg.value(), Progress.NONE);
            for (double[] row : means) {
                for (int i = 0; i < row.length; i++) {
                    row[i] *= p.size();
                }
            }
            return means;
        }).collect();
        int d = model.names().size();
        double[][] rowMeans = new double[foreground.length][d];
        for (double[][] s : sums) {
            for (int a = 0; a < s.length; a++) {
                for (int i = 0; i < d; i++) {
                    rowMeans[a][i] += s[a][i];
                }
            }
        }
        for (double[] row : rowMeans) {
            for (int i = 0; i < d; i++) {
                row[i] /= columns.rows();
            }
        }
        Explainer local = model.explainer(Runtime.getRuntime().availableProcessors());
        List<String> names = new ArrayList<>(model.names());
        return GlobalShap.of(local).withNames(names).withConfidence(confidence).fromMeans(columns.values(), rowMeans,
                Metrics.mean(local.model().outputs(foreground)), Metrics.mean(columns.outputs()));
    }
}
