package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * The block pass of the coefficient matrix ({@link SubtreeBlocks}, {@link SplitBins}, {@link LeafAggregate}) equals
 * the mean over the foreground of phi(x, z) by coalition enumeration ({@link ExactExplainer}) to 1e-9: for every
 * block size (1 is the per-leaf pass), with directions from the bin tables and from node-by-node comparisons, on
 * random trees up to 16 levels deep with {@code <=}, {@code <}, {@code ==} tests, NaN sent either way, signed
 * zeros, and nodes the tables cannot hold (category sets, float32, zero-as-missing); with the foreground counted
 * by block keys or row by row; with a full entry cache; and on a foreground whose rows all have distinct masks at
 * one leaf.
 */
class BlockCoefficientsTest {
    static final int WIDTH = 10;
    private static final int[] BLOCK_SIZES = {1, 2, 4, 16, 64, 1 << 20};

    @Test
    void blockPassEqualsEnumerationOnRandomTrees() {
        SplittableRandom random = new SplittableRandom(5);
        for (int depth : new int[] {3, 8, 12, 16}) {
            for (int exotic = 0; exotic < 2; exotic++) {
                Tree tree = randomTree(random, depth, exotic);
                double[][] fg = rows(random, 30);
                double[][] bg = rows(random, 17);
                assertBlocksMatchEnumeration(tree, fg, bg, "depth " + depth + (exotic == 1 ? ", exotic nodes" : ""));
            }
        }
    }

    /**
     * XGBoost's trees compare (float) v < (float) s: with every node in float32, the tables bin values cast to float,
     * and values within float rounding of a threshold (where double and float comparisons disagree) go as the tree
     * sends them.
     */
    @Test
    void float32ComparisonsAreTabulated() {
        SplittableRandom random = new SplittableRandom(21);
        for (int depth : new int[] {5, 10}) {
            Tree tree = randomTree(random, depth, 2);
            FlatTree flat = new FlatTree(tree);
            assertNotNull(new SubtreeBlocks(flat, 8, new SplitBins(List.of(flat), WIDTH)).table);
            double[][] fg = rows(random, 30);
            double[][] bg = rows(random, 17);
            for (double[][] rows : new double[][][] {fg, bg}) {
                for (double[] row : rows) {
                    for (int f = 0; f < WIDTH; f++) {
                        if (random.nextBoolean() && !Double.isNaN(row[f])) {
                            row[f] += (random.nextBoolean() ? 1 : -1) * 1e-9; // rounds back to the float grid
                        }
                    }
                }
            }
            assertBlocksMatchEnumeration(tree, fg, bg, "float32, depth " + depth);
        }
    }

    /**
     * A row's block keys are the same through the tables and node by node, and the fail masks rebuilt from a key
     * alone ({@link SubtreeBlocks#leafFailMasks}, what the per-pair tables and the foreground counts use) are the
     * row's own at every leaf of the block: trees up to 16 deep, every node kind, both test builders, blocks of 1
     * to 32 leaves.
     */
    @Test
    void blockKeysGiveTheRowsFailMasks() {
        SplittableRandom random = new SplittableRandom(31);
        int tabulated = 0;
        for (int depth : new int[] {3, 8, 12, 16}) {
            for (int mode = 0; mode < 4; mode++) {
                Tree tree = mode < 3 ? randomTree(random, depth, mode) : PairTensorTest.randomTree(random, depth);
                FlatTree flat = new FlatTree(tree);
                SplitBins splits = new SplitBins(List.of(flat), WIDTH);
                double[][] rows = rows(random, 40);
                int[][] bins = splits.bins(rows);
                for (int leaves : new int[] {1, 4, 8, 32}) {
                    SubtreeBlocks b = new SubtreeBlocks(flat, leaves, splits);
                    tabulated += b.table != null ? 1 : 0;
                    long[] byTable = new long[b.count];
                    long[] byNode = new long[b.count];
                    long[] dir = new long[b.words + 1];
                    long[] scratch = new long[flat.size];
                    long[] masks = new long[flat.leaves];
                    for (int r = 0; r < rows.length; r++) {
                        long[] expected = flat.failMasks(rows[r]);
                        b.keys(rows[r], bins[r], byTable, 0, dir, scratch);
                        b.keys(rows[r], null, byNode, 0, dir, scratch);
                        assertArrayEquals(byNode, byTable, "depth " + depth + ", mode " + mode + ", row " + r);
                        for (int k = 0; k < b.count; k++) {
                            Arrays.fill(masks, -1L);
                            b.leafFailMasks(k, byNode[k], masks, 0, scratch);
                            int l0 = b.firstLeaf[k];
                            int l1 = b.firstLeaf[k + 1];
                            assertArrayEquals(Arrays.copyOfRange(expected, l0, l1), Arrays.copyOfRange(masks, 0, l1 - l0),
                                    "depth " + depth + ", mode " + mode + ", block " + k + ", row " + r);
                        }
                    }
                }
            }
        }
        assertTrue(tabulated > 0, "some trees are tabulated");
    }

