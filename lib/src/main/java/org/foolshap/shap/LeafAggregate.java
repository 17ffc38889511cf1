package org.foolshap.shap;

import java.util.Arrays;

/**
 * One tree's foreground aggregated per leaf, and the walk that turns a background row into its coefficients for
 * that tree (see {@link TreeExplainer} for the derivation). Mutable caches: one instance per worker thread.
 *
 * <p>Aggregation counts instead of sorting: a row's ok mask at leaf l has at most 2^w values (w = the leaf's distinct
 * path features), so for w <= {@value #DIRECT_WIDTH} a table of 2^w counters indexed by the mask holds the
 * distinct masks and their multiplicities in O(|F|) per leaf; wider leaves (deep trees) sort their |F| masks.
 * Leaf contributions are cached per background fail mask in a table indexed by the mask for the same leaves, and
 * in a hash map for the wider ones. Given the foreground's bins, rows are counted per block key first and each
 * distinct key adds its multiplicity at its block's leaves (explain's swapped pass aggregates 32,650 rows).
 *
 * <p>Background rows go through blocks of leaves ({@link SubtreeBlocks}): a row's key per block (its fail mask at
 * the block's root and its directions inside) selects the block's summed contribution, cached per key as its
 * nonzero entries in one arena, so a row costs one look-up and a few additions per block instead of one look-up
 * and |path| additions per leaf. The directions at all nodes of a tree come from one table look-up per feature of
 * the row's bin among the forest's thresholds ({@link SplitBins}) when every node is a comparison; otherwise node by
 * node. On the Adult forest (100 trees, 96 leaves, 11 features) this is one look-up in ~10 blocks per (row, tree),
 * against 96 leaf look-ups and ~600 additions, and the 32,650 rows have ~3,700 distinct block keys per tree.
 * The per-leaf pass ({@link #accumulateLeaves}) stays for A/B runs. (Skipping subtrees that no foreground row can
 * reach with z, tracked with per-node bitsets of foreground rows, was measured slower on the Adult forest: 15.8
 * against 10.8 ns per triple at 200 x 2,000.)
 */
final class LeafAggregate {
    static final int DIRECT_WIDTH = 12;
    static final int MAX_DIRECT_CELLS = 1 << 20;
    private static final double[] ZERO = new double[0];

    private final FlatTree t;
    private final double treeWeight;
    private final long[][] masks;
    private final double[][] weights;
    /** Start of leaf l's direct cells, -1 when its masks are too wide and go through {@link #hashed}. */
    private final int[] directBase;
    private final double[][] direct;
    private final LongObjectMap[] hashed;
    /**
     * Default leaves per block of the block pass ({@link SubtreeBlocks}): 16 was fastest on the Adult forest (4 and
     * 8: more blocks to look up per row; 32: too many distinct keys). The system property
     * {@code foolshap.treeshap.blockLeaves}, read by each new instance, overrides it for benchmarks' A/B runs only;
     * 1 selects the per-leaf pass.
     */
    static final int BLOCK_LEAVES = 16;
    private final int blockLeaves;
    private final int maxArena;
    /**
     * Largest number of cached block keys and of their nonzero values per instance (a key ~32 bytes with its map
     * slack, a value 12); beyond, misses are added without caching.
     */
    static final int MAX_ARENA = 1 << 21;
    private SubtreeBlocks blocks;
    private LongLongMap[] blockCache;
    private double[] arenaValue;
    private int[] arenaFeature;
    private int arenaUsed;
    /** Keys in blockCache: entries without nonzero values take no arena but do take map slots. */
    private int cachedEntries;
    private double[] blockScratch;

    LeafAggregate(FlatTree t, double treeWeight, double[][] foreground) {
        this(t, treeWeight, foreground, blockLeaves(), MAX_ARENA);
    }

    /** {@link #BLOCK_LEAVES} unless a benchmark sets {@code foolshap.treeshap.blockLeaves}. */
    static int blockLeaves() {
        return Integer.getInteger("foolshap.treeshap.blockLeaves", BLOCK_LEAVES);
    }

