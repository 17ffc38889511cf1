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
 * The flat tree layout and the counting aggregation agree with {@link Tree} itself and with brute force: on trained
 * forests (nominal splits, features repeated on a path), on random trees up to 16 levels deep, and on a foreground
 * whose rows have every possible mask at one leaf.
 */
class FlatTreeTest {
    private static final int WIDTH = 10;

    @Test
    void flatLeafIsTheTreesLeafForEveryRow() {
        double[][] train = RandomData.rows(500, 11);
        int[] y = RandomData.labels(train, 12);
        double[][] rows = withMissing(RandomData.rows(300, 13));
        List<Tree> trees = new ArrayList<>();
        for (ModelKind kind : new ModelKind[] {ModelKind.RF, ModelKind.GBT, ModelKind.TREE}) {
            trees.addAll(((TreeEnsemble) Trainer.of(kind).withTrees(10).withMaxDepth(8).withSeed(3)
                    .fit(RandomData.FEATURES, train, y)).trees());
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int k = 0; k < 20; k++) {
            trees.add(randomTree(random, 4 + k % 13));
        }
        double[][] wide = withMissing(randomRows(new SplittableRandom(2), 120));
        for (Tree tree : trees) {
            FlatTree flat = new FlatTree(tree);
            double[][] input = tree.maxFeature() < 5 ? rows : wide;
            List<List<int[]>> paths = new ArrayList<>();
            for (int l = 0; l < flat.leaves; l++) {
                paths.add(pathTo(tree, 0, flat.original[flat.leafNode[l]], new ArrayList<>()));
            }
            for (double[] row : input) {
                assertEquals(tree.leafOf(row), flat.leafOf(row));
                assertArrayEquals(referenceFailMasks(tree, flat, paths, row), flat.failMasks(row));
            }
        }
    }

    @Test
    void deepRandomTreesMatchPairsAndEnumeration() {
        SplittableRandom random = new SplittableRandom(7);
        for (int depth : new int[] {6, 12, 16}) {
            List<Tree> trees = new ArrayList<>();
            double[] weights = new double[3];
            for (int t = 0; t < 3; t++) {
                trees.add(randomTree(random, depth));
                weights[t] = 0.5 + t;
            }
            TreeEnsemble model = new TreeEnsemble(WIDTH, trees, weights, 0.1);
            assertTrue(trees.stream().mapToInt(Tree::depth).max().orElse(0) == depth, "depth " + depth);
            double[][] rows = randomRows(random, 60);
            double[][] fg = Arrays.copyOfRange(rows, 0, 40);
            double[][] bg = Arrays.copyOfRange(rows, 40, 60);
            TreeExplainer explainer = Explainers.tree(model);
            ExactExplainer exact = Explainers.exact(model);
            for (int a = 0; a < 6; a++) {
                assertArrayEquals(exact.phi(fg[a], bg[a]), explainer.phi(fg[a], bg[a]), 1e-9, "depth " + depth);
            }
            double[][] fast = explainer.coefficients(fg, bg);
            double[][] slow = Pairwise.columnMeans(explainer.withThreads(1), fg, bg, Progress.NONE);
            for (int j = 0; j < bg.length; j++) {
                assertArrayEquals(slow[j], fast[j], 1e-9, "depth " + depth + ", background row " + j);
            }
            double[][] swapped = explainer.withThreads(2).coefficients(bg, fg);
            double[][] swappedSlow = Pairwise.columnMeans(explainer, bg, fg, Progress.NONE);
            for (int j = 0; j < fg.length; j++) {
                assertArrayEquals(swappedSlow[j], swapped[j], 1e-9, "depth " + depth + ", swapped row " + j);
            }
        }
    }

