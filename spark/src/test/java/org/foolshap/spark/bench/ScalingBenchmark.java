package org.foolshap.spark.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.foolshap.data.Datasets;
import org.foolshap.data.Split;
import org.foolshap.model.ModelKind;
import org.foolshap.model.Trainer;
import org.foolshap.model.TreeEnsemble;
import org.foolshap.shap.Explainers;
import org.foolshap.spark.CoefficientRows;
import org.foolshap.spark.DistributedCoefficients;
import org.foolshap.spark.ExplainedModel;
import org.foolshap.spark.SparkBackground;
import tech.tablesaw.api.Table;

/**
 * Scaling of the distributed coefficients (issue 18): a synthetic Adult-like background of N rows (default
 * 1,000,000; row id i is the Adult man drawn by a generator seeded with i, so the table is the same under any
 * partitioning) generated inside the job, coefficients C[j][i] = Phi_i(f, S_0', z_j) of the default Adult random
 * forest (100 trees, depth 10, split seed 0) for 200 women, on local[1] and local[2], and the same rows with the
 * library's TreeSHAP in this JVM on every core. Prints wall times and rows per second per core. From the repository
 * root, after {@code mvn -B -q -pl lib,spark package -DskipTests} and {@code mvn -B -q -pl lib,spark test-compile}:
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx4g $(cat spark/add-opens.txt) \
 *     -cp "spark/target/test-classes:spark/target/foolshap-spark.jar:spark/target/lib/*" \
 *     org.foolshap.spark.bench.ScalingBenchmark 1000000 ../shared/datasets
 * </pre>
 */
public final class ScalingBenchmark {
    private ScalingBenchmark() {
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path mirror = Path.of(args.length > 1 ? args[1] : "../shared/datasets");
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        org.foolshap.data.Dataset adult = Datasets.load("adult", mirror);
        Split split = adult.split(0);
        double[][] x = adult.x();
        int[] y = adult.y();
        double[][] tx = new double[split.train().length][];
        int[] ty = new int[tx.length];
        for (int i = 0; i < tx.length; i++) {
            tx[i] = x[split.train()[i]];
            ty[i] = y[split.train()[i]];
        }
        TreeEnsemble forest = (TreeEnsemble) Trainer.of(ModelKind.RF).withSeed(0).fit(adult.features(), tx, ty);
        ExplainedModel model = new ExplainedModel(adult.features(), forest, "auto");
        double[][] fg = new double[200][];
        for (int a = 0; a < fg.length; a++) {
            fg[a] = x[adult.foregroundRows()[a]];
        }
        Table men = adult.rows(adult.backgroundRows());
        List<String> names = adult.features().names();
        String[][] cells = new String[men.rowCount()][names.size()];
        for (int r = 0; r < cells.length; r++) {
            for (int i = 0; i < names.size(); i++) {
                cells[r][i] = men.column(names.get(i)).getString(r);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Adult RF: %d trees; S_0' = %d women; background: %,d synthetic Adult-like rows "
                + "(bootstrap of %,d men) in %d partitions; %d cores%n", forest.trees().size(), fg.length, n,
                cells.length, partitions, cores);

        double[][] sparkResult = null;
        for (int threads : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder().master("local[" + threads + "]").appName("scaling")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
            spark.sparkContext().setLogLevel("ERROR");
            long t0 = System.nanoTime();
            SparkBackground bg = SparkBackground.of(synthetic(spark, cells, names, n, partitions),
                    adult.features(), "row", "synthetic");
            double encode = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            CoefficientRows c = DistributedCoefficients.of(model).collect(spark, bg, fg);
            double coefficients = (System.nanoTime() - t1) / 1e9;
            report("local[" + threads + "]", threads, n, encode, coefficients);
            sparkResult = c.values();
            bg.release();
            spark.stop();
        }

        long t2 = System.nanoTime();
        Table all = Table.create("synthetic");
        for (int i = 0; i < names.size(); i++) {
            tech.tablesaw.api.StringColumn col = tech.tablesaw.api.StringColumn.create(names.get(i));
            for (long j = 0; j < n; j++) {
                col.append(cells[man(j, cells.length)][i]);
            }
            all.addColumns(col);
        }
        double[][] rows = adult.features().encode(all);
        double encode = (System.nanoTime() - t2) / 1e9;
        long t3 = System.nanoTime();
        double[][] c = Explainers.tree(forest).withThreads(cores).coefficients(fg, rows);
        double coefficients = (System.nanoTime() - t3) / 1e9;
        report("one JVM, " + cores + " threads", cores, n, encode, coefficients);
        double diff = 0;
        for (int j = 0; j < c.length; j++) {
            for (int i = 0; i < c[j].length; i++) {
                diff = Math.max(diff, Math.abs(c[j][i] - sparkResult[j][i]));
            }
        }
        System.out.printf(Locale.ROOT, "max |C_spark - C_library| = %.2e%n", diff);
    }

    private static void report(String what, int cores, long n, double encode, double coefficients) {
        System.out.printf(Locale.ROOT, "%-22s generate+encode %6.1f s, coefficients %7.1f s: %,9.0f rows/s, "
                + "%,8.0f rows/s/core%n", what, encode, coefficients, n / coefficients, n / coefficients / cores);
    }

    /** The Adult man that synthetic row {@code id} copies: a generator seeded by the id alone. */
    static int man(long id, int men) {
        return new SplittableRandom(id * 0x9E3779B97F4A7C15L + 17).nextInt(men);
    }

    /** row (long), then the features as text, generated in the job from the row ids. */
    static Dataset<Row> synthetic(SparkSession spark, String[][] cells, List<String> names, long n, int partitions) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("row", DataTypes.LongType, false));
        for (String name : names) {
            fields.add(DataTypes.createStructField(name, DataTypes.StringType, false));
        }
        StructType schema = new StructType(fields.toArray(StructField[]::new));
        var men = spark.sparkContext().broadcast(cells, scala.reflect.ClassTag$.MODULE$.apply(String[][].class));
        return spark.range(0, n, 1, partitions).mapPartitions((MapPartitionsFunction<Long, Row>) it -> {
            String[][] m = men.value();
            List<Row> out = new ArrayList<>();
            while (it.hasNext()) {
                long id = it.next();
                String[] c = m[man(id, m.length)];
                Object[] values = new Object[c.length + 1];
                values[0] = id;
                System.arraycopy(c, 0, values, 1, c.length);
                out.add(RowFactory.create(values));
            }
            return out.iterator();
        }, ExpressionEncoder.apply(schema));
    }
}
