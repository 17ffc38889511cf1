package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.foolshap.data.Feature;
import org.foolshap.data.Features;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;

/**
 * The fast hybrid routes (tree ensembles' joint walk, their sigmoid, dense networks' incremental first layer) give
 * the same 2^k outputs as building the 2^k rows and predicting each; and exact Shapley values through them equal
 * those of the same function seen as a black box.
 */
class HybridOutputsTest {
    /** The reference: every hybrid row built and predicted one by one. */
    private static double[] bruteForce(Model m, double[] x, double[] z, int[] players) {
        double[] out = new double[1 << players.length];
        for (int mask = 0; mask < out.length; mask++) {
            double[] h = z.clone();
            for (int b = 0; b < players.length; b++) {
                if ((mask & (1 << b)) != 0) {
                    h[players[b]] = x[players[b]];
                }
            }
            out[mask] = m.output(h);
        }
        return out;
    }

    private static void assertSameHybrids(Model m, double[][] rows, long seed, double tolerance) {
        SplittableRandom rng = new SplittableRandom(seed);
        int width = m.width();
        for (int trial = 0; trial < 60; trial++) {
            double[] x = rows[rng.nextInt(rows.length)];
            double[] z = rows[rng.nextInt(rows.length)];
            // any subset of the features in any order, including ones where x and z agree; the others come from z
            int k = rng.nextInt(width + 1);
            int[] players = rng.ints(0, width).distinct().limit(k).toArray();
            double[] expected = bruteForce(m, x, z, players);
            double[] got = new double[expected.length + 3];
            java.util.Arrays.fill(got, Double.NaN);
            m.hybridOutputs(x, z, players, got);
            for (int mask = 0; mask < expected.length; mask++) {
                assertEquals(expected[mask], got[mask], tolerance, "mask " + mask + " of players "
                        + java.util.Arrays.toString(players));
            }
        }
    }

    @Test
    void treeEnsembleWithEveryNodeKindAndMissingValues() {
        for (long seed = 0; seed < 5; seed++) {
            TreeEnsemble m = TreeNodeKindsTest.randomEnsemble(seed, 6, 7);
            assertSameHybrids(m, TreeNodeKindsTest.randomRows(seed + 100, 40, 6), seed, 1e-12);
            assertSameHybrids(new LogisticOutput(m), TreeNodeKindsTest.randomRows(seed + 200, 40, 6), seed, 1e-12);
        }
    }

    /** The exact route keeps rows' per-leaf masks between pairs: a row changed in place must be read again. */
    @Test
    void aRowChangedInPlaceIsReadAgain() {
        TreeEnsemble m = TreeNodeKindsTest.randomEnsemble(3, 6, 7);
        double[][] rows = TreeNodeKindsTest.randomRows(303, 40, 6);
        int[] all = {0, 1, 2, 3, 4, 5};
        double[] x = rows[0].clone();
        double[] z = rows[1];
        double[] got = new double[64];
        for (int r = 2; r < rows.length; r++) {
            m.hybridOutputs(x, z, all, got); // x's masks are kept ...
            System.arraycopy(rows[r], 0, x, 0, x.length); // ... and its values change under them
            m.hybridOutputs(x, z, all, got);
            double[] expected = bruteForce(m, x, z, all);
            for (int mask = 0; mask < expected.length; mask++) {
                assertEquals(expected[mask], got[mask], 1e-12, "row " + r + ", mask " + mask);
            }
        }
    }

    @Test
    void trainedModels() {
        double[][] x = RandomData.rows(400, 1);
        int[] y = RandomData.labels(x, 2);
        for (ModelKind kind : new ModelKind[] {ModelKind.RF, ModelKind.GBT, ModelKind.MLP, ModelKind.LOGISTIC}) {
            Model m = Trainer.of(kind).withSeed(3).fit(RandomData.FEATURES, x, y);
            assertSameHybrids(m, x, 4, 1e-12);
            if (m.scale() == OutputScale.LOG_ODDS) {
                assertSameHybrids(new LogisticOutput(m), x, 5, 1e-12);
            }
        }
    }

