package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.foolshap.Progress;
import org.foolshap.model.Tree;
import org.foolshap.model.TreeEnsemble;
import org.junit.jupiter.api.Test;

/**
 * PairTensor's block tables ({@link PairBlocks}) give every pair exactly its TreeSHAP values: equal to exact
 * enumeration to 1e-9 and efficient (sum_i T[a][b][i] = f(x_a) - f(z_b)) for every block size, on random trees up to
 * 16 levels deep with every node kind (LE, LT, EQ, category sets, NaN to either side, zero as missing, float32),
 * features repeated on paths and missing values; with rows drawn from few values, so that many rows share a class
 * and cells serve many pairs; and on forests where some blocks are tabulated and others fall back to leaf groups.
 */
class PairBlocksTest {
    private static final int WIDTH = 10;

    @Test
    void everyBlockSizeEqualsEnumeration() {
        SplittableRandom random = new SplittableRandom(21);
        for (int depth : new int[] {3, 7, 12, 16}) {
            TreeEnsemble model = forest(random, depth, 3);
            double[][] fg = rows(random, 12);
            double[][] bg = rows(random, 36);
            ExactExplainer exact = Explainers.exact(model).withMaxDiffering(WIDTH);
            double[][][] expected = new double[fg.length][bg.length][];
            for (int a = 0; a < fg.length; a++) {
                for (int b = 0; b < bg.length; b++) {
                    expected[a][b] = exact.phi(fg[a], bg[b]);
                }
            }
            for (int leaves : new int[] {0, 1, 4, 16, 64}) {
                if (leaves > 0 && leaves < 64) {
                    assertTrue(tabulated(model, fg, bg, leaves) > 0, "depth " + depth + ": blocks are tabulated");
                }
                double[][][] t = tensor(model, fg, bg, leaves, 1);
                assertEqualsExpected(model, fg, bg, expected, t, "depth " + depth + ", blocks of " + leaves);
            }
            assertArrayEquals(flatten(tensor(model, fg, bg, 16, 1)), flatten(tensor(model, fg, bg, 16, 2)), 1e-12,
                    "depth " + depth + ": one and two threads");
        }
    }

    /**
     * Many distinct rows against few: blocks whose table would have more cells than half the pairs are left to the
     * leaf groups, the others tabulated, within one tree; the sum of both equals enumeration.
     */
    @Test
    void blocksFallingBackToLeafGroupsEqualEnumeration() {
        SplittableRandom random = new SplittableRandom(22);
        TreeEnsemble model = forest(random, 11, 2);
        double[][] fg = rows(random, 6);
        double[][] bg = rows(random, 30);
        boolean mixed = false;
        for (Tree tree : model.trees()) {
            PairBlocks p = new PairBlocks(new FlatTree(tree), 1.0, WIDTH, fg, bg, 0, bg.length, 16);
            mixed |= p.tables > 0 && p.rest.length > 0;
        }
        assertTrue(mixed, "a tree with tabulated blocks and blocks left to leaf groups");
        ExactExplainer exact = Explainers.exact(model).withMaxDiffering(WIDTH);
        double[][][] expected = new double[fg.length][bg.length][];
        for (int a = 0; a < fg.length; a++) {
            for (int b = 0; b < bg.length; b++) {
                expected[a][b] = exact.phi(fg[a], bg[b]);
            }
        }
        assertEqualsExpected(model, fg, bg, expected, tensor(model, fg, bg, 16, 1), "mixed");
    }

    /** Background blocks and tree chunks forced small: the tables of each block and chunk add up to phi per pair. */
    @Test
    void backgroundBlocksAndTreeChunksEqualSinglePairs() {
        SplittableRandom random = new SplittableRandom(23);
        TreeEnsemble model = forest(random, 9, 4);
        List<FlatTree> flat = model.trees().stream().map(FlatTree::new).toList();
        double[][] fg = rows(random, 7);
        double[][] bg = rows(random, 200);
        double[][][] t = PairTensor.compute(flat, model.weights(), WIDTH, fg, bg, 2, Progress.NONE, 64, 1, 8);
        TreeExplainer explainer = Explainers.tree(model);
        for (int a = 0; a < fg.length; a++) {
            for (int b = 0; b < bg.length; b++) {
                assertArrayEquals(explainer.phi(fg[a], bg[b]), t[a][b], 1e-12, "pair " + a + "," + b);
            }
        }
    }

    /** Blocks tabulated over the forest's trees. */
    private static int tabulated(TreeEnsemble model, double[][] fg, double[][] bg, int leaves) {
        int tables = 0;
        for (Tree tree : model.trees()) {
            tables += new PairBlocks(new FlatTree(tree), 1.0, WIDTH, fg, bg, 0, bg.length, leaves).tables;
        }
        return tables;
    }

    private static double[][][] tensor(TreeEnsemble model, double[][] fg, double[][] bg, int leaves, int threads) {
        List<FlatTree> flat = model.trees().stream().map(FlatTree::new).toList();
        return PairTensor.compute(flat, model.weights(), WIDTH, fg, bg, threads, Progress.NONE, PairTensor.BLOCK,
                64L << 20, leaves);
    }

    private static void assertEqualsExpected(TreeEnsemble model, double[][] fg, double[][] bg, double[][][] expected,
                                             double[][][] t, String what) {
        for (int a = 0; a < fg.length; a++) {
            for (int b = 0; b < bg.length; b++) {
                String pair = what + ", pair " + a + "," + b;
                assertArrayEquals(expected[a][b], t[a][b], 1e-9, pair);
                assertEquals(model.output(fg[a]) - model.output(bg[b]), Arrays.stream(t[a][b]).sum(), 1e-9,
                        pair + " efficiency");
            }
        }
    }

    private static double[] flatten(double[][][] t) {
        return Arrays.stream(t).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
    }

    /** Trees of both test builders, exactly {@code depth} deep along their first path, weights 0.4, 1.4, ... */
    private static TreeEnsemble forest(SplittableRandom random, int depth, int count) {
        List<Tree> trees = new ArrayList<>();
        double[] weights = new double[count];
        for (int t = 0; t < count; t++) {
            trees.add(t % 2 == 0 ? PairTensorTest.randomTree(random, depth) : FlatTreeTest.randomTree(random, depth));
            weights[t] = 0.4 + t;
        }
        if (depth >= 9) {
            assertTrue(trees.stream().anyMatch(tr -> TreeShapTest.repeats(tr, 0, new java.util.HashSet<>())),
                    "a feature repeats on a path");
        }
        return new TreeEnsemble(WIDTH, trees, weights, 0.1);
    }

    /**
     * Features 0-5 ordinal from {-0.5, 0.5, 1.5, 2.5} with exact zeros now and then, 6-9 categories -1..3; some NaN:
     * few values, so rows repeat their fail masks and the tables' cells serve several pairs.
     */
    private static double[][] rows(SplittableRandom random, int n) {
        double[][] rows = new double[n][WIDTH];
        for (double[] row : rows) {
            for (int f = 0; f < WIDTH; f++) {
                row[f] = f < 6 ? (random.nextInt(8) == 0 ? 0.0 : random.nextInt(4) - 0.5) : random.nextInt(5) - 1;
                if (random.nextDouble() < 0.06) {
                    row[f] = Double.NaN;
                }
            }
        }
        return rows;
    }
}
