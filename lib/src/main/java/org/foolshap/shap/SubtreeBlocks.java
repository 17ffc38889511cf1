package org.foolshap.shap;

import java.util.Arrays;

/**
 * A {@link FlatTree} cut into blocks for the coefficient pass ({@link LeafAggregate}) and the per-pair tables
 * ({@link PairBlocks}), with the one definition of a row's block keys both use: each block is a maximal subtree with
 * at most {@code maxLeaves} leaves (a single leaf when its sibling subtree is large), so the blocks partition the
 * leaves and the internal nodes above them form the "top" of the tree.
 *
 * <p>Why. The fail masks of a background row z at all leaves of a block with root r follow from z's fail mask at r
 * (the path features to r it violates) and z's direction at each internal node of the block; so does the block's
 * summed contribution. Those bits form the block's key: bits 0..w_r-1 are the fail mask at r (w_r = distinct
 * features on the path to r, the low bits of every leaf's mask below r), bit w_r + i is 1 when z goes to the yes
 * child of the block's i-th internal node in pre-order. A block is chosen only if w_r + its internal nodes <= 63, so
 * the key is a non-negative long; a leaf always qualifies (its key is its fail mask). Build O(nodes); immutable.
 */
final class SubtreeBlocks {
    final int count;
    /** Flat node index of block k's root. */
    final int[] root;
    /** Block k's leaves are the leaf numbers firstLeaf[k] .. firstLeaf[k + 1] - 1 (leaves are numbered in pre-order). */
    final int[] firstLeaf;
    /** Internal nodes above the blocks, in pre-order (the parent of a node comes before it). */
    final int[] top;
    /**
     * Internal nodes inside the blocks, block by block in pre-order (block k's are innerStart[k] ..
     * innerStart[k + 1] - 1), with the key bit their direction sets.
     */
    final int[] inner;
    final int[] innerStart;
    final int[] innerShift;
    /**
     * The test of inner node i as an interval, laid out in the order of the loop that reads it: a plain node sends
     * v to yes iff lo[i] <= v <= hi[i] ({@code v <= split}: lo = -infinity; {@code v == split}: lo = hi = split; NaN
     * fails both comparisons, so it goes to no as in {@link FlatTree#goesYes}); other nodes (other[i]) ask the
     * tree.
     */
    final int[] innerFeature;
    final double[] innerLo;
    final double[] innerHi;
    final boolean[] innerOther;
    /** The same interval form for the top nodes. */
    final int[] topFeature;
    final double[] topLo;
    final double[] topHi;
    final boolean[] topOther;
    /** Distinct global features on the paths of block k's leaves. */
    final int[][] features;

    /** Bits 0..w_r - 1 of block k's key are the fail mask at its root; its direction bits start at rootWidth[k]. */
    final int[] rootWidth;
    /**
     * Direction tables, null when a node's decision is not a function of its bin ({@link SplitBins#tabulable}: a
     * category set, zero-as-missing, a feature compared in both double and float32) or the tables would exceed
     * {@link #MAX_TABLE} longs: a row's directions at all internal nodes form a bit vector of {@code words} longs,
     * inner node i at bit i and top node i at bit inner.length + i, and it is the OR over the tree's features f
     * (tableFeature[q]) of the {@code words} longs at table[tableOffset[q] + bin(f) * words] ({@link SplitBins}).
     */
    final long[] table;
    final int[] tableFeature;
    final int[] tableOffset;
    final int words;
    static final int MAX_TABLE = 1 << 18;
    private final FlatTree tree;

    SubtreeBlocks(FlatTree t, int maxLeaves) {
        this(t, maxLeaves, null);
    }

