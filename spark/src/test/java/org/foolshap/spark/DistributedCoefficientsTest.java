package org.foolshap.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.foolshap.attack.AttackResult;
import org.foolshap.attack.FoolShap;
import org.foolshap.attack.LambdaGrid;
import org.foolshap.shap.Attributions;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.Explainers;
import org.foolshap.shap.Explanation;
import org.foolshap.shap.GlobalShap;
import org.foolshap.shap.LocalShap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distributed computations on local[2] equal the library's in one JVM, on Adult with a random forest. */
class DistributedCoefficientsTest {
    @TempDir
    static Path dir;

    static SparkSession spark;
    static AdultFixture adult;
    static double[][] fg;
    static double[][] bg;
    static long[] ids;
    static Explainer local;

    @BeforeAll
    static void start() {
        adult = AdultFixture.make(dir, 60, 800);
        spark = LocalSpark.start();
        fg = adult.rows(adult.foreground);
        bg = adult.rows(adult.background);
        ids = adult.ids();
        local = Explainers.auto(adult.forest);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Dataset<Row> table() {
        return Tables.read(spark, adult.background.toString());
    }

    /** The table re-cut as: one row | 3 empty partitions | the rest in 4 partitions. */
    private static Dataset<Row> oddlyPartitioned() {
        Dataset<Row> t = table();
        List<Row> rows = t.collectAsList();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> one = sc.parallelize(rows.subList(0, 1), 1);
        JavaRDD<Row> empty = sc.parallelize(new ArrayList<Row>(), 3);
        JavaRDD<Row> rest = sc.parallelize(rows.subList(1, rows.size()), 4);
        return spark.createDataFrame(one.union(empty).union(rest), t.schema());
    }

    @Test
    void coefficientsEqualTheLibrarysWhateverThePartitioning() {
        double[][] expected = local.coefficients(fg.clone(), bg);
        double[] outputs = adult.forest.outputs(bg);
        List<Dataset<Row>> tables = List.of(table(), table().repartition(7), oddlyPartitioned());
        int[] partitions = new int[tables.size()];
        for (int k = 0; k < tables.size(); k++) {
            SparkBackground b = SparkBackground.of(tables.get(k), adult.model.features(), "row", "men.csv");
            partitions[k] = b.partitions();
            CoefficientRows c = DistributedCoefficients.of(adult.model).collect(spark, b, fg);
            // the library's rows are in file order; the collected ones in id order, the same order for this file
            assertArrayEquals(java.util.Arrays.stream(ids).sorted().toArray(), c.ids());
            double[][] v = c.values();
            for (int j = 0; j < expected.length; j++) {
                int row = indexOf(ids, c.ids()[j]);
                assertEquals(outputs[row], c.outputs()[j], 1e-12);
                for (int i = 0; i < expected[row].length; i++) {
                    assertEquals(expected[row][i], v[j][i], 1e-12, "row id " + c.ids()[j] + ", feature " + i);
                }
            }
            b.release();
        }
        assertEquals(8, partitions[2], "one-row, empty and ordinary partitions");
        assertEquals(7, partitions[1]);
    }

    @Test
    void coefficientTableHasRowIdsAndOneColumnPerFeature() {
        SparkBackground b = SparkBackground.of(oddlyPartitioned(), adult.model.features(), "row", "men.csv");
        Dataset<Row> c = DistributedCoefficients.of(adult.model).compute(spark, b, fg);
        List<String> expected = new ArrayList<>(List.of("row"));
        expected.addAll(adult.model.names());
        assertEquals(expected, List.of(c.columns()));
        assertEquals(bg.length, c.count());
        // Phi is linear in the background (paper, Eq. 7): the mean of C's rows is Phi(f, S_0, D_1)
        double[] phi = GlobalShap.of(local).explain(fg, bg).values();
        int sensitive = adult.model.names().indexOf("gender");
        double mean = c.agg(org.apache.spark.sql.functions.avg("gender")).first().getDouble(0);
        assertEquals(phi[sensitive], mean, 1e-12);
        b.release();
    }

    @Test
    void globalShapEqualsTheLibrarys() {
        SparkBackground b = SparkBackground.of(table().repartition(5), adult.model.features(), null, "men.csv");
        // without an id column rows are numbered by position after the shuffle; the sum is Phi either way
        Attributions expected = GlobalShap.of(local).withNames(adult.model.names()).explain(fg, rowsInIdOrder(b));
        Attributions got = SparkGlobalShap.of(adult.model).explain(spark, fg, b);
        assertArrayEquals(expected.values(), got.values(), 1e-12);
        assertArrayEquals(expected.halfWidths(), got.halfWidths(), 1e-12);
        assertEquals(expected.foregroundMean(), got.foregroundMean(), 1e-12);
        assertEquals(expected.backgroundMean(), got.backgroundMean(), 1e-12);
        b.release();
    }

    private static double[][] rowsInIdOrder(SparkBackground b) {
        return b.collect().rows();
    }

    @Test
    void perRowExplanationsEqualTheLibrarysAndAddUpToTheOutput() {
        double[][] sample = java.util.Arrays.copyOf(fg, 25);
        SparkBackground rows = SparkBackground.of(table().repartition(3), adult.model.features(), "row", "men.csv");
        List<Row> got = SparkLocalShap.of(adult.model).explain(spark, rows, sample).collectAsList();
        Explanation expected = LocalShap.of(local).withNames(adult.model.names()).explain(bg, sample);
        double[] f = adult.forest.outputs(bg);
        assertEquals(bg.length, got.size());
        for (Row r : got) {
            int row = indexOf(ids, r.getLong(0));
            double sum = r.getDouble(r.length() - 1);
            for (int i = 0; i < adult.model.names().size(); i++) {
                assertEquals(expected.values()[row][i], r.getDouble(i + 1), 1e-12);
                sum += r.getDouble(i + 1);
            }
            assertEquals(f[row], sum, 1e-9, "efficiency: sum phi + base value = f(x)");
        }
        rows.release();
    }

    @Test
    void attackOnASparkBackgroundChoosesTheSameWeightsAndLambdaAsOneJvm() {
        int gender = adult.model.names().indexOf("gender");
        FoolShap attack = FoolShap.withDefaults().withM(30).withRepeats(20).withLambdas(new LambdaGrid(-1, 1.5, 5))
                .withBaselines(false).withSeed(7);
        SparkBackground b = SparkBackground.of(oddlyPartitioned(), adult.model.features(), "row", "men.csv");
        SparkAttackResult got = SparkFoolShap.of(attack).attack(spark, adult.model, fg, b, gender);
        double[][] sorted = b.collect().rows();
        AttackResult expected = attack.withExplainer(local).withNames(adult.model.names()).attack(fg, sorted, gender);
        assertEquals(expected.lambda(), got.lambda());
        assertArrayEquals(expected.sweep().chosen().orElseThrow().weights().counts(),
                got.result().sweep().chosen().orElseThrow().weights().counts());
        assertArrayEquals(expected.s0(), got.result().s0());
        assertArrayEquals(expected.s1(), got.result().s1());
        assertEquals(expected.phiAfter(), got.result().phiAfter(), 1e-12);
        long[] s1 = got.s1RowIds();
        long[] sortedIds = java.util.Arrays.stream(ids).sorted().toArray();
        for (int k = 0; k < s1.length; k++) {
            assertEquals(sortedIds[got.result().s1()[k]], s1[k], "sampling returns row ids");
        }
        b.release();
    }

    @Test
    void aMissingRowIdOrFeatureColumnIsOneLineNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> SparkBackground.of(
                Tables.read(spark, adult.backgroundWithoutIds.toString()), adult.model.features(), "row", "men.csv"));
        assertTrue(e.getMessage().contains("no row id column 'row'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        var f = assertThrows(IllegalArgumentException.class, () -> SparkBackground.of(table().drop("age"),
                adult.model.features(), "row", "men.csv"));
        assertTrue(f.getMessage().startsWith("men.csv lacks the column 'age' that the model takes"), f.getMessage());
        assertFalse(f.getMessage().contains("\n"));
    }

    private static int indexOf(long[] a, long v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError("no row id " + v);
    }
}
