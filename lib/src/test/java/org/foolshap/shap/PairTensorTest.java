package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.foolshap.Progress;
import org.foolshap.model.ModelKind;
import org.foolshap.model.RandomData;
import org.foolshap.model.Trainer;
import org.foolshap.model.Tree;
import org.foolshap.model.TreeEnsemble;
import org.junit.jupiter.api.Test;

/**
 * TreeExplainer's per-pair tensor equals exact enumeration per pair (and the single-pair walk), and is efficient:
 * sum_i T[a][b][i] = f(x_a) - f(z_b); on random trees up to 16 levels deep with every node kind Tree.Builder makes
 * (LE, LT, EQ, category sets, NaN to either side, zero as missing, float32), features repeated on paths, missing
 * values, on trained forests, across background blocks, and with two threads.
 */
class PairTensorTest {
    private static final int WIDTH = 10;

    @Test
    void randomTreesOfEveryNodeKindEqualEnumeration() {
        SplittableRandom random = new SplittableRandom(3);
        for (int depth : new int[] {1, 4, 9, 16}) {
            List<Tree> trees = new ArrayList<>();
            double[] weights = new double[4];
            for (int t = 0; t < weights.length; t++) {
                trees.add(t % 2 == 0 ? randomTree(random, depth) : FlatTreeTest.randomTree(random, depth));
                weights[t] = 0.3 + t;
            }
            TreeEnsemble model = new TreeEnsemble(WIDTH, trees, weights, 0.2);
            assertEquals(depth, trees.stream().mapToInt(Tree::depth).max().orElse(0));
            if (depth >= 9) {
                assertTrue(trees.stream().anyMatch(PairTensorTest::repeatsFeature), "a feature repeats on a path");
            }
            double[][] rows = rows(random, 30);
            double[][] fg = Arrays.copyOfRange(rows, 0, 12);
            double[][] bg = Arrays.copyOfRange(rows, 12, 30);
            assertEqualsExact(model, fg, bg, "depth " + depth);
        }
    }

    @Test
    void trainedForestsEqualEnumeration() {
        double[][] train = RandomData.rows(500, 11);
        int[] y = RandomData.labels(train, 12);
        double[][] rows = RandomData.rows(40, 13);
        for (int r = 0; r < rows.length; r += 5) {
            rows[r][r % rows[r].length] = Double.NaN;
        }
        for (ModelKind kind : new ModelKind[] {ModelKind.RF, ModelKind.GBT}) {
            TreeEnsemble model = (TreeEnsemble) Trainer.of(kind).withTrees(12).withMaxDepth(8).withSeed(3)
                    .fit(RandomData.FEATURES, train, y);
            assertEqualsExact(model, Arrays.copyOfRange(rows, 0, 15), Arrays.copyOfRange(rows, 15, 40), kind + "");
        }
    }

    /** Several background blocks and tree chunks (forced small) and two threads: every pair equals phi per pair. */
    @Test
    void blocksAndTreeChunksEqualSinglePairs() {
        SplittableRandom random = new SplittableRandom(5);
        List<Tree> trees = List.of(randomTree(random, 7), FlatTreeTest.randomTree(random, 8), randomTree(random, 5));
        TreeEnsemble model = new TreeEnsemble(WIDTH, trees, new double[] {1.0, 0.5, 2.0}, 0);
        List<FlatTree> flat = trees.stream().map(FlatTree::new).toList();
        double[][] fg = rows(random, 5);
        double[][] bg = rows(random, 300);
        TreeExplainer explainer = Explainers.tree(model);
        long oneTreeGroups = 4L * 64 * flat.get(0).leaves;
        double[][][] t = PairTensor.compute(flat, model.weights(), WIDTH, fg, bg, 2, Progress.NONE, 64,
                oneTreeGroups, PairTensor.BLOCK_LEAVES);
        for (int a = 0; a < fg.length; a++) {
            for (int b = 0; b < bg.length; b++) {
                assertArrayEquals(explainer.phi(fg[a], bg[b]), t[a][b], 1e-12, "pair " + a + "," + b);
            }
        }
    }