    /**
     * A chain x_0 <= 0.5, x_1 <= 0.5, ... whose deepest leaf tests w features, and a foreground of all 2^w 0/1 rows:
     * every row has its own mask at that leaf. w = 12 uses the counting tables, w = 16 the sorted fallback.
     */
    @Test
    void foregroundWithAllMasksDistinct() {
        for (int w : new int[] {12, 16}) {
            Tree chain = chain(w);
            FlatTree flat = new FlatTree(chain);
            double[][] fg = new double[1 << w][w];
            for (int r = 0; r < fg.length; r++) {
                for (int f = 0; f < w; f++) {
                    fg[r][f] = (r >>> f & 1) == 0 ? 0.0 : 1.0;
                }
            }
            LeafAggregate agg = new LeafAggregate(flat, 1.0, fg);
            int deepest = 0;
            for (int l = 0; l < flat.leaves; l++) {
                if (flat.leafFeatures[l].length > flat.leafFeatures[deepest].length) {
                    deepest = l;
                }
            }
            assertEquals(w, flat.leafFeatures[deepest].length);
            long[] masks = agg.masks(deepest);
            assertEquals(1 << w, masks.length, "every mask distinct at the deepest leaf");
            assertAggregates(flat, fg, agg);
            TreeEnsemble model = new TreeEnsemble(w, List.of(chain), new double[] {1.0}, 0);
            TreeExplainer explainer = Explainers.tree(model);
            double[][] bg = {fg[0], fg[fg.length - 1], fg[fg.length / 3], fg[5]};
            double[][] fast = explainer.coefficients(fg, bg);
            double[][] slow = Pairwise.columnMeans(explainer, fg, bg, Progress.NONE);
            for (int j = 0; j < bg.length; j++) {
                assertArrayEquals(slow[j], fast[j], 1e-9, "w " + w + ", background row " + j);
            }
            ExactExplainer exact = Explainers.exact(model);
            for (int a : new int[] {1, 77, fg.length - 2}) {
                assertArrayEquals(exact.phi(fg[a], bg[1]), explainer.phi(fg[a], bg[1]), 1e-9);
            }
        }
    }

    @Test
    void randomDeepTreesAggregateByCounting() {
        SplittableRandom random = new SplittableRandom(11);
        for (int depth : new int[] {8, 16}) {
            FlatTree flat = new FlatTree(randomTree(random, depth));
            double[][] fg = withMissing(randomRows(random, 1500));
            assertAggregates(flat, fg, new LeafAggregate(flat, 1.0, fg));
        }
    }

    /** The aggregate at every leaf holds exactly the distinct ok masks of fg with multiplicity / |fg|. */
    private static void assertAggregates(FlatTree flat, double[][] fg, LeafAggregate agg) {
        long[][] fail = new long[fg.length][];
        for (int r = 0; r < fg.length; r++) {
            fail[r] = flat.failMasks(fg[r]);
        }
        for (int l = 0; l < flat.leaves; l++) {
            assertAggregate(flat, fail, agg, l);
        }
    }

    private static void assertAggregate(FlatTree flat, long[][] fail, LeafAggregate agg, int l) {
        long full = (1L << flat.leafFeatures[l].length) - 1;
        java.util.HashMap<Long, Integer> counts = new java.util.HashMap<>();
        for (long[] row : fail) {
            counts.merge(full & ~row[l], 1, Integer::sum);
        }
        long[] masks = agg.masks(l);
        double[] weights = agg.weights(l);
        assertEquals(counts.size(), masks.length);
        double total = 0;
        for (int k = 0; k < masks.length; k++) {
            assertEquals(counts.get(masks[k]) / (double) fail.length, weights[k], 1e-15);
            total += weights[k];
        }
        assertEquals(1.0, total, 1e-9);
    }

    /** Fail mask of a row at each leaf from Tree's own accessors: conditions checked along each root-to-leaf path. */
    private static long[] referenceFailMasks(Tree tree, FlatTree flat, List<List<int[]>> paths, double[] row) {
        long[] out = new long[flat.leaves];
        for (int l = 0; l < flat.leaves; l++) {
            int[] features = flat.leafFeatures[l];
            List<int[]> path = paths.get(l);
            long mask = 0;
            for (int[] step : path) {
                int node = step[0];
                boolean wantYes = step[1] == 1;
                if (tree.goesYes(node, row[tree.feature(node)]) != wantYes) {
                    int f = tree.feature(node);
                    for (int p = 0; p < features.length; p++) {
                        if (features[p] == f) {
                            mask |= 1L << p;
                        }
                    }
                }
            }
            out[l] = mask;
        }
        return out;
    }