    SubtreeBlocks(FlatTree t, int maxLeaves, SplitBins splits) {
        tree = t;
        int[] width = new int[t.size];
        for (int n = 0; n < t.size; n++) {
            if (t.kind[n] != FlatTree.LEAF) {
                int w = width[n] + (t.bit[n] == width[n] ? 1 : 0);
                width[n + 1] = w;
                width[t.no[n]] = w;
            }
        }
        int[] roots = new int[t.leaves];
        int[] tops = new int[t.size];
        int[] inners = new int[t.size];
        int[] starts = new int[t.leaves + 1];
        int[] shifts = new int[t.size];
        int blocks = 0;
        int topCount = 0;
        int innerCount = 0;
        int n = 0;
        while (n < t.size) {
            int leavesBelow = leavesIn(t, n);
            if (leavesBelow <= maxLeaves && width[n] + leavesBelow - 1 <= 63) {
                int k = blocks++;
                roots[k] = n;
                starts[k] = innerCount;
                int i = 0;
                for (int m = n; m < t.end[n]; m++) {
                    if (t.kind[m] != FlatTree.LEAF) {
                        inners[innerCount] = m;
                        shifts[innerCount++] = width[n] + i++;
                    }
                }
                n = t.end[n];
            } else {
                tops[topCount++] = n++;
            }
        }
        count = blocks;
        root = Arrays.copyOf(roots, blocks);
        top = Arrays.copyOf(tops, topCount);
        inner = Arrays.copyOf(inners, innerCount);
        starts[blocks] = innerCount;
        innerStart = Arrays.copyOf(starts, blocks + 1);
        innerFeature = new int[innerCount];
        innerLo = new double[innerCount];
        innerHi = new double[innerCount];
        innerOther = new boolean[innerCount];
        rootWidth = new int[blocks];
        for (int k = 0; k < blocks; k++) {
            rootWidth[k] = width[root[k]];
        }
        interval(t, inner, innerFeature, innerLo, innerHi, innerOther);
        topFeature = new int[topCount];
        topLo = new double[topCount];
        topHi = new double[topCount];
        topOther = new boolean[topCount];
        interval(t, top, topFeature, topLo, topHi, topOther);
        innerShift = Arrays.copyOf(shifts, innerCount);
        firstLeaf = new int[blocks + 1];
        features = new int[blocks][];
        for (int k = 0; k < blocks; k++) {
            firstLeaf[k] = firstLeafUnder(t, root[k]);
        }
        firstLeaf[blocks] = t.leaves;
        int[] seen = new int[t.tree.maxFeature() + 1];
        int[] list = new int[seen.length];
        for (int k = 0; k < blocks; k++) {
            int distinct = 0;
            for (int l = firstLeaf[k]; l < firstLeaf[k + 1]; l++) {
                for (int f : t.leafFeatures[l]) {
                    if (seen[f] != k + 1) {
                        seen[f] = k + 1;
                        list[distinct++] = f;
                    }
                }
            }
            features[k] = Arrays.copyOf(list, distinct);
        }
        words = (innerCount + topCount + 63) / 64;
        long[][] tab = splits == null ? null : table(t, splits, words);
        table = tab == null ? null : tab[0];
        tableFeature = tab == null ? null : ints(tab[1]);
        tableOffset = tab == null ? null : ints(tab[2]);
    }

