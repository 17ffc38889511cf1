package org.foolshap.shap;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.foolshap.Progress;

/**
 * TreeSHAP's per-pair tensor T[a][b][i] = sum over trees of w_t phi_i(tree t, x_a, z_b) (interventional TreeSHAP,
 * Lundberg et al., "From local explanations to global understanding with explainable AI for trees", Nat. Mach.
 * Intell. 2020), leaf by leaf instead of walk by walk.
 *
 * <p>Leaf L with value v is on a hybrid path of (x, z) iff x's and z's fail masks there are disjoint; it then adds
 * v (a-1)! b! / (a+b)! to each feature of A = z's fail mask (those must come from x) and -v a! (b-1)! / (a+b)! to
 * each of B = x's fail mask, a = |A|, b = |B| (see {@link TreeExplainer}), with weights from
 * {@link ShapleyWeights}' tables. Two routes share that rule:
 * <ul>
 * <li>{@link PairBlocks} (the default): the tree cut into blocks of at most {@link #BLOCK_LEAVES} leaves; rows with
 * equal block keys (so equal fail masks at all of a block's leaves) form a class on each side, and a table over
 * (foreground class, background class) holds the block's summed contribution. A pair's block costs no test and one
 * addition per nonzero feature of its cell: on Adult's forest (8 leaves per block, 200 x 500) 10.3 additions per
 * (x, z, tree) instead of 17.5 leaf by leaf, for 0.30 table cells per pair (16 leaves: 8 additions, 0.49 cells).
 * 8.6 of the 10.3 go to features above a block's root, repeated in each of the 3.6 blocks a pair reaches per tree
 * (merging them across blocks needs the blocks' classes crossed, which is what larger blocks do and cost in tables:
 * 16 leaves took more time, not less). So each tree leaves out of its tables the feature on most of its leaves'
 * paths, and a pass per chunk of trees completes it by efficiency ({@link #close}): 7.8 additions instead of 10.3.
 * <li>{@link LeafGroups}, for the blocks a table would not pay for (more cells than half the pairs) and behind
 * {@code foolshap.treeshap.pairBlockLeaves=0}: at each leaf the background rows grouped by fail mask, and a
 * foreground row tests each group once and adds the leaf's (|A| + |B|)-sparse contribution to the group's rows
 * (about 28 groups among 500 rows, 5 tests and 17.5 additions per triple).
 * </ul>
 * No tree walk, no recursion.
 *
 * <p>Time per tree and background block: tables O((|F| + |B|) (nodes + leaves) + sum over blocks of Kx (leaves x
 * z-groups + cell entries)), then O(|F| |B| x nonzero entries per pair). The larger the background block, the more
 * rows share each cell (classes grow far slower than rows), so blocks are as large as {@link #BLOCK} and a bounded
 * slice of the tensor allow; trees go in chunks of about {@link #TABLE_BYTES} of tables or the slice's size if larger.
 * Memory: the tensor, one block's slice of it, one chunk's tables. Parallel over trees (tables) and foreground rows
 * (additions) on at most {@code threads} threads from the JVM-wide {@link Cores} budget.
 */
final class PairTensor {
    /** Largest block of background rows: larger blocks share each foreground row's work per leaf among more rows. */
    static final int BLOCK = LeafGroups.MAX_ROWS;
    /**
     * Least bytes of tables ({@link PairBlocks}, their leaf groups included) per chunk of trees; a chunk's tables
     * are as large as the slice of the tensor when that is larger ({@code foolshap.treeshap.pairTableBytes} overrides
     * both for benchmarks: 8 MB against 64 MB at 200 x 8,000 was 36 against 23 ns per triple).
     */
    private static final long TABLE_BYTES = 8L << 20;
    /**
     * Default leaves per {@link PairBlocks} block: 8 beat 16 in five of eight one-thread A/B runs on Adult (200 x 500
     * and 200 x 8,000, loaded machine), 9% in geometric mean; 32 has about twice the cells per pair to build. The
     * system property {@code foolshap.treeshap.pairBlockLeaves}, read by each call, overrides it for benchmarks' A/B
     * runs only (0: the leaf groups alone, the route before).
     */
    static final int BLOCK_LEAVES = 8;
    /** Bytes of one block's slice of the tensor, held twice while it is copied out. */
    private static final long SLICE_BYTES = 256L << 20;