    private static List<int[]> pathTo(Tree tree, int node, int target, List<int[]> path) {
        if (node == target) {
            return path;
        }
        if (tree.leaf(node)) {
            return null;
        }
        path.add(new int[] {node, 1});
        List<int[]> r = pathTo(tree, tree.yes(node), target, path);
        if (r != null) {
            return new ArrayList<>(r);
        }
        path.set(path.size() - 1, new int[] {node, 0});
        r = pathTo(tree, tree.no(node), target, path);
        if (r != null) {
            return new ArrayList<>(r);
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** Features 0-5 ordinal in [0, 4), 6-9 nominal in {0..3}. */
    private static double[][] randomRows(SplittableRandom random, int n) {
        double[][] rows = new double[n][WIDTH];
        for (double[] row : rows) {
            for (int f = 0; f < WIDTH; f++) {
                row[f] = f < 6 ? Math.floor(random.nextDouble() * 8) / 2 : random.nextInt(4);
            }
        }
        return rows;
    }

    private static double[][] withMissing(double[][] rows) {
        for (int r = 0; r < rows.length; r += 7) {
            rows[r][r % rows[r].length] = Double.NaN;
        }
        return rows;
    }

    /** A random tree exactly {@code depth} levels deep (its first path), in pre-order, features often repeated. */
    static Tree randomTree(SplittableRandom random, int depth) {
        Builder b = new Builder();
        b.grow(random, depth, true);
        return b.build();
    }

    private static Tree chain(int w) {
        Builder b = new Builder();
        b.chain(0, w);
        return b.build();
    }

    private static final class Builder {
        final List<double[]> nodes = new ArrayList<>(); // feature, split, nominal, yes, no, value

        int add() {
            nodes.add(new double[] {-1, 0, 0, -1, -1, 0});
            return nodes.size() - 1;
        }

        int grow(SplittableRandom random, int depth, boolean full) {
            int n = add();
            if (depth == 0 || (!full && random.nextDouble() < 0.15)) {
                nodes.get(n)[5] = random.nextDouble() * 2 - 1;
                return n;
            }
            int f = random.nextInt(WIDTH);
            double[] node = nodes.get(n);
            node[0] = f;
            node[1] = f < 6 ? 0.25 + Math.floor(random.nextDouble() * 7) / 2 : random.nextInt(4);
            node[2] = f < 6 ? 0 : 1;
            node[3] = grow(random, depth - 1, full);
            node[4] = grow(random, depth - 1, false);
            return n;
        }

        int chain(int f, int w) {
            int n = add();
            if (f == w) {
                nodes.get(n)[5] = 1.0;
                return n;
            }
            double[] node = nodes.get(n);
            node[0] = f;
            node[1] = 0.5;
            int leaf = add();
            nodes.get(leaf)[5] = -0.1 * (f + 1);
            node[4] = leaf;
            node[3] = chain(f + 1, w);
            return n;
        }

        Tree build() {
            int n = nodes.size();
            int[] feature = new int[n];
            double[] split = new double[n];
            boolean[] nominal = new boolean[n];
            int[] yes = new int[n];
            int[] no = new int[n];
            double[] value = new double[n];
            for (int k = 0; k < n; k++) {
                double[] node = nodes.get(k);
                feature[k] = (int) node[0];
                split[k] = node[1];
                nominal[k] = node[2] == 1;
                yes[k] = (int) node[3];
                no[k] = (int) node[4];
                value[k] = node[5];
            }
            return new Tree(feature, split, nominal, yes, no, value);
        }
    }
}