    @Test
    void tablesCoverComparisonsAndRefuseOtherTests() {
        SplittableRandom random = new SplittableRandom(9);
        Tree plain = randomTree(random, 10, 0);
        FlatTree flat = new FlatTree(plain);
        SplitBins splits = new SplitBins(List.of(flat), WIDTH);
        assertNotNull(new SubtreeBlocks(flat, 8, splits).table, "<=, <, == and NaN to either side are tabulated");
        Tree.Builder b = new Tree.Builder(3);
        b.categories(0, 6, new int[] {1, 2}, 1, 2, false).leaf(1, 1.0).leaf(2, -1.0);
        FlatTree sets = new FlatTree(b.build());
        assertNull(new SubtreeBlocks(sets, 8, new SplitBins(List.of(sets), WIDTH)).table, "category sets compare");
    }

    @Test
    void fullEntryCacheAddsMissesDirectly() {
        SplittableRandom random = new SplittableRandom(13);
        Tree tree = randomTree(random, 9, 1);
        double[][] fg = rows(random, 25);
        double[][] bg = rows(random, 20);
        double[][] expected = enumeration(tree, fg, bg);
        FlatTree flat = new FlatTree(tree);
        SplitBins splits = new SplitBins(List.of(flat), WIDTH);
        for (int cap : new int[] {0, 7, 60}) {
            double[] acc = new double[bg.length * WIDTH];
            LeafAggregate agg = new LeafAggregate(flat, 1.5, fg, 4, cap);
            agg.accumulate(bg, splits, splits.bins(bg), 0, bg.length, acc, WIDTH);
            agg.accumulate(bg, splits, splits.bins(bg), 0, bg.length, acc, WIDTH); // the second pass hits the cache
            assertRows(expected, acc, 2 * 1.5, "arena of " + cap);
        }
    }

    /**
     * A chain x_0 <= 0.5, x_1 <= 0.5, ... of w = 12 features and a foreground of all 2^w 0/1 rows: every row has
     * its own mask at the deepest leaf, which one block of 16 leaves holds with the leaves above it.
     */
    @Test
    void foregroundWithAllMasksDistinct() {
        int w = 12;
        Tree.Builder b = new Tree.Builder(2 * w + 1);
        for (int f = 0; f < w; f++) {
            b.split(2 * f, f, Tree.Test.LE, 0.5, 2 * f + 2, 2 * f + 1, false).leaf(2 * f + 1, f - 5.5);
        }
        b.leaf(2 * w, 7.0);
        Tree chain = b.build();
        double[][] fg = new double[1 << w][w];
        for (int r = 0; r < fg.length; r++) {
            for (int f = 0; f < w; f++) {
                fg[r][f] = (r >>> f & 1) == 0 ? 0.0 : 1.0;
            }
        }
        double[][] bg = {fg[0], fg[fg.length - 1], fg[fg.length / 3]};
        TreeEnsemble model = new TreeEnsemble(w, List.of(chain), new double[] {1.0}, 0);
        double[][] expected = Pairwise.columnMeans(Explainers.exact(model), fg, bg, Progress.NONE);
        FlatTree flat = new FlatTree(chain);
        SplitBins splits = new SplitBins(List.of(flat), w);
        for (int k : BLOCK_SIZES) {
            double[] acc = new double[bg.length * w];
            new LeafAggregate(flat, 1.0, fg, k, LeafAggregate.MAX_ARENA)
                    .accumulate(bg, splits, splits.bins(bg), 0, bg.length, acc, w);
            for (int j = 0; j < bg.length; j++) {
                assertArrayEquals(expected[j], Arrays.copyOfRange(acc, j * w, (j + 1) * w), 1e-9,
                        "block size " + k + ", background row " + j);
            }
        }
    }