    /** With {@code blockLeaves} leaves per block (1: the per-leaf pass) and at most maxArena cached block entries. */
    LeafAggregate(FlatTree t, double treeWeight, double[][] foreground, int blockLeaves, int maxArena) {
        this(t, treeWeight, foreground, null, null, blockLeaves, maxArena);
    }

    /**
     * With the foreground's bins among the forest's thresholds ({@code splits}, {@code bins}; both null to count
     * row by row): when the tree's directions are tabulated and blocks have more than one leaf, the foreground is
     * counted per block key, and each distinct key adds its multiplicity to the ok masks of its block's leaves
     * (rows with the same key have the same masks there), so a row costs one hash update per block instead of a
     * walk of all nodes and one count per leaf.
     */
    LeafAggregate(FlatTree t, double treeWeight, double[][] foreground, SplitBins splits, int[][] bins,
                  int blockLeaves, int maxArena) {
        this(t, treeWeight, foreground, splits, bins, blockLeaves, maxArena, MAX_DIRECT_CELLS);
    }

    /**
     * As above with at most {@code directCells} cells of direct per-leaf tables (leaves beyond go through hash
     * maps): an instance kept across calls ({@link TreeExplainer#against}) takes 0, since a direct table costs 2^w
     * references per leaf whether used or not, and a forest's worth of them would stay in memory.
     */
    LeafAggregate(FlatTree t, double treeWeight, double[][] foreground, SplitBins splits, int[][] bins,
                  int blockLeaves, int maxArena, int directCells) {
        this.t = t;
        this.blockLeaves = blockLeaves;
        this.maxArena = maxArena;
        this.treeWeight = treeWeight;
        int leaves = t.leaves;
        int nf = foreground.length;
        directBase = new int[leaves];
        int cells = 0;
        for (int l = 0; l < leaves; l++) {
            int w = t.leafFeatures[l].length;
            if (w <= DIRECT_WIDTH && cells + (1 << w) <= directCells) {
                directBase[l] = cells;
                cells += 1 << w;
            } else {
                directBase[l] = -1;
            }
        }
        int[] counts = new int[cells];
        long[][] wide = new long[leaves][];
        for (int l = 0; l < leaves; l++) {
            if (directBase[l] < 0) {
                wide[l] = new long[nf];
            }
        }
        long[] fail = new long[leaves];
        long[] scratch = new long[t.size];
        SubtreeBlocks b = splits != null && bins != null && blockLeaves > 1 ? blocks(splits) : null;
        if (b == null || b.table == null || !countByKeys(b, foreground, bins, counts, wide, fail, scratch)) {
            for (int a = 0; a < nf; a++) {
                t.failMasks(foreground[a], fail, scratch);
                for (int l = 0; l < leaves; l++) {
                    long ok = ((1L << t.leafFeatures[l].length) - 1) & ~fail[l];
                    if (directBase[l] >= 0) {
                        counts[directBase[l] + (int) ok]++;
                    } else {
                        wide[l][a] = ok;
                    }
                }
            }
        }
        masks = new long[leaves][];
        weights = new double[leaves][];
        double unit = 1.0 / nf;
        for (int l = 0; l < leaves; l++) {
            if (directBase[l] >= 0) {
                int base = directBase[l];
                int span = 1 << t.leafFeatures[l].length;
                int distinct = 0;
                for (int k = 0; k < span; k++) {
                    if (counts[base + k] > 0) {
                        distinct++;
                    }
                }
                long[] m = new long[distinct];
                double[] w = new double[distinct];
                int p = 0;
                for (int k = 0; k < span; k++) {
                    if (counts[base + k] > 0) {
                        m[p] = k;
                        w[p++] = counts[base + k] * unit;
                    }
                }
                masks[l] = m;
                weights[l] = w;
            } else {
                long[] s = wide[l];
                Arrays.sort(s);
                int distinct = 0;
                for (int k = 0; k < s.length; k++) {
                    if (k == 0 || s[k] != s[k - 1]) {
                        distinct++;
                    }
                }
                long[] m = new long[distinct];
                double[] w = new double[distinct];
                int p = -1;
                int run = 0;
                for (int k = 0; k < s.length; k++) {
                    if (k == 0 || s[k] != s[k - 1]) {
                        if (p >= 0) {
                            w[p] = run * unit;
                        }
                        m[++p] = s[k];
                        run = 0;
                    }
                    run++;
                }
                if (p >= 0) {
                    w[p] = run * unit;
                }
                masks[l] = m;
                weights[l] = w;
                wide[l] = null;
            }
        }
        direct = new double[cells][];
        hashed = new LongObjectMap[leaves];
        for (int l = 0; l < leaves; l++) {
            if (directBase[l] < 0) {
                hashed[l] = new LongObjectMap();
            }
        }
    }

