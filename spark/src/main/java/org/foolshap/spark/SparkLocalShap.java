package org.foolshap.spark;

import java.util.ArrayList;
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
import org.foolshap.shap.Explanation;
import org.foolshap.shap.LocalShap;

/**
 * Per-row SHAP values at scale: phi_i(x) = mean over z in B of phi_i(f, x, z) for every row x of a large table held
 * by Spark, against a background sample B on the driver (broadcast), by the library's {@link LocalShap} on each
 * partition. The result has {@code row} (the table's id), one column per feature and {@code base_value} = mean f
 * over B, so that the feature columns plus base_value sum to f(x) (efficiency). Cost: |rows| x |B| pairs spread over
 * the executors; nothing but B and the model on the driver. Immutable.
 */
public final class SparkLocalShap {
    /** The column holding mean f over the background. */
    public static final String BASE_VALUE = "base_value";

    private final ExplainedModel model;
    private final int threads;

    private SparkLocalShap(ExplainedModel model, int threads) {
        this.model = model;
        this.threads = threads;
    }

    public static SparkLocalShap of(ExplainedModel model) {
        for (String reserved : List.of(SparkBackground.ROW_ID, BASE_VALUE)) {
            if (model.names().contains(reserved)) {
                throw new IllegalArgumentException("the model has a feature named '" + reserved + "', which clashes "
                        + "with the '" + reserved + "' column of the local explanation");
            }
        }
        return new SparkLocalShap(model, 1);
    }

    public SparkLocalShap withThreads(int threads) {
        DistributedCoefficients.of(model).withThreads(threads);
        return new SparkLocalShap(model, threads);
    }

    /** One row per row of {@code rows}: row id, phi_i(x) per feature, base_value. */
    public Dataset<Row> explain(SparkSession spark, SparkBackground rows, double[][] background) {
        if (background.length == 0) {
            throw new IllegalArgumentException("the background sample has no rows");
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ExplainedModel> m = sc.broadcast(model);
        Broadcast<double[][]> bg = sc.broadcast(background);
        int t = threads;
        JavaRDD<Row> out = rows.parts().flatMap(p -> {
            List<Row> list = new ArrayList<>(p.size());
            if (p.size() == 0) {
                return list.iterator();
            }
            Explanation e = LocalShap.of(m.value().explainer(t)).withNames(m.value().names())
                    .withProgress(Progress.NONE).explain(p.rows(), bg.value());
            double[][] phi = e.values();
            for (int r = 0; r < phi.length; r++) {
                Object[] cells = new Object[phi[r].length + 2];
                cells[0] = p.ids()[r];
                for (int i = 0; i < phi[r].length; i++) {
                    cells[i + 1] = phi[r][i];
                }
                cells[cells.length - 1] = e.baseValue();
                list.add(RowFactory.create(cells));
            }
            return list.iterator();
        });
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(SparkBackground.ROW_ID, DataTypes.LongType, false));
        for (String name : model.names()) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField(BASE_VALUE, DataTypes.DoubleType, false));
        return spark.createDataFrame(out, new StructType(fields.toArray(StructField[]::new)));
    }
}