    /**
     * Counting the foreground by block keys gives the same masks and weights as row by row, on leaves of up to 16
     * path features (the counting tables and the sorted fallback) with every mask distinct at the deepest.
     */
    @Test
    void countingByBlockKeysEqualsCountingByRows() {
        for (int w : new int[] {12, 16}) {
            Tree.Builder b = new Tree.Builder(2 * w + 1);
            for (int f = 0; f < w; f++) {
                b.split(2 * f, f, f % 2 == 0 ? Tree.Test.LE : Tree.Test.LT, 0.5, 2 * f + 2, 2 * f + 1, f % 3 == 0)
                        .leaf(2 * f + 1, f);
            }
            b.leaf(2 * w, 7.0);
            FlatTree flat = new FlatTree(b.build());
            double[][] fg = new double[1 << w][w];
            for (int r = 0; r < fg.length; r++) {
                for (int f = 0; f < w; f++) {
                    fg[r][f] = (r >>> f & 1) == 0 ? 0.0 : r % 5 == 0 ? Double.NaN : 1.0;
                }
            }
            SplitBins splits = new SplitBins(List.of(flat), w);
            LeafAggregate byRows = new LeafAggregate(flat, 1.0, fg, 1, 0);
            for (int k : new int[] {2, 16, 64}) {
                LeafAggregate byKeys = new LeafAggregate(flat, 1.0, fg, splits, splits.bins(fg), k, 0);
                for (int l = 0; l < flat.leaves; l++) {
                    assertArrayEquals(byRows.masks(l), byKeys.masks(l), "w " + w + ", block size " + k);
                    assertArrayEquals(byRows.weights(l), byKeys.weights(l), 1e-15, "w " + w + ", block size " + k);
                }
            }
        }
    }

    private static void assertBlocksMatchEnumeration(Tree tree, double[][] fg, double[][] bg, String what) {
        double[][] expected = enumeration(tree, fg, bg);
        FlatTree flat = new FlatTree(tree);
        SplitBins splits = new SplitBins(List.of(flat), WIDTH);
        int[][] bins = splits.bins(bg);
        double weight = 0.75;
        for (int k : BLOCK_SIZES) {
            for (boolean tabulated : new boolean[] {true, false}) {
                double[] acc = new double[bg.length * WIDTH];
                LeafAggregate agg = tabulated
                        ? new LeafAggregate(flat, weight, fg, splits, splits.bins(fg), k, LeafAggregate.MAX_ARENA)
                        : new LeafAggregate(flat, weight, fg, k, LeafAggregate.MAX_ARENA);
                int half = bg.length / 2;
                agg.accumulate(bg, tabulated ? splits : null, tabulated ? bins : null, 0, half, acc, WIDTH);
                agg.accumulate(bg, tabulated ? splits : null, tabulated ? bins : null, half, bg.length, acc, WIDTH);
                assertRows(expected, acc, weight, what + ", block size " + k + (tabulated ? ", tables" : ""));
            }
        }
        TreeEnsemble model = new TreeEnsemble(WIDTH, List.of(tree, tree), new double[] {weight, 1 - weight}, 0.2);
        double[][] viaExplainer = Explainers.tree(model).withThreads(2).coefficients(fg, bg);
        for (int j = 0; j < bg.length; j++) {
            assertArrayEquals(expected[j], viaExplainer[j], 1e-9, what + ", TreeExplainer, background row " + j);
        }
    }

    /** C[j][i] = mean over fg of phi_i(x, z_j) for the tree alone (weight 1), phi by coalition enumeration. */
    private static double[][] enumeration(Tree tree, double[][] fg, double[][] bg) {
        TreeEnsemble model = new TreeEnsemble(WIDTH, List.of(tree), new double[] {1.0}, 0);
        return Pairwise.columnMeans(Explainers.exact(model), fg, bg, Progress.NONE);
    }

    private static void assertRows(double[][] expected, double[] acc, double scale, String what) {
        for (int j = 0; j < expected.length; j++) {
            double[] want = expected[j].clone();
            for (int i = 0; i < want.length; i++) {
                want[i] *= scale;
            }
            assertArrayEquals(want, Arrays.copyOfRange(acc, j * WIDTH, (j + 1) * WIDTH), 1e-9,
                    what + ", background row " + j);
        }
    }