    private static final String DOING = "computing per-pair values";

    private PairTensor() {
    }

    /** T[a][b] for trees with weights; every path of at most {@link LeafGroups#MAX_WIDTH} distinct features. */
    static double[][][] compute(List<FlatTree> trees, double[] weights, int d, double[][] foreground,
                                double[][] background, int threads, Progress progress) {
        long sliceRows = SLICE_BYTES / (8L * d * foreground.length);
        int block = (int) Math.max(256, Math.min(BLOCK, sliceRows));
        // a chunk's tables about as large as the slice every chunk sweeps (at least TABLE_BYTES): smaller chunks
        // sweep the slice more often, larger ones are read after they left the cache
        long slice = 8L * d * foreground.length * Math.min(block, background.length);
        long tableBytes = Long.getLong("foolshap.treeshap.pairTableBytes", Math.max(TABLE_BYTES, slice));
        return compute(trees, weights, d, foreground, background, threads, progress, block, tableBytes,
                blockLeaves());
    }

    /** {@link #BLOCK_LEAVES} unless a benchmark sets {@code foolshap.treeshap.pairBlockLeaves} (0: leaf groups). */
    static int blockLeaves() {
        return Integer.getInteger("foolshap.treeshap.pairBlockLeaves", BLOCK_LEAVES);
    }