    /** Distinct ok masks of the foreground at leaf l (for tests). */
    long[] masks(int l) {
        return masks[l].clone();
    }

    /** Their weights: multiplicity / |F| (for tests). */
    double[] weights(int l) {
        return weights[l].clone();
    }

    /** Adds this tree's weighted C[j][.] to acc[j * d + .] for background rows from..to-1. */
    void accumulate(double[][] background, int from, int to, double[] acc, int d) {
        accumulate(background, null, null, from, to, acc, d);
    }

    /**
     * As {@link #accumulate(double[][], int, int, double[], int)}, with the background's bins among the forest's
     * thresholds ({@link SplitBins}; both null to compare values node by node).
     */
    void accumulate(double[][] background, SplitBins splits, int[][] bins, int from, int to, double[] acc, int d) {
        if (blockLeaves <= 1) {
            accumulateLeaves(background, from, to, acc, d);
        } else {
            accumulateBlocks(background, splits, bins, from, to, acc, d);
        }
    }

    /**
     * The per-leaf pass: all fail masks of the row, then each leaf's cached contribution added densely. Kept for
     * A/B measurement ({@code -Dfoolshap.treeshap.blockLeaves=1}).
     */
    void accumulateLeaves(double[][] background, int from, int to, double[] acc, int d) {
        long[] fail = new long[t.leaves];
        long[] scratch = new long[t.size];
        for (int j = from; j < to; j++) {
            t.failMasks(background[j], fail, scratch);
            int base = j * d;
            for (int l = 0; l < fail.length; l++) {
                double[] c = contribution(l, fail[l]);
                if (c.length > 0) {
                    int[] features = t.leafFeatures[l];
                    for (int p = 0; p < c.length; p++) {
                        acc[base + features[p]] += c[p];
                    }
                }
            }
        }
    }

    /**
     * The per-block pass ({@link SubtreeBlocks}): the row's fail masks at the block roots (propagated through the
     * top nodes only) and its directions inside the blocks give each block's key; the block's summed contribution,
     * cached per key as its nonzero entries, is added to acc.
     */
    void accumulateBlocks(double[][] background, SplitBins splits, int[][] bins, int from, int to, double[] acc,
                          int d) {
        SubtreeBlocks b = blocks(splits);
        if (blockScratch == null || blockScratch.length < d) {
            blockScratch = new double[d];
        }
        if (b.table != null && bins != null) {
            accumulateTabulated(b, background, bins, from, to, acc, d);
            return;
        }
        int[] root = b.root;
        long[] scratch = new long[t.size];
        long[] fail = new long[t.leaves];
        for (int j = from; j < to; j++) {
            double[] row = background[j];
            b.topMasks(row, scratch);
            int base = j * d;
            for (int k = 0; k < root.length; k++) {
                long key = b.key(k, row, scratch);
                long entry = blockCache[k].get(key);
                if (entry < 0) {
                    b.leafFailMasks(k, key, fail, b.firstLeaf[k], scratch);
                    entry = blockContribution(b, k, fail, key, acc, base);
                    if (entry < 0) {
                        continue; // the arena is full: added to acc directly
                    }
                }
                int start = (int) (entry >>> 32);
                int end = start + (int) entry;
                for (int p = start; p < end; p++) {
                    acc[base + arenaFeature[p]] += arenaValue[p];
                }
            }
        }
    }

