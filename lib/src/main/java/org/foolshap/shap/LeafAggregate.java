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
 * in a hash map for the wider ones.
 * A background row's fail masks at all leaves come from one loop over the nodes in pre-order
 * ({@link FlatTree#failMasks}). (Skipping subtrees that no foreground row can reach with z, tracked with per-node
 * bitsets of foreground rows, was measured slower on the Adult forest: 15.8 against 10.8 ns per triple at
 * 200 x 2,000.)
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

    LeafAggregate(FlatTree t, double treeWeight, double[][] foreground) {
        this.t = t;
        this.treeWeight = treeWeight;
        int leaves = t.leaves;
        int nf = foreground.length;
        directBase = new int[leaves];
        int cells = 0;
        for (int l = 0; l < leaves; l++) {
            int w = t.leafFeatures[l].length;
            if (w <= DIRECT_WIDTH && cells + (1 << w) <= MAX_DIRECT_CELLS) {
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