    /**
     * As above with background blocks of {@code block} rows (at most {@link #BLOCK}), {@link PairBlocks} of at most
     * {@code blockLeaves} leaves (0: every leaf through {@link LeafGroups}), and trees in chunks whose tables take
     * about {@code tableBytes} (built {@code threads} trees at a time until they pass it).
     */
    static double[][][] compute(List<FlatTree> trees, double[] weights, int d, double[][] foreground,
                                double[][] background, int threads, Progress progress, int block, long tableBytes,
                                int blockLeaves) {
        int nf = foreground.length;
        int nb = background.length;
        int maxSize = 1;
        int maxLeaves = 1;
        int maxWidth = 1;
        for (FlatTree tree : trees) {
            maxSize = Math.max(maxSize, tree.size);
            maxLeaves = Math.max(maxLeaves, tree.leaves);
            maxWidth = Math.max(maxWidth, tree.maxWidth);
        }
        int sizes = maxSize;
        int leafCount = maxLeaves;
        int width = maxWidth;
        double[][][] t = new double[nf][nb][];
        int blocks = (nb + block - 1) / block;
        // rows' bins among the forest's thresholds, once: each tree's block keys then come from table look-ups
        SplitBins splits = blockLeaves > 0 ? new SplitBins(trees, d) : null;
        int[][] binsX = splits != null ? splits.bins(foreground) : null;
        int[][] binsZ = splits != null ? splits.bins(background) : null;
        // Each tree leaves one feature out of its tables, completed by efficiency (see close); trees sharing it
        // run one after the other, so a chunk completes each left-out feature once, not once per tree.
        int nt = trees.size();
        int[] skip = new int[nt];
        for (int k = 0; k < nt; k++) {
            skip[k] = blockLeaves > 0 ? leftOut(trees.get(k), d) : -1;
        }
        int[] order = IntStream.range(0, nt).boxed().sorted(Comparator.comparingInt(k -> skip[k]))
                .mapToInt(Integer::intValue).toArray();
        // f's part of each tree, w_t v_t(leaf of x_a), in that order
        double[][] outX = new double[nt][];
        for (int k = 0; k < nt; k++) {
            outX[k] = outputs(trees.get(order[k]), weights[order[k]], foreground, 0, nf);
        }
        double[][] outZ = new double[nt][];
        PairBlocks[] tables = new PairBlocks[nt];
        double[][] toZ = new double[nt][];
        AtomicLong done = new AtomicLong();
        int workers = Cores.reserve(threads);
        ExecutorService pool = Workers.pool(workers, "treeshap-pairs");
        try {
            for (int from = 0; from < nb; from += block) {
                int start = from;
                int rows = Math.min(nb, from + block) - from;
                double[][] acc = new double[nf][];
                double[] fromX = new double[nf];
                double[] fromZ = new double[rows];
                for (int k0 = 0; k0 < nt; ) {
                    // The next chunk of trees: tables built a wave of `workers` trees at a time until past the budget.
                    int k1 = k0;
                    long bytes = 0;
                    while (k1 < nt && (k1 == k0 || bytes < tableBytes)) {
                        int wave = k1;
                        int waveEnd = Math.min(nt, k1 + workers);
                        Workers.forEach(pool, workers, waveEnd - wave, k -> {
                            int tree = order[wave + k];
                            tables[wave + k] = new PairBlocks(trees.get(tree), weights[tree], d, foreground,
                                    background, start, start + rows, blockLeaves, splits, binsX, binsZ, skip[tree]);
                            outZ[wave + k] = outputs(trees.get(tree), weights[tree], background, start, rows);
                        }, DOING);
                        for (int k = wave; k < waveEnd; k++) {
                            bytes += tables[k].bytes();
                        }
                        k1 = waveEnd;
                    }
                    // f's part of the trees so far for each background row, where a left-out feature is completed
                    for (int k = k0; k < k1; k++) {
                        for (int r = 0; r < rows; r++) {
                            fromZ[r] += outZ[k][r];
                        }
                        outZ[k] = null;
                        if (closes(skip, order, k, k1)) {
                            toZ[k] = fromZ.clone();
                        }
                    }
                    int first = k0;
                    int last = k1;
                    Workers.forEach(pool, workers, nf, a -> {
                        long[] failX = new long[leafCount];
                        long[] scratch = new long[sizes];
                        int[] features = new int[width];
                        double[] w = new double[width];
                        if (acc[a] == null) {
                            acc[a] = new double[rows * d];
                        } else if (first > 0 && toZ[first - 1] != null) {
                            // the previous chunk's last completion, put off to here: its sequential pass brings
                            // acc[a] back into the cache before this chunk's scattered additions (about 1 ns a triple)
                            close(acc[a], rows, d, skip[order[first - 1]], fromX[a], toZ[first - 1]);
                        }
                        for (int k = first; k < last; k++) {
                            PairBlocks p = tables[k];
                            int tree = order[k];
                            p.add(a, acc[a]);
                            if (p.groups != null) {
                                FlatTree flat = trees.get(tree);
                                flat.failMasks(foreground[a], failX, scratch);
                                add(flat, weights[tree], p.groups, p.rest, failX, skip[tree], acc[a], features, w);
                            }
                            fromX[a] += outX[k][a];
                            if (toZ[k] != null && k + 1 < last) {
                                close(acc[a], rows, d, skip[tree], fromX[a], toZ[k]);
                            }
                        }
                        progress.update("pairs", done.addAndGet(last - first), (long) nf * blocks * nt);
                    }, DOING);
                    Arrays.fill(tables, first, last, null);
                    Arrays.fill(toZ, Math.max(0, first - 1), last - 1, null);
                    k0 = k1;
                }
                Workers.forEach(pool, workers, nf, a -> {
                    if (nt > 0 && toZ[nt - 1] != null) {
                        close(acc[a], rows, d, skip[order[nt - 1]], fromX[a], toZ[nt - 1]);
                    }
                    for (int r = 0; r < rows; r++) {
                        t[a][start + r] = Arrays.copyOfRange(acc[a], r * d, (r + 1) * d);
                    }
                    acc[a] = null;
                }, DOING);
                if (nt > 0) {
                    toZ[nt - 1] = null;
                }
            }
            return t;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            Cores.release(workers);
        }
    }