    /**
     * The block pass with a row's directions at all internal nodes read from {@link SubtreeBlocks#table} (one look-up
     * per feature of the tree), then the fail masks at the block roots propagated through the top nodes and each
     * block's direction bits cut out of the vector.
     */
    private void accumulateTabulated(SubtreeBlocks b, double[][] background, int[][] bins, int from, int to,
                                     double[] acc, int d) {
        int[] root = b.root;
        long[] dir = new long[b.words + 1];
        long[] scratch = new long[t.size];
        long[] fail = new long[t.leaves];
        for (int j = from; j < to; j++) {
            b.directions(bins[j], dir, scratch);
            int base = j * d;
            for (int k = 0; k < root.length; k++) {
                long key = b.key(k, dir, scratch);
                long entry = blockCache[k].get(key);
                if (entry < 0) {
                    b.leafFailMasks(k, key, fail, b.firstLeaf[k], scratch);
                    entry = blockContribution(b, k, fail, key, acc, base);
                    if (entry < 0) {
                        continue; // the arena is full: added to acc directly
                    }
                }
                int start = (int) (entry >>> 32);
                int end = start + (int) entry;
                for (int p = start; p < end; p++) {
                    acc[base + arenaFeature[p]] += arenaValue[p];
                }
            }
        }
    }

    /**
     * The foreground's ok-mask counts per leaf from its block keys: counts[directBase[l] + ok] for direct leaves,
     * ok repeated multiplicity times in wide[l] for the others. Returns false, having filled nothing, when the
     * foreground has more than 4 |F| + 4,096 distinct (block, key) pairs (nearly every row its own key in many
     * blocks): then counting row by row takes less memory.
     */
    private boolean countByKeys(SubtreeBlocks b, double[][] foreground, int[][] bins, int[] counts, long[][] wide,
                             long[] fail, long[] scratch) {
        long[] dir = new long[b.words + 1];
        LongLongMap[] seen = new LongLongMap[b.count];
        for (int k = 0; k < b.count; k++) {
            seen[k] = new LongLongMap();
        }
        int[] block = new int[64];
        long[] keyOf = new long[64];
        int[] times = new int[64];
        int entries = 0;
        for (int a = 0; a < foreground.length; a++) {
            b.directions(bins[a], dir, scratch);
            for (int k = 0; k < b.count; k++) {
                long key = b.key(k, dir, scratch);
                long e = seen[k].get(key);
                if (e >= 0) {
                    times[(int) e]++;
                    continue;
                }
                if (entries > 4L * foreground.length + 4096) {
                    return false;
                }
                if (entries == block.length) {
                    block = Arrays.copyOf(block, 2 * entries);
                    keyOf = Arrays.copyOf(keyOf, 2 * entries);
                    times = Arrays.copyOf(times, 2 * entries);
                }
                seen[k].put(key, entries);
                block[entries] = k;
                keyOf[entries] = key;
                times[entries++] = 1;
            }
        }
        int[] filled = new int[t.leaves];
        for (int e = 0; e < entries; e++) {
            int k = block[e];
            b.leafFailMasks(k, keyOf[e], fail, b.firstLeaf[k], scratch);
            for (int l = b.firstLeaf[k]; l < b.firstLeaf[k + 1]; l++) {
                long ok = ((1L << t.leafFeatures[l].length) - 1) & ~fail[l];
                if (directBase[l] >= 0) {
                    counts[directBase[l] + (int) ok] += times[e];
                } else {
                    Arrays.fill(wide[l], filled[l], filled[l] + times[e], ok);
                    filled[l] += times[e];
                }
            }
        }
        return true;
    }