    /**
     * Features 0-5 on a grid of halves in [-1, 3) with signed zeros, 6-9 categories 0..3; about one value in eight
     * missing.
     */
    static double[][] rows(SplittableRandom random, int n) {
        double[][] rows = new double[n][WIDTH];
        for (double[] row : rows) {
            for (int f = 0; f < WIDTH; f++) {
                double v = f < 6 ? Math.floor(random.nextDouble() * 8) / 2 - 1 : random.nextInt(4);
                if (v == 0 && random.nextBoolean()) {
                    v = -0.0;
                }
                row[f] = random.nextInt(8) == 0 ? Double.NaN : v;
            }
        }
        return rows;
    }

    /**
     * A random tree whose first path is exactly {@code depth} levels deep, features often repeated on a path: tests
     * {@code <=}, {@code <} and {@code ==} on the rows' grid (thresholds include -0.0 and 0.0), NaN to yes or no;
     * {@code mode} 1 adds category sets, float32 and zero-as-missing nodes, mode 2 makes every test float32.
     */
    static Tree randomTree(SplittableRandom random, int depth, int mode) {
        List<double[]> nodes = new ArrayList<>(); // feature, kind, split, yes, no, value, missingYes
        grow(random, nodes, depth, true, mode == 1);
        Tree.Builder b = new Tree.Builder(nodes.size());
        for (int n = 0; n < nodes.size(); n++) {
            double[] v = nodes.get(n);
            int kind = (int) v[1];
            if (kind < 0) {
                b.leaf(n, v[5]);
                continue;
            }
            int f = (int) v[0];
            boolean nanYes = v[6] > 0;
            switch (kind) {
                case 0 -> b.split(n, f, Tree.Test.LE, v[2], (int) v[3], (int) v[4], nanYes);
                case 1 -> b.split(n, f, Tree.Test.LT, v[2], (int) v[3], (int) v[4], nanYes);
                case 2 -> b.split(n, f, Tree.Test.EQ, v[2], (int) v[3], (int) v[4], nanYes);
                case 3 -> b.categories(n, f, new int[] {(int) v[2], ((int) v[2] + 1) % 4}, (int) v[3], (int) v[4],
                        nanYes);
                case 4 -> b.split(n, f, Tree.Test.LT, v[2], (int) v[3], (int) v[4], nanYes).float32(n);
                default -> b.split(n, f, Tree.Test.LE, v[2], (int) v[3], (int) v[4], nanYes).zeroIsMissing(n);
            }
            if (mode == 2 && kind != 3 && kind != 4) {
                b.float32(n);
            }
        }
        return b.build();
    }

    private static int grow(SplittableRandom random, List<double[]> nodes, int depth, boolean first, boolean exotic) {
        int n = nodes.size();
        double[] node = {-1, -1, 0, -1, -1, 0, 0};
        nodes.add(node);
        if (depth == 0 || (!first && random.nextDouble() < 0.15)) {
            node[5] = random.nextDouble() * 2 - 1;
            return n;
        }
        int f = random.nextInt(WIDTH);
        node[0] = f;
        if (f >= 6) {
            node[1] = exotic && random.nextInt(3) == 0 ? 3 : 2;
            node[2] = random.nextInt(4);
        } else {
            node[1] = exotic && random.nextInt(4) == 0 ? 4 + random.nextInt(2) : random.nextInt(3) == 0 ? 1 : 0;
            double s = Math.floor(random.nextDouble() * 8) / 2 - 1;
            node[2] = s == 0 && random.nextBoolean() ? -0.0 : s;
        }
        node[6] = random.nextBoolean() ? 1 : 0;
        node[3] = grow(random, nodes, depth - 1, first, exotic);
        node[4] = grow(random, nodes, depth - 1, false, exotic);
        return n;
    }

    @Test
    void binsSeparateEveryThreshold() {
        FlatTree flat = new FlatTree(randomTree(new SplittableRandom(3), 8, 0));
        SplitBins splits = new SplitBins(List.of(flat), WIDTH);
        for (int n = 0; n < flat.size; n++) {
            if (flat.kind[n] != FlatTree.LEAF) {
                int f = flat.feature[n];
                double s = flat.split[n];
                assertEquals(splits.point(f, s), splits.bin(f, s));
                assertEquals(splits.point(f, s), splits.bin(f, s == 0 ? -s : s), "signed zeros share a bin");
                assertEquals(splits.point(f, s) - 1, splits.bin(f, Math.nextDown(s)));
                assertEquals(splits.point(f, s) + 1, splits.bin(f, Math.nextUp(s)));
            }
        }
        assertEquals(0, splits.bin(0, Double.NaN));
    }
}
