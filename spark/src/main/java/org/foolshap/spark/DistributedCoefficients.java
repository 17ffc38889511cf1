package org.foolshap.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.foolshap.Progress;
import org.foolshap.shap.Explainer;

/**
 * The attack's input on a cluster: C[j][i] = Phi_i(f, S_0, z_j) = (1/|S_0|) sum_{x in S_0} phi_i(f, x, z_j) for every
 * row z_j of a background held as a Spark table (paper, Section 4, Eq. 7). The model and S_0 are broadcast once; each
 * partition is one call of the library's {@link Explainer#coefficients} (TreeSHAP for trees, exact enumeration
 * otherwise), whose value for z_j depends on z_j and S_0 only, so the result equals the single-machine one whatever
 * the partitioning. Cost: |S_0| x N pairs of the explainer's cost (TreeSHAP: O(trees x leaves) per pair, aggregated
 * over S_0), spread over the executors' cores; the driver holds S_0 and, for {@link #collect}, N x d doubles.
 * Immutable.
 */
public final class DistributedCoefficients {
    /** Column of f(z_j) in {@link #withOutputs} tables. */
    public static final String OUTPUT = "f_z";

    private final ExplainedModel model;
    private final int threads;
    private final boolean outputs;

    private DistributedCoefficients(ExplainedModel model, int threads, boolean outputs) {
        this.model = model;
        this.threads = threads;
        this.outputs = outputs;
    }

    /** Coefficients of the model with its explainer, one TreeSHAP thread per task. */
    public static DistributedCoefficients of(ExplainedModel model) {
        return new DistributedCoefficients(model, 1, false);
    }

    /** TreeSHAP threads per task: set it to {@code spark.task.cpus} when tasks get several cores. */
    public DistributedCoefficients withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads per task must be at least 1, got " + threads);
        }
        return new DistributedCoefficients(model, threads, outputs);
    }

    /** Whether {@link #compute} adds the column {@value #OUTPUT} = f(z_j) after the row id. */
    public DistributedCoefficients withOutputs(boolean on) {
        return new DistributedCoefficients(model, threads, on);
    }

    public ExplainedModel model() {
        return model;
    }

    /**
     * C as a table: {@code row} (the background's row id), then one column per feature named as the model's features,
     * one row per background row, in the background's partitioning (not sorted).
     */
    public Dataset<Row> compute(SparkSession spark, SparkBackground background, double[][] foreground) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(SparkBackground.ROW_ID, DataTypes.LongType, false));
        if (outputs) {
            fields.add(DataTypes.createStructField(OUTPUT, DataTypes.DoubleType, false));
        }
        for (String name : model.names()) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        boolean withOutputs = outputs;
        JavaRDD<Row> rows = parts(spark, background, foreground).flatMap(p -> {
            List<Row> out = new ArrayList<>(p.ids().length);
            for (int j = 0; j < p.ids().length; j++) {
                double[] c = p.values()[j];
                Object[] cells = new Object[c.length + (withOutputs ? 2 : 1)];
                int k = 0;
                cells[k++] = p.ids()[j];
                if (withOutputs) {
                    cells[k++] = p.outputs()[j];
                }
                for (double v : c) {
                    cells[k++] = v;
                }
                out.add(RowFactory.create(cells));
            }
            return out.iterator();
        });
        return spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
    }

    /**
     * C, f(z_j) and the row ids on the driver, ordered by row id: the input of the lambda sweep. Fails with one line
     * when N x d does not fit ({@link DriverLimit}).
     */
    public CoefficientRows collect(SparkSession spark, SparkBackground background, double[][] foreground) {
        DriverLimit.check(background.count(), model.names().size() + 1, 1, "collecting the coefficients");
        List<CoefficientPart> parts = parts(spark, background, foreground).collect();
        int n = parts.stream().mapToInt(p -> p.ids().length).sum();
        long[] ids = new long[n];
        double[] f = new double[n];
        double[][] c = new double[n][];
        int k = 0;
        for (CoefficientPart p : parts) {
            int m = p.ids().length;
            System.arraycopy(p.ids(), 0, ids, k, m);
            System.arraycopy(p.outputs(), 0, f, k, m);
            System.arraycopy(p.values(), 0, c, k, m);
            k += m;
        }
        Integer[] order = RowOrder.byId(ids);
        long[] sortedIds = new long[n];
        double[] sortedF = new double[n];
        double[][] sortedC = new double[n][];
        for (int j = 0; j < n; j++) {
            sortedIds[j] = ids[order[j]];
            sortedF[j] = f[order[j]];
            sortedC[j] = c[order[j]];
        }
        return new CoefficientRows(model.names(), sortedIds, sortedF, sortedC);
    }

    /** One library call per partition; empty partitions give empty parts. */
    JavaRDD<CoefficientPart> parts(SparkSession spark, SparkBackground background, double[][] foreground) {
        if (foreground.length == 0) {
            throw new IllegalArgumentException("the foreground S_0 has no rows");
        }
        for (double[] x : foreground) {
            if (x.length != model.names().size()) {
                throw new IllegalArgumentException("foreground rows have " + x.length + " values but the model takes "
                        + model.names().size());
            }
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ExplainedModel> m = sc.broadcast(model);
        Broadcast<double[][]> s0 = sc.broadcast(foreground);
        int t = threads;
        return background.parts().mapPartitions(it -> {
            List<CoefficientPart> out = new ArrayList<>();
            while (it.hasNext()) {
                EncodedPart p = it.next();
                if (p.size() == 0) {
                    continue;
                }
                Explainer e = m.value().explainer(t);
                double[][] c = e.coefficients(s0.value(), p.rows(), Progress.NONE);
                out.add(new CoefficientPart(p.ids(), e.model().outputs(p.rows()), c));
            }
            return out.isEmpty() ? Collections.emptyIterator() : out.iterator();
        });
    }
}
