package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LightGBM text models trained and saved by LightGBM 3.3.5 at test time: numeric, categorical and each missing type
 * give LightGBM's own raw scores; TreeSHAP = exact enumeration.
 */
class LightGbmTextTest {
    @TempDir
    Path dir;

    /** Columns: 0, 1 numeric with NaN (and exact zeros), 2 numeric, 3 a category code 0..7 (with NaN). */
    static double[][] rows(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][4];
        for (double[] r : x) {
            r[0] = rng.nextDouble() < 0.15 ? Double.NaN : rng.nextGaussian();
            r[1] = rng.nextDouble() < 0.15 ? Double.NaN : rng.nextDouble() < 0.2 ? 0 : rng.nextGaussian();
            r[2] = rng.nextGaussian();
            r[3] = rng.nextDouble() < 0.1 ? Double.NaN : rng.nextInt(8);
        }
        return x;
    }

    static double[] labels(double[][] x, long seed, boolean binary) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] r = x[i];
            double s = (Double.isNaN(r[0]) ? 1 : r[0]) - (Double.isNaN(r[1]) ? -1 : r[1] == 0 ? 1.5 : r[1])
                    + (r[3] == 2 || r[3] == 5 || r[3] == 6 ? 1.2 : 0) + 0.3 * r[2];
            y[i] = binary ? (rng.nextDouble() < 1 / (1 + Math.exp(-2 * s)) ? 1 : 0) : s + 0.1 * rng.nextGaussian();
        }
        return y;
    }

    /** Test rows: the training distribution plus negative, fractional and unseen category codes. */
    static double[][] testRows() {
        double[][] x = rows(99, 150);
        double[] odd = {-1, -0.5, 2.5, 11, Double.NaN};
        for (int i = 0; i < 20; i++) {
            x[i][3] = odd[i % odd.length];
        }
        return x;
    }

    private ExternalModel trainAndRead(String datasetParams, String boosterParams, boolean binary, String[] names,
                                       String file) throws IOException {
        double[][] train = rows(1, 600);
        double[][] test = testRows();
        Path p = dir.resolve(file);
        double[] raw;
        try (LightGbm lgbm = new LightGbm(train, labels(train, 2, binary), "verbose=-1 max_bin=63 min_data_in_bin=1 "
                + datasetParams, "verbose=-1 num_threads=1 seed=1 deterministic=true num_leaves=8 "
                + "min_data_in_leaf=5 learning_rate=0.2 " + boosterParams, 12, names)) {
            lgbm.save(p);
        }
        raw = LightGbm.raw(p, test);
        double[] normal = LightGbm.normal(p, test);
        ExternalModel e = ModelFormats.read(p);
        assertEquals("LightGBM", e.format());
        boolean average = boosterParams.contains("boosting=rf");
        for (int i = 0; i < test.length; i++) {
            double out = e.model().output(test[i]);
            // a forest's raw score in LightGBM is the sum of its trees, its prediction the sigmoid of their mean
            assertEquals(raw[i], average ? out * 12 : out, 1e-6, file + " row " + Arrays.toString(test[i]));
            assertEquals(normal[i], binary ? 1 / (1 + Math.exp(-out)) : out, 1e-9, file + " " + i);
        }
        // TreeSHAP = exact enumeration and efficiency, on rows without NaN (the explainers refuse NaN)
        double[][] complete = Arrays.stream(test).filter(r -> Arrays.stream(r).noneMatch(Double::isNaN)).limit(8)
                .toArray(double[][]::new);
        var tree = Explainers.tree((TreeEnsemble) e.model());
        var exact = Explainers.exact(e.model());
        for (double[] x : complete) {
            for (double[] z : complete) {
                double[] phi = tree.phi(x, z);
                assertArrayEquals(exact.phi(x, z), phi, 1e-9);
                assertEquals(e.model().output(x) - e.model().output(z), Arrays.stream(phi).sum(), 1e-9);
            }
        }
        return e;
    }

    private static boolean hasNode(ExternalModel e, java.util.function.BiPredicate<Tree, Integer> p) {
        for (Tree t : ((TreeEnsemble) e.model()).trees()) {
            for (int n = 0; n < t.size(); n++) {
                if (!t.leaf(n) && p.test(t, n)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void binaryWithCategoriesAndNaNGivesLightgbmsRawScore() throws IOException {
        ExternalModel e = trainAndRead("categorical_feature=3", "objective=binary max_cat_to_onehot=2 "
                + "min_data_per_group=5 cat_smooth=1", true, new String[] {"a", "b", "c", "d"}, "binary.txt");
        assertEquals(OutputScale.LOG_ODDS, e.scale());
        assertEquals(List.of("a", "b", "c", "d"), e.featureNames());
        assertTrue(hasNode(e, (t, n) -> t.test(n) == Tree.Test.IN && t.categories(n).length > 1),
                "the model has many-vs-many category splits");
        assertTrue(hasNode(e, (t, n) -> t.test(n) == Tree.Test.LE && t.missingGoesYes(n)), "NaN goes left somewhere");
    }

    @Test
    void zeroAsMissingSendsZerosTheDefaultWay() throws IOException {
        ExternalModel e = trainAndRead("zero_as_missing=true", "objective=binary zero_as_missing=true", true, null,
                "zero.txt");
        assertEquals(List.of(), e.featureNames()); // Column_0.. means no names
        assertTrue(hasNode(e, Tree::zeroIsMissing));
    }

    @Test
    void withoutMissingHandlingNaNIsZero() throws IOException {
        ExternalModel e = trainAndRead("use_missing=false", "objective=regression use_missing=false", false, null,
                "none.txt");
        assertEquals(OutputScale.RAW, e.scale());
        assertFalse(hasNode(e, Tree::zeroIsMissing));
    }

    @Test
    void randomForestModeAveragesTheTrees() throws IOException {
        ExternalModel e = trainAndRead("", "objective=binary boosting=rf bagging_freq=1 bagging_fraction=0.7 "
                + "feature_fraction=0.8", true, null, "rf.txt");
        assertEquals("true", e.info().get("average_output"));
    }

    @Test
    void badFilesAreOneLineErrors() throws IOException {
        double[][] train = rows(1, 300);
        double[] y = new double[train.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3;
        }
        Path multi = dir.resolve("multi.txt");
        try (LightGbm lgbm = new LightGbm(train, y, "verbose=-1", "verbose=-1 num_threads=1 objective=multiclass "
                + "num_class=3", 2, null)) {
            lgbm.save(multi);
        }
        var ex = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(multi));
        assertTrue(ex.getMessage().startsWith("model file " + multi + " (LightGBM) has objective multiclass"),
                ex.getMessage());
        String text = Files.readString(multi);
        Path cut = dir.resolve("cut.txt");
        Files.writeString(cut, text.substring(0, text.indexOf("Tree=1")).replace("num_class=3", "num_class=1")
                .replace("num_tree_per_iteration=3", "num_tree_per_iteration=1").replace("multiclass", "binary"));
        ex = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(cut));
        assertTrue(ex.getMessage().contains("truncated"), ex.getMessage());
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "just some notes\n");
        ex = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(notes));
        assertTrue(ex.getMessage().contains("is not a LightGBM text model"), ex.getMessage());
        assertFalse(ex.getMessage().contains("\n"));
    }
}