    private SubtreeBlocks blocks(SplitBins splits) {
        if (blocks == null) {
            blocks = new SubtreeBlocks(t, blockLeaves, splits);
            blockCache = new LongLongMap[blocks.count];
            for (int k = 0; k < blocks.count; k++) {
                blockCache[k] = new LongLongMap();
            }
            arenaValue = new double[1024];
            arenaFeature = new int[1024];
        }
        return blocks;
    }

    /**
     * Sums block k's leaf contributions for a row with leaf fail masks {@code fail}; stores the nonzero entries in
     * the arena under {@code key} and returns (start << 32 | length), or adds them to acc[base + .] and returns -1
     * when the arena has reached its limit ({@link #MAX_ARENA} by default).
     */
    private long blockContribution(SubtreeBlocks b, int k, long[] fail, long key, double[] acc, int base) {
        double[] sum = blockScratch;
        for (int l = b.firstLeaf[k]; l < b.firstLeaf[k + 1]; l++) {
            double[] c = contribution(l, fail[l]);
            int[] features = t.leafFeatures[l];
            for (int p = 0; p < c.length; p++) {
                sum[features[p]] += c[p];
            }
        }
        int[] features = b.features[k];
        int nonzero = 0;
        for (int f : features) {
            if (sum[f] != 0) {
                nonzero++;
            }
        }
        if (arenaUsed + nonzero > maxArena || cachedEntries >= maxArena) {
            for (int f : features) {
                acc[base + f] += sum[f];
                sum[f] = 0;
            }
            return -1;
        }
        if (arenaUsed + nonzero > arenaValue.length) {
            int size = Math.min(maxArena, Math.max(arenaValue.length * 2, arenaUsed + nonzero));
            arenaValue = Arrays.copyOf(arenaValue, size);
            arenaFeature = Arrays.copyOf(arenaFeature, size);
        }
        int start = arenaUsed;
        for (int f : features) {
            if (sum[f] != 0) {
                arenaValue[arenaUsed] = sum[f];
                arenaFeature[arenaUsed++] = f;
                sum[f] = 0;
            }
        }
        long entry = (long) start << 32 | nonzero;
        blockCache[k].put(key, entry);
        cachedEntries++;
        return entry;
    }

    private double[] contribution(int l, long zFail) {
        int base = directBase[l];
        if (base >= 0) {
            double[] c = direct[base + (int) zFail];
            if (c == null) {
                c = compute(l, zFail);
                direct[base + (int) zFail] = c;
            }
            return c;
        }
        double[] c = hashed[l].get(zFail);
        if (c == null) {
            c = compute(l, zFail);
            hashed[l].put(zFail, c);
        }
        return c;
    }

    /**
     * Tree weight times the mean over the foreground of leaf l's Shapley contributions, for a background row with
     * fail mask zFail; an empty array when they are all zero.
     */
    private double[] compute(int l, long zFail) {
        int width = t.leafFeatures[l].length;
        long full = (1L << width) - 1;
        long zOk = full & ~zFail;
        int a = Long.bitCount(zFail);
        double v = treeWeight * t.leafValue[l];
        double[] out = new double[width];
        double toA = 0;
        boolean any = false;
        long[] m = masks[l];
        double[] w = weights[l];
        for (int k = 0; k < m.length; k++) {
            if ((m[k] & zFail) != zFail) {
                continue; // x fails a condition z fails too: the leaf is unreachable
            }
            long onlyZ = zOk & ~m[k];
            int b = Long.bitCount(onlyZ);
            if (a + b == 0) {
                continue;
            }
            any = true;
            if (a > 0) {
                toA += w[k] * ShapleyWeights.fromX(a, b);
            }
            if (b > 0) {
                double minus = v * w[k] * ShapleyWeights.fromZ(a, b);
                for (long bits = onlyZ; bits != 0; bits &= bits - 1) {
                    out[Long.numberOfTrailingZeros(bits)] -= minus;
                }
            }
        }
        if (!any) {
            return ZERO;
        }
        for (long bits = zFail; bits != 0; bits &= bits - 1) {
            out[Long.numberOfTrailingZeros(bits)] += v * toA;
        }
        return out;
    }
}