    /** {table, features, offsets} as described at {@link #table}, or null. */
    private long[][] table(FlatTree t, SplitBins splits, int words) {
        int[] offset = new int[t.tree.maxFeature() + 1];
        Arrays.fill(offset, -1);
        long[] features = new long[offset.length];
        long[] offsets = new long[offset.length];
        int used = 0;
        long cells = 0;
        int[] nodes = new int[inner.length + top.length];
        System.arraycopy(inner, 0, nodes, 0, inner.length);
        System.arraycopy(top, 0, nodes, inner.length, top.length);
        for (int n : nodes) {
            if (!splits.tabulable(t, n)) {
                return null;
            }
            int f = t.feature[n];
            if (offset[f] < 0) {
                offset[f] = (int) Math.min(cells, Integer.MAX_VALUE);
                features[used] = f;
                offsets[used++] = cells;
                cells += (long) splits.count(f) * words;
                if (cells > MAX_TABLE) {
                    return null;
                }
            }
        }
        // v == s holds on s's own bin only, v <= s on every number bin up to s's (v < s: up to the one below): mark
        // each such node at its last yes bin, then OR the marks downwards to bin 1 (O(bins + nodes), not their
        // product); NaN (bin 0) goes where the node says
        long[] tab = new long[(int) cells];
        long[] ordinal = new long[(int) cells];
        for (int q = 0; q < nodes.length; q++) {
            int n = nodes[q];
            int f = t.feature[n];
            int o = t.original[n];
            long mark = 1L << q;
            int word = q >>> 6;
            if (t.tree.missingGoesYes(o)) {
                tab[offset[f] + word] |= mark;
            }
            int point = splits.point(f, t.split[n]);
            if (point < 0) {
                continue; // a NaN threshold: every number goes to no
            }
            switch (t.tree.test(o)) {
                case EQ -> tab[offset[f] + point * words + word] |= mark;
                case LE -> ordinal[offset[f] + point * words + word] |= mark;
                default -> ordinal[offset[f] + (point - 1) * words + word] |= mark; // LT: bins below s's own
            }
        }
        for (int u = 0; u < used; u++) {
            int f = (int) features[u];
            int off = (int) offsets[u];
            for (int b = splits.count(f) - 2; b >= 1; b--) {
                for (int w = 0; w < words; w++) {
                    ordinal[off + b * words + w] |= ordinal[off + (b + 1) * words + w];
                }
            }
            for (int b = 1; b < splits.count(f); b++) {
                for (int w = 0; w < words; w++) {
                    tab[off + b * words + w] |= ordinal[off + b * words + w];
                }
            }
        }
        return new long[][] {tab, Arrays.copyOf(features, used), Arrays.copyOf(offsets, used)};
    }

