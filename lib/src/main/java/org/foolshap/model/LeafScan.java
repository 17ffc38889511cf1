package org.foolshap.model;

import java.util.Arrays;
import java.util.List;

/**
 * {@link TreeHybrids}' route for shallow ensembles explained over many pairs (the exact explainer's coefficient
 * passes and the genetic baseline: each row meets hundreds of partners). The joint walk of x and z is bound by its
 * unpredictable branches, one per node where they go different ways; here each row is read once per ensemble into
 * fail masks, and a pair only tests every leaf.
 *
 * <p>Row r's fail mask at leaf L is the set of features f such that r fails one of L's path conditions on f (so
 * any node kind and missing values are handled by {@link Tree#goesYes}). The hybrid of S (x on S, z elsewhere)
 * reaches L iff every feature of mask_z(L) comes from x and every feature of mask_x(L) from z: for players P,
 * mask_z(L) subset P and mask_x(L) and mask_z(L) disjoint; then A = mask_z(L) and B = mask_x(L) & P, as the walk
 * finds them. Cost: O(nodes) per row once, then O(leaves) tests per pair plus 2^|B| additions per reachable leaf.
 * Needs at most 64 features. Immutable.
 */
final class LeafScan {
    /** Trees with more leaves than this are walked instead (a scan tests every leaf; the walk only reachable ones). */
    static final int MAX_LEAVES_PER_TREE = 32;

    private final List<Tree> trees;
    /** Tree t's leaves are numbers leafStart[t] .. leafStart[t + 1] - 1. */
    private final int[] leafStart;
    /** Per tree, node -> its leaf number within the tree (-1 for internal nodes). */
    private final int[][] leafOfNode;
    /** Leaf values times their tree's weight (the product the walk forms). */
    private final double[] value;
    private final int maxNodes;

    private LeafScan(TreeEnsemble e) {
        trees = e.trees();
        int t = trees.size();
        leafStart = new int[t + 1];
        leafOfNode = new int[t][];
        int nodes = 1;
        for (int k = 0; k < t; k++) {
            Tree tree = trees.get(k);
            int[] leafOf = new int[tree.size()];
            int count = 0;
            for (int n = 0; n < tree.size(); n++) {
                leafOf[n] = tree.leaf(n) ? count++ : -1;
            }
            leafOfNode[k] = leafOf;
            leafStart[k + 1] = leafStart[k] + count;
            nodes = Math.max(nodes, tree.size());
        }
        maxNodes = nodes;
        value = new double[leafStart[t]];
        for (int k = 0; k < t; k++) {
            Tree tree = trees.get(k);
            double w = e.weight(k);
            for (int n = 0; n < tree.size(); n++) {
                if (leafOfNode[k][n] >= 0) {
                    value[leafStart[k] + leafOfNode[k][n]] = w * tree.value(n);
                }
            }
        }
    }

    /** The scan of {@code e}, or null when it does not apply (more than 64 features, or trees too large). */
    static LeafScan of(TreeEnsemble e) {
        if (e.width() > 64) {
            return null;
        }
        for (Tree tree : e.trees()) {
            if ((tree.size() + 1) / 2 > MAX_LEAVES_PER_TREE) {
                return null;
            }
        }
        return new LeafScan(e);
    }

    int leaves() {
        return value.length;
    }

    /** out[leaf] = the row's fail mask there, over all trees' leaves; children follow their parent in a tree. */
    void masks(double[] row, long[] out) {
        long[] scratch = new long[maxNodes];
        for (int k = 0; k < trees.size(); k++) {
            Tree tree = trees.get(k);
            int[] feature = tree.features();
            int[] yes = tree.yesChildren();
            int[] no = tree.noChildren();
            int[] leafOf = leafOfNode[k];
            int base = leafStart[k];
            scratch[0] = 0L;
            for (int n = 0; n < feature.length; n++) {
                long m = scratch[n];
                int f = feature[n];
                if (f < 0) {
                    out[base + leafOf[n]] = m;
                    continue;
                }
                long bit = 1L << f;
                boolean goesYes = tree.goesYes(n, row[f]);
                scratch[yes[n]] = goesYes ? m : m | bit;
                scratch[no[n]] = goesYes ? m | bit : m;
            }
        }
    }

    /**
     * Adds every reachable leaf's (-1)^|C| value at A u C, C subset B (as {@link TreeHybrids}' walk does), for rows
     * with masks mx and mz; players is the mask of the players' features, bitOf their bits.
     */
    void add(long[] mx, long[] mz, long players, int[] bitOf, double[] h) {
        long others = ~players;
        for (int l = 0; l < value.length; l++) {
            long fz = mz[l];
            long fx = mx[l];
            if (((fz & others) | (fx & fz)) != 0) {
                continue; // z's value on a non-player fails, or x and z both fail on one feature
            }
            int fromX = 0;
            for (long m = fz; m != 0; m &= m - 1) {
                fromX |= 1 << bitOf[Long.numberOfTrailingZeros(m)];
            }
            int fromZ = 0;
            for (long m = fx & players; m != 0; m &= m - 1) {
                fromZ |= 1 << bitOf[Long.numberOfTrailingZeros(m)];
            }
            TreeHybrids.leaf(value[l], fromX, fromZ, h);
        }
    }

    /**
     * Rows' masks kept per thread for the pairs that follow (a coefficient pass meets each foreground row once per
     * background row): least recently used first out, by the row array's identity, checked against a copy of its
     * values so that a row changed in place is read again. Bounded by {@link #BYTES} of masks per thread, and at least
     * {@link #MIN_ROWS} rows (the foreground of M = 200 and the row it meets).
     */
    static final class Cache {
        private static final long BYTES = 16L << 20;
        private static final int MIN_ROWS = 256;
        private LeafScan scan;
        private TreeEnsemble ensemble;
        private java.util.LinkedHashMap<Key, Entry> rows;

        /** The scan for e (null when it does not apply), built when the thread meets another ensemble. */
        LeafScan scan(TreeEnsemble e) {
            if (e != ensemble) {
                ensemble = e;
                scan = LeafScan.of(e);
                int capacity = scan == null ? 0 : (int) Math.max(MIN_ROWS, BYTES / (8L * Math.max(1, scan.leaves())));
                rows = new java.util.LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(java.util.Map.Entry<Key, Entry> eldest) {
                        return size() > capacity;
                    }
                };
            }
            return scan;
        }

        /** The row's masks; a fresh array when computed, so masks handed out earlier stay valid. */
        long[] masks(double[] row) {
            Key key = new Key(row);
            Entry e = rows.get(key);
            if (e != null && Arrays.equals(e.copy, row)) {
                return e.masks;
            }
            long[] m = new long[scan.leaves()];
            scan.masks(row, m);
            rows.put(key, new Entry(row.clone(), m));
            return m;
        }

        /** A row array by identity (two equal rows are two keys: each is checked against its own copy). */
        private record Key(double[] row) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && k.row == row;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(row);
            }
        }

        private record Entry(double[] copy, long[] masks) {
        }
    }
}