    /**
     * Each tree leaves the feature on most of its paths out of its tables and the tensor completes it by efficiency,
     * per run of trees leaving out the same feature: within one chunk of trees, across chunks (the completion put off
     * to the next chunk), across background blocks, with a single-leaf tree (nothing left out) among them.
     */
    @Test
    void leftOutFeaturesAreCompletedByEfficiency() {
        SplittableRandom random = new SplittableRandom(17);
        List<Tree> trees = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            trees.add(t % 2 == 0 ? randomTree(random, 6) : FlatTreeTest.randomTree(random, 7));
        }
        trees.add(new Tree.Builder(1).leaf(0, 0.4).build());
        double[] weights = {1.0, 0.5, 2.0, 0.7, 1.3, 0.9, 1.1};
        TreeEnsemble model = new TreeEnsemble(WIDTH, trees, weights, 0);
        List<FlatTree> flat = trees.stream().map(FlatTree::new).toList();
        int[] leftOut = flat.stream().mapToInt(t -> PairTensor.leftOut(t, WIDTH)).toArray();
        assertEquals(-1, leftOut[6]);
        assertTrue(Arrays.stream(leftOut).filter(f -> f >= 0).distinct().count() >= 2, Arrays.toString(leftOut));
        for (int t = 0; t < 6; t++) {
            for (int f = 0; f < WIDTH; f++) {
                assertTrue(onPaths(flat.get(t), f) <= onPaths(flat.get(t), leftOut[t]),
                        "tree " + t + ": feature " + f + " is on more paths than " + leftOut[t]);
            }
        }
        double[][] fg = rows(random, 6);
        double[][] bg = rows(random, 150);
        TreeExplainer explainer = Explainers.tree(model);
        for (long tableBytes : new long[] {1, Long.MAX_VALUE}) {
            for (int threads : new int[] {1, 2}) {
                double[][][] t = PairTensor.compute(flat, weights, WIDTH, fg, bg, threads, Progress.NONE, 64,
                        tableBytes, PairTensor.BLOCK_LEAVES);
                for (int a = 0; a < fg.length; a++) {
                    for (int b = 0; b < bg.length; b++) {
                        assertArrayEquals(explainer.phi(fg[a], bg[b]), t[a][b], 1e-12,
                                "chunk bytes " + tableBytes + ", pair " + a + "," + b);
                    }
                }
            }
        }
    }

    /**
     * Leaves with more path features than {@link LeafGroups#COUNTING_WIDTH} group by sorting, and forests with paths
     * wider than {@link LeafGroups#MAX_WIDTH} fall back to the single-pair walk: both equal phi per pair (itself equal
     * to enumeration above) and are efficient.
     */
    @Test
    void widePathsEqualSinglePairs() {
        SplittableRandom random = new SplittableRandom(9);
        int wide = 24;
        TreeEnsemble deep = new TreeEnsemble(wide, List.of(randomTree(random, 16, wide), randomTree(random, 14, wide)),
                new double[] {1.0, 0.7}, 0.1);
        assertTrue(deep.trees().stream().anyMatch(t -> new FlatTree(t).maxWidth > LeafGroups.COUNTING_WIDTH));
        assertEqualsSinglePairs(deep, rows(random, 25, wide), rows(random, 40, wide));
        int chain = LeafGroups.MAX_WIDTH + 3;
        Tree.Builder b = new Tree.Builder(2 * chain + 1);
        for (int f = 0; f < chain; f++) {
            b.split(2 * f, f, Tree.Test.LE, 0.5, 2 * f + 2, 2 * f + 1, f % 2 == 0).leaf(2 * f + 1, -0.1 * (f + 1));
        }
        b.leaf(2 * chain, 1.0);
        TreeEnsemble chained = new TreeEnsemble(chain, List.of(b.build()), new double[] {1.0}, 0);
        double[][] zeroOne = new double[12][chain];
        for (int r = 0; r < zeroOne.length; r++) {
            for (int f = 0; f < chain; f++) {
                zeroOne[r][f] = random.nextInt(10) == 0 ? 1.0 : 0.0;
            }
        }
        assertEqualsSinglePairs(chained, Arrays.copyOfRange(zeroOne, 0, 5), Arrays.copyOfRange(zeroOne, 5, 12));
    }

    /** Leaves of the tree with feature f on their path. */
    private static int onPaths(FlatTree tree, int f) {
        int count = 0;
        for (int[] features : tree.leafFeatures) {
            for (int g : features) {
                count += g == f ? 1 : 0;
            }
        }
        return count;
    }

    private static void assertEqualsSinglePairs(TreeEnsemble model, double[][] fg, double[][] bg) {
        TreeExplainer explainer = Explainers.tree(model);
        double[][][] t = explainer.pairs(fg, bg, Progress.NONE);
        for (int a = 0; a < fg.length; a++) {
            for (int b = 0; b < bg.length; b++) {
                assertArrayEquals(explainer.phi(fg[a], bg[b]), t[a][b], 1e-12, "pair " + a + "," + b);
                double sum = Arrays.stream(t[a][b]).sum();
                assertEquals(model.output(fg[a]) - model.output(bg[b]), sum, 1e-9, "pair " + a + "," + b);
            }
        }
    }

    /** T equals enumeration to 1e-9, is efficient, and is the same on one and two threads. */
    private static void assertEqualsExact(TreeEnsemble model, double[][] fg, double[][] bg, String what) {
        TreeExplainer explainer = Explainers.tree(model);
        ExactExplainer exact = Explainers.exact(model).withMaxDiffering(WIDTH);
        double[][][] t = explainer.withThreads(1).pairs(fg, bg, Progress.NONE);
        double[][][] two = explainer.withThreads(2).pairs(fg, bg, Progress.NONE);
        assertEquals(fg.length, t.length);
        for (int a = 0; a < fg.length; a++) {
            assertEquals(bg.length, t[a].length);
            for (int b = 0; b < bg.length; b++) {
                String pair = what + ", pair " + a + "," + b;
                assertArrayEquals(exact.phi(fg[a], bg[b]), t[a][b], 1e-9, pair);
                assertArrayEquals(t[a][b], two[a][b], 1e-12, pair);
                double sum = 0;
                for (double v : t[a][b]) {
                    sum += v;
                }
                assertEquals(model.output(fg[a]) - model.output(bg[b]), sum, 1e-9, pair + " efficiency");
            }
        }
    }

    /** Features 0-5 (mod 10) ordinal in half steps of [-0.5, 4) with exact zeros, 6-9 categories -1..3; some NaN. */
    private static double[][] rows(SplittableRandom random, int n) {
        return rows(random, n, WIDTH);
    }

    private static double[][] rows(SplittableRandom random, int n, int width) {
        double[][] rows = new double[n][width];
        for (double[] row : rows) {
            for (int f = 0; f < width; f++) {
                row[f] = f % 10 < 6 ? Math.floor(random.nextDouble() * 9) / 2 - 0.5 : random.nextInt(5) - 1;
                if (random.nextDouble() < 0.08) {
                    row[f] = Double.NaN;
                }
            }
        }
        return rows;
    }

    /**
     * A random tree exactly {@code depth} levels deep along its first path, built through Tree.Builder with nodes
     * numbered in reverse creation order (Builder renumbers), every test kind and flag.
     */
    static Tree randomTree(SplittableRandom random, int depth) {
        return randomTree(random, depth, WIDTH);
    }

    static Tree randomTree(SplittableRandom random, int depth, int width) {
        List<Object[]> specs = new ArrayList<>();
        grow(random, depth, true, specs, width);
        int n = specs.size();
        Tree.Builder builder = new Tree.Builder(n);
        for (int k = 0; k < n; k++) {
            Object[] s = specs.get(k);
            int id = n - 1 - k;
            if (s.length == 1) {
                builder.leaf(id, (double) s[0]);
                continue;
            }
            int f = (int) s[0];
            int kind = (int) s[1];
            int yes = n - 1 - (int) s[2];
            int no = n - 1 - (int) s[3];
            boolean missingYes = (boolean) s[4];
            double split = (double) s[5];
            switch (kind) {
                case 0 -> builder.split(id, f, Tree.Test.LE, split, yes, no, missingYes);
                case 1 -> builder.split(id, f, Tree.Test.LT, split, yes, no, missingYes);
                case 2 -> builder.split(id, f, Tree.Test.EQ, Math.floor(split), yes, no, missingYes);
                default -> builder.categories(id, f, (int[]) s[6], yes, no, missingYes);
            }
            int flags = (int) s[7];
            if ((flags & 1) != 0 && kind < 3) {
                builder.zeroIsMissing(id);
            }
            if ((flags & 2) != 0 && kind < 3) {
                builder.float32(id);
            }
        }
        return builder.build(n - 1);
    }

    private static int grow(SplittableRandom random, int depth, boolean full, List<Object[]> specs, int width) {
        int n = specs.size();
        specs.add(null);
        if (depth == 0 || (!full && random.nextDouble() < 0.2)) {
            specs.set(n, new Object[] {random.nextDouble() * 2 - 1});
            return n;
        }
        int f = random.nextInt(width);
        int kind = f % 10 < 6 ? random.nextInt(2) : 2 + random.nextInt(2);
        int[] categories = random.ints(1 + random.nextInt(3), 0, 4).distinct().toArray();
        double split = f % 10 < 6 ? Math.floor(random.nextDouble() * 8) / 2 : random.nextInt(4);
        int flags = random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 0;
        int yes = grow(random, depth - 1, full, specs, width);
        int no = grow(random, depth - 1, false, specs, width);
        specs.set(n, new Object[] {f, kind, yes, no, random.nextBoolean(), split, categories, flags});
        return n;
    }

    private static boolean repeatsFeature(Tree t) {
        return TreeShapTest.repeats(t, 0, new java.util.HashSet<>());
    }
}