    /**
     * The feature a tree leaves out of its tables: the one on the most leaves' paths (-1 for a single leaf), which
     * a pair's blocks repeat most (on Adult's forest 25% of the additions; the best choice per tree would save 29%).
     */
    static int leftOut(FlatTree tree, int d) {
        int[] paths = new int[d];
        int best = -1;
        for (int[] features : tree.leafFeatures) {
            for (int f : features) {
                if (++paths[f] > (best < 0 ? 0 : paths[best])) {
                    best = f;
                }
            }
        }
        return best;
    }

    /** weight v(leaf of row) for rows from .. from+n-1: the tree's part of f at each. */
    private static double[] outputs(FlatTree tree, double weight, double[][] rows, int from, int n) {
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            out[r] = weight * tree.output(rows[from + r]);
        }
        return out;
    }

    /** Whether the tree at position k of {@code order} is the last of a chunk [.., end) to leave out its feature. */
    private static boolean closes(int[] skip, int[] order, int k, int end) {
        return skip[order[k]] >= 0 && (k + 1 == end || skip[order[k + 1]] != skip[order[k]]);
    }

    /**
     * Completes feature s of every background row's slice acc[r d .. r d + d) by efficiency: the trees added so far
     * sum to fx - fz[r] over the features (f's parts of them at x and at z; Lundberg et al.'s local accuracy per
     * pair), and s is the one feature some of them left out, so it gets the difference. Those trees' other
     * features, and s in the trees before, are all in acc, so the sum over acc's features says what is missing.
     */
    private static void close(double[] acc, int rows, int d, int s, double fx, double[] fz) {
        for (int r = 0, b = 0; r < rows; r++, b += d) {
            double sum = 0;
            for (int f = b; f < b + d; f++) {
                sum += acc[f];
            }
            acc[b + s] += fx - fz[r] - sum;
        }
    }

    /**
     * Adds one tree's weighted contributions of the leaves {@code leaves} to {@code acc[r d ..]} for every
     * background row r of the block (the groups hold r d, built with the tensor's width as stride): at each such
     * leaf, every group whose mask is disjoint from x's fail mask {@code failX[l]} there (the leaf is on a hybrid
     * path) adds the leaf's Shapley weights to its rows, except feature {@code skip}'s ({@link #close} completes it);
     * {@code features} and {@code w} are scratch of the tree's path width.
     */
    private static void add(FlatTree tree, double weight, LeafGroups g, int[] leaves, long[] failX, int skip,
                            double[] acc, int[] features, double[] w) {
        long[] mask = g.mask;
        int[] memberStart = g.memberStart;
        int[] members = g.members;
        for (int l : leaves) {
            long fx = failX[l];
            int[] pathFeatures = tree.leafFeatures[l];
            double v = weight * tree.leafValue[l];
            int nfx = Long.bitCount(fx);
            for (int j = g.leafStart[l], end = g.leafStart[l + 1]; j < end; j++) {
                long fz = mask[j];
                if ((fz & fx) != 0 || (fz | fx) == 0) {
                    continue; // the leaf is on no hybrid path, or x and z share it and no feature matters
                }
                // A = fz (features that must come from x), B = fx (from z).
                int nfz = Long.bitCount(fz);
                double wx = nfz > 0 ? v * ShapleyWeights.fromX(nfz, nfx) : 0;
                double wz = nfx > 0 ? v * ShapleyWeights.fromZ(nfz, nfx) : 0;
                int count = 0;
                for (long m = fz | fx; m != 0; m &= m - 1) {
                    int p = Long.numberOfTrailingZeros(m);
                    if (pathFeatures[p] != skip) {
                        features[count] = pathFeatures[p];
                        w[count] = (fz >>> p & 1L) != 0 ? wx : -wz;
                        count++;
                    }
                }
                if (count > 0) {
                    Scatter.add(acc, members, memberStart[j], memberStart[j + 1], features, w, 0, count);
                }
            }
        }
    }
}
