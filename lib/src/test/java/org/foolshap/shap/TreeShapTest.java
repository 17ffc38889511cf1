package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foolshap.model.ModelKind;
import org.foolshap.model.RandomData;
import org.foolshap.model.Trainer;
import org.foolshap.model.Tree;
import org.foolshap.model.TreeEnsemble;
import org.junit.jupiter.api.Test;

/** Interventional TreeSHAP agrees with brute-force enumeration, per pair and aggregated. */
class TreeShapTest {
    private final double[][] train = RandomData.rows(500, 11);
    private final int[] y = RandomData.labels(train, 12);
    private final double[][] rows = RandomData.rows(40, 13);

    @Test
    void pairValuesEqualExactEnumeration() {
        for (ModelKind kind : new ModelKind[] {ModelKind.RF, ModelKind.GBT, ModelKind.TREE}) {
            TreeEnsemble model = (TreeEnsemble) Trainer.of(kind).withTrees(15).withMaxDepth(7).withSeed(3)
                    .fit(RandomData.FEATURES, train, y);
            assertTrue(repeatsFeatureOnAPath(model), kind + " should test a feature twice on some path");
            var tree = Explainers.tree(model);
            var exact = Explainers.exact(model);
            for (int a = 0; a < 10; a++) {
                for (int b = 10; b < 20; b++) {
                    assertArrayEquals(exact.phi(rows[a], rows[b]), tree.phi(rows[a], rows[b]), 1e-9,
                            kind + " pair " + a + "," + b);
                }
            }
        }
    }

    @Test
    void aggregatedCoefficientsEqualMeanOfPairs() {
        TreeEnsemble model = (TreeEnsemble) Trainer.of(ModelKind.RF).withTrees(12).withMaxDepth(8).withSeed(5)
                .fit(RandomData.FEATURES, train, y);
        double[][] fg = java.util.Arrays.copyOfRange(rows, 0, 17);
        double[][] bg = java.util.Arrays.copyOfRange(rows, 17, 40);
        var tree = Explainers.tree(model);
        double[][] fast = tree.coefficients(fg, bg);
        double[][] slow = Pairwise.columnMeans(Explainers.exact(model), fg, bg, org.foolshap.Progress.NONE);
        for (int j = 0; j < bg.length; j++) {
            assertArrayEquals(slow[j], fast[j], 1e-9, "background row " + j);
        }
        // The block-parallel path (few trees) must agree too.
        double[][] oneThread = tree.withThreads(1).coefficients(fg, bg);
        double[][] single = Explainers.tree(new TreeEnsemble(5, model.trees().subList(0, 1),
                new double[] {model.weight(0)}, 0)).withThreads(2).coefficients(fg, bg);
        double[][] singleSlow = Pairwise.columnMeans(Explainers.exact(new TreeEnsemble(5,
                model.trees().subList(0, 1), new double[] {model.weight(0)}, 0)), fg, bg, org.foolshap.Progress.NONE);
        for (int j = 0; j < bg.length; j++) {
            assertArrayEquals(fast[j], oneThread[j], 1e-12);
            assertArrayEquals(singleSlow[j], single[j], 1e-9);
        }
    }

    @Test
    void efficiencyHoldsPerPair() {
        TreeEnsemble model = (TreeEnsemble) Trainer.of(ModelKind.GBT).withTrees(20).withSeed(1)
                .fit(RandomData.FEATURES, train, y);
        var tree = Explainers.tree(model);
        for (int a = 0; a < 20; a++) {
            double[] phi = tree.phi(rows[a], rows[39 - a]);
            double sum = 0;
            for (double p : phi) {
                sum += p;
            }
            assertEquals(model.output(rows[a]) - model.output(rows[39 - a]), sum, 1e-10);
        }
    }

    private static boolean repeatsFeatureOnAPath(TreeEnsemble model) {
        for (Tree t : model.trees()) {
            if (repeats(t, 0, new java.util.HashSet<>())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a root-to-leaf path below {@code node} tests a feature twice ({@code seen}: those above it). */
    static boolean repeats(Tree t, int node, java.util.Set<Integer> seen) {
        if (t.leaf(node)) {
            return false;
        }
        if (!seen.add(t.feature(node))) {
            return true;
        }
        boolean r = repeats(t, t.yes(node), seen) || repeats(t, t.no(node), seen);
        seen.remove(t.feature(node));
        return r;
    }
}