    private static int[] ints(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    private static void interval(FlatTree t, int[] nodes, int[] feature, double[] lo, double[] hi,
                                 boolean[] other) {
        for (int i = 0; i < nodes.length; i++) {
            int m = nodes[i];
            feature[i] = t.feature[m];
            other[i] = t.kind[m] == FlatTree.OTHER;
            lo[i] = t.kind[m] == FlatTree.NOMINAL ? t.split[m] : Double.NEGATIVE_INFINITY;
            hi[i] = t.split[m];
        }
    }

    /**
     * A row's key in every block, keys[offset + k] for block k: from its bins through {@link #table} when both are
     * there ({@link #directions}), else comparing its values node by node ({@link #topMasks}, {@link #key(int,
     * double[], long[])}). {@code dir} holds words + 1 longs, {@code scratch} one per node; on return scratch holds
     * the row's fail masks at the top nodes and block roots.
     */
    void keys(double[] row, int[] rowBins, long[] keys, int offset, long[] dir, long[] scratch) {
        if (table != null && rowBins != null) {
            directions(rowBins, dir, scratch);
            for (int k = 0; k < count; k++) {
                keys[offset + k] = key(k, dir, scratch);
            }
        } else {
            topMasks(row, scratch);
            for (int k = 0; k < count; k++) {
                keys[offset + k] = key(k, row, scratch);
            }
        }
    }

    /**
     * A row's directions at all internal nodes into dir (from its bins and {@link #table}), and its fail masks at
     * the top nodes and block roots into scratch (propagated through the top nodes, branch-free).
     */
    void directions(int[] rowBins, long[] dir, long[] scratch) {
        long[] table = this.table;
        int[] tableFeature = this.tableFeature;
        int[] tableOffset = this.tableOffset;
        if (words == 1) {
            long w0 = 0;
            for (int q = 0; q < tableFeature.length; q++) {
                w0 |= table[tableOffset[q] + rowBins[tableFeature[q]]];
            }
            dir[0] = w0;
        } else if (words == 2) {
            long w0 = 0;
            long w1 = 0;
            for (int q = 0; q < tableFeature.length; q++) {
                int off = tableOffset[q] + 2 * rowBins[tableFeature[q]];
                w0 |= table[off];
                w1 |= table[off + 1];
            }
            dir[0] = w0;
            dir[1] = w1;
        } else {
            Arrays.fill(dir, 0L);
            for (int q = 0; q < tableFeature.length; q++) {
                int off = tableOffset[q] + words * rowBins[tableFeature[q]];
                for (int w = 0; w < words; w++) {
                    dir[w] |= table[off + w];
                }
            }
        }
        int[] top = this.top;
        int[] no = tree.no;
        int[] bit = tree.bit;
        int topBase = inner.length;
        scratch[0] = 0L;
        for (int i = 0; i < top.length; i++) {
            int n = top[i];
            int q = topBase + i;
            long yes = dir[q >>> 6] >>> q & 1L;
            long m = scratch[n];
            long fb = 1L << bit[n];
            scratch[n + 1] = m | (fb & (yes - 1));
            scratch[no[n]] = m | (fb & -yes);
        }
    }

    /** Block k's key from the row's directions and fail masks of {@link #directions}. */
    long key(int k, long[] dir, long[] scratch) {
        int first = innerStart[k];
        int n = innerStart[k + 1] - first;
        long bits = dir[first >>> 6] >>> first;
        if ((first & 63) + n > 64) {
            bits |= dir[(first >>> 6) + 1] << -first;
        }
        return scratch[root[k]] | (bits & ((1L << n) - 1)) << rootWidth[k];
    }

    /** A row's fail masks at the top nodes and block roots into scratch, comparing its values node by node. */
    void topMasks(double[] row, long[] scratch) {
        int[] no = tree.no;
        int[] bit = tree.bit;
        scratch[0] = 0L;
        for (int i = 0; i < top.length; i++) {
            int n = top[i];
            long m = scratch[n];
            long mb = m | 1L << bit[n];
            double v = row[topFeature[i]];
            boolean yes = topOther[i] ? tree.goesYes(n, v) : v >= topLo[i] & v <= topHi[i];
            scratch[n + 1] = yes ? m : mb;
            scratch[no[n]] = yes ? mb : m;
        }
    }

    /** Block k's key comparing the row's values at its inner nodes, its root's fail mask from {@link #topMasks}. */
    long key(int k, double[] row, long[] scratch) {
        long key = scratch[root[k]];
        for (int i = innerStart[k]; i < innerStart[k + 1]; i++) {
            double v = row[innerFeature[i]];
            boolean yes = innerOther[i] ? tree.goesYes(inner[i], v) : v >= innerLo[i] & v <= innerHi[i];
            key |= (yes ? 1L : 0L) << innerShift[i];
        }
        return key;
    }

    /**
     * The fail masks at block k's leaves of any row with that key: out[offset + l - firstLeaf[k]] for its leaves l
     * (the key holds the root's mask and the directions below it). {@code scratch} holds one long per node.
     */
    void leafFailMasks(int k, long key, long[] out, int offset, long[] scratch) {
        int r = root[k];
        int[] no = tree.no;
        int[] bit = tree.bit;
        int[] leafOf = tree.leafOf;
        byte[] kind = tree.kind;
        int base = offset - firstLeaf[k];
        int i = innerStart[k];
        scratch[r] = key & ((1L << rootWidth[k]) - 1);
        for (int n = r, end = tree.end[r]; n < end; n++) {
            long m = scratch[n];
            if (kind[n] == FlatTree.LEAF) {
                out[base + leafOf[n]] = m;
                continue;
            }
            long yes = key >>> innerShift[i++] & 1L;
            long fb = 1L << bit[n];
            scratch[n + 1] = m | (fb & (yes - 1));
            scratch[no[n]] = m | (fb & -yes);
        }
    }

    /** Every internal node has two children, so a subtree of s nodes has (s + 1) / 2 leaves. */
    private static int leavesIn(FlatTree t, int n) {
        return (t.end[n] - n + 1) / 2;
    }

    private static int firstLeafUnder(FlatTree t, int n) {
        int m = n;
        while (t.kind[m] != FlatTree.LEAF) {
            m++;
        }
        return t.leafOf[m];
    }
}