    @Test
    void denseNetworkWithSeveralHiddenLayers() {
        SplittableRandom rng = new SplittableRandom(7);
        DenseEncoding enc = new DenseEncoding(RandomData.FEATURES, new double[] {0.5, 0, -1, 0, 3},
                new double[] {2, 1, 0.5, 1, 10});
        int p = enc.width();
        DenseNetwork net = new DenseNetwork(enc, List.of(layer(rng, 6, p), layer(rng, 4, 6)), layer(rng, 1, 4));
        assertSameHybrids(net, RandomData.rows(50, 8), 9, 1e-12);
    }

    /**
     * Ten players (1,024 subsets: e^-a is recomputed 15 times on the way), pre-activations beyond Smile's clamp at
     * +-36, and weights so large that some units leave the range where e^-a is tracked by products.
     */
    @Test
    void denseNetworkOverManySubsetsClampedAndOutOfTrackedRange() {
        Feature[] numeric = new Feature[10];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = Feature.numeric("f" + i);
        }
        Features features = Features.of(numeric);
        DenseEncoding enc = new DenseEncoding(features, new double[10], java.util.stream.DoubleStream.generate(() -> 1)
                .limit(10).toArray());
        for (double scale : new double[] {1, 5, 400}) {
            SplittableRandom rng = new SplittableRandom(21);
            DenseNetwork.Layer hiddenLayer = layer(rng, 12, 10);
            double[] w = hiddenLayer.weights().clone();
            for (int i = 0; i < w.length; i++) {
                w[i] *= scale;
            }
            DenseNetwork net = new DenseNetwork(enc, List.of(new DenseNetwork.Layer(12, 10, w, hiddenLayer.bias())),
                    layer(rng, 1, 12));
            double[][] rows = new double[6][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = rng.doubles(10, -3, 3).toArray();
            }
            int[] all = java.util.stream.IntStream.range(0, 10).toArray();
            for (int r = 0; r + 1 < rows.length; r += 2) {
                double[] expected = bruteForce(net, rows[r], rows[r + 1], all);
                double[] got = new double[expected.length];
                net.hybridOutputs(rows[r], rows[r + 1], all, got);
                for (int mask = 0; mask < expected.length; mask++) {
                    assertEquals(expected[mask], got[mask], 1e-13, "scale " + scale + ", mask " + mask);
                }
            }
        }
    }

    private static DenseNetwork.Layer layer(SplittableRandom rng, int n, int p) {
        double[] w = rng.doubles((long) n * p, -2, 2).toArray();
        return new DenseNetwork.Layer(n, p, w, rng.doubles(n, -1, 1).toArray());
    }

    @Test
    void exactShapleyValuesThroughTheFastRoutesEqualTheBlackBoxOnes() {
        double[][] x = RandomData.rows(300, 11);
        int[] y = RandomData.labels(x, 12);
        Model gbt = Trainer.of(ModelKind.GBT).withSeed(1).fit(RandomData.FEATURES, x, y);
        Model mlp = Trainer.of(ModelKind.MLP).withSeed(1).fit(RandomData.FEATURES, x, y);
        for (Model m : new Model[] {gbt, new LogisticOutput(gbt), mlp}) {
            Model blackBox = Model.of(m.width(), m::output, m.scale());
            var fast = Explainers.exact(m);
            var slow = Explainers.exact(blackBox);
            for (int a = 0; a < 15; a++) {
                double[] phi = fast.phi(x[a], x[299 - a]);
                double[] ref = slow.phi(x[a], x[299 - a]);
                double sum = 0;
                for (int i = 0; i < phi.length; i++) {
                    assertEquals(ref[i], phi[i], 1e-12);
                    sum += phi[i];
                }
                assertEquals(m.output(x[a]) - m.output(x[299 - a]), sum, 1e-12, "efficiency");
            }
        }
    }

    @Test
    void aMissingValueInADenseNetworkIsStillReported() {
        double[][] x = RandomData.rows(200, 13);
        Model mlp = Trainer.of(ModelKind.MLP).withSeed(1).fit(RandomData.FEATURES, x, RandomData.labels(x, 14));
        double[] withNaN = x[0].clone();
        withNaN[0] = Double.NaN;
        assertThrows(IllegalStateException.class, () -> Explainers.exact(mlp).phi(withNaN, x[1]));
    }
}
