package org.foolshap.shap;

import java.util.Arrays;
import java.util.List;

/**
 * The split values of a forest's plain nodes per feature, and the rows' positions among them: with S_f the sorted
 * distinct thresholds of feature f, a value's bin is 0 for NaN, 2 + 2p when it equals S_f[p] and 1 + 2p when it
 * lies strictly between S_f[p - 1] and S_f[p] (1 + 2|S_f| above the last). Every comparison of v with a threshold
 * ({@code v <= s}, {@code v < s}, {@code v == s}, NaN to a fixed side; in float32 when all of the feature's are,
 * binning the values cast to float) is constant on a bin, so a tree can tabulate, per feature and bin, the directions of
 * all its nodes on that feature ({@link SubtreeBlocks}), and a row's directions at every node of a tree come from one
 * table look-up per feature instead of one comparison per node. -0.0 is read as 0.0, as the comparisons do.
 * Build O(nodes log nodes); {@link #bins} O(rows d log |S|). Immutable.
 */
final class SplitBins {
    /** Sorted distinct thresholds per feature (empty when no comparison node tests it). */
    private final double[][] thresholds;

    /**
     * Features all of whose comparisons are in float32 (XGBoost): their values and thresholds are binned after the
     * cast to float, so {@code (float) v < (float) s} is a comparison of bins as well.
     */
    private final boolean[] float32;
    /** Features compared both ways: their nodes are not tabulated. */
    private final boolean[] mixed;

    SplitBins(List<FlatTree> trees, int width) {
        boolean[] single = new boolean[width];
        boolean[] dbl = new boolean[width];
        for (FlatTree t : trees) {
            for (int n = 0; n < t.size; n++) {
                if (t.kind[n] != FlatTree.LEAF && comparison(t, n)) {
                    boolean f32 = t.kind[n] == FlatTree.OTHER && t.tree.float32(t.original[n]);
                    (f32 ? single : dbl)[t.feature[n]] = true; // < width: TreeEnsemble refuses wider trees
                }
            }
        }
        float32 = new boolean[width];
        mixed = new boolean[width];
        for (int f = 0; f < width; f++) {
            float32[f] = single[f] && !dbl[f];
            mixed[f] = single[f] && dbl[f];
        }
        double[][] all = new double[width][];
        int[] count = new int[width];
        for (int f = 0; f < width; f++) {
            all[f] = new double[8];
        }
        for (FlatTree t : trees) {
            for (int n = 0; n < t.size; n++) {
                if (t.kind[n] != FlatTree.LEAF && tabulable(t, n)) {
                    int f = t.feature[n];
                    if (count[f] == all[f].length) {
                        all[f] = Arrays.copyOf(all[f], 2 * count[f]);
                    }
                    all[f][count[f]++] = value(f, t.split[n]);
                }
            }
        }
        thresholds = new double[width][];
        for (int f = 0; f < width; f++) {
            double[] s = Arrays.copyOf(all[f], count[f]);
            Arrays.sort(s);
            int distinct = 0;
            for (int k = 0; k < s.length; k++) {
                if (!Double.isNaN(s[k]) && (distinct == 0 || s[k] != s[distinct - 1])) {
                    s[distinct++] = s[k];
                }
            }
            thresholds[f] = Arrays.copyOf(s, distinct);
        }
    }

    /** A comparison (LE, LT, EQ) without LightGBM's zero-as-missing, in double or float32. */
    private static boolean comparison(FlatTree t, int n) {
        if (t.kind[n] == FlatTree.ORDINAL || t.kind[n] == FlatTree.NOMINAL) {
            return true;
        }
        int o = t.original[n];
        return t.kind[n] == FlatTree.OTHER && t.tree.test(o) != org.foolshap.model.Tree.Test.IN
                && !t.tree.zeroIsMissing(o);
    }

    /**
     * Whether internal node n's decision is a function of its value's bin: a comparison ({@link #comparison}) on a
     * feature whose comparisons are all in double or all in float32.
     */
    boolean tabulable(FlatTree t, int n) {
        return comparison(t, n) && !mixed[t.feature[n]];
    }

    /** v as binned: cast to float on float32 features, -0.0 read as 0.0 as the comparisons do. */
    private double value(int f, double v) {
        return (float32[f] ? (double) (float) v : v) + 0.0;
    }

    /** Number of bins of feature f. */
    int count(int f) {
        return 2 * thresholds[f].length + 2;
    }

    /** The bin of threshold s of feature f (a bin of its own), -1 for NaN (no plain node sends a value to yes). */
    int point(int f, double s) {
        int p = Arrays.binarySearch(thresholds[f], value(f, s));
        return Double.isNaN(s) ? -1 : 2 + 2 * p;
    }

    /** The bin of value v of feature f. */
    int bin(int f, double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        int p = Arrays.binarySearch(thresholds[f], value(f, v));
        return p >= 0 ? 2 + 2 * p : 1 + 2 * (-p - 1);
    }

    /** bins[j][f] for the first {@code width} features of each row. */
    int[][] bins(double[][] rows) {
        int[][] out = new int[rows.length][thresholds.length];
        for (int j = 0; j < rows.length; j++) {
            for (int f = 0; f < thresholds.length; f++) {
                out[j][f] = bin(f, rows[j][f]);
            }
        }
        return out;
    }
}
