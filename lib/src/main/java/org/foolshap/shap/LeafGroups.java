package org.foolshap.shap;

import java.util.Arrays;

/**
 * One tree's background rows grouped, at every leaf, by their fail mask there ({@link FlatTree#failMasks}): the
 * rows of group g of leaf l are {@code members[memberStart[g] .. memberStart[g + 1])}, each stored as its offset into
 * the block times {@code stride} (where its slice of the tensor starts, ready for {@link Scatter#add}), and share
 * {@code mask[g]}; leaf l's groups are {@code leafStart[l] .. leafStart[l + 1]}. Per leaf a background row
 * enters a pair's TreeSHAP value only through its mask, so {@link PairTensor} tests a foreground row against each
 * group once instead of against each row. Built by sorting (mask, row) keys per leaf: O(rows leaves log rows)
 * time, rows x leaves ints. Needs leaf paths of at most {@link #MAX_WIDTH} distinct features.
 */
final class LeafGroups {
    /** Rows per block: row offsets take {@link #ROW_BITS} bits of a sort key, the mask the rest. */
    static final int ROW_BITS = 13;
    static final int MAX_ROWS = 1 << ROW_BITS;
    static final int MAX_WIDTH = 63 - ROW_BITS;
    /** Leaves with at most this many path features group by counting, wider ones by sorting. */
    static final int COUNTING_WIDTH = 12;

    final int[] leafStart;
    final long[] mask;
    final int[] memberStart;
    final int[] members;

    /**
     * Groups rows {@code from .. to-1} of {@code background} (at most MAX_ROWS) at every leaf of {@code tree}; a row
     * r of the block is stored as r stride.
     */
    LeafGroups(FlatTree tree, double[][] background, int from, int to, int stride) {
        int rows = to - from;
        int leaves = tree.leaves;
        long[] fail = tree.failMasks(background, from, to);
        leafStart = new int[leaves + 1];
        long[] maskAll = new long[rows * leaves];
        int[] startAll = new int[rows * leaves + 1];
        members = new int[rows * leaves];
        long[] keys = new long[rows];
        int[] count = new int[1 << COUNTING_WIDTH];
        int groups = 0;
        for (int l = 0; l < leaves; l++) {
            leafStart[l] = groups;
            int base = l * rows;
            int width = tree.leafFeatures[l].length;
            if (width <= COUNTING_WIDTH) {
                // Counting sort on the mask: O(rows + 2^width), no comparisons.
                int cells = 1 << width;
                Arrays.fill(count, 0, cells, 0);
                for (int r = 0; r < rows; r++) {
                    count[(int) fail[r * leaves + l]]++;
                }
                int at = base;
                for (int m = 0; m < cells; m++) {
                    int c = count[m];
                    if (c > 0) {
                        maskAll[groups] = m;
                        startAll[groups] = at;
                        groups++;
                    }
                    count[m] = at;
                    at += c;
                }
                for (int r = 0; r < rows; r++) {
                    members[count[(int) fail[r * leaves + l]]++] = r * stride;
                }
                continue;
            }
            for (int r = 0; r < rows; r++) {
                keys[r] = fail[r * leaves + l] << ROW_BITS | r;
            }
            Arrays.sort(keys);
            long previous = -1L;
            for (int r = 0; r < rows; r++) {
                long m = keys[r] >>> ROW_BITS;
                if (m != previous) {
                    maskAll[groups] = m;
                    startAll[groups] = base + r;
                    groups++;
                    previous = m;
                }
                members[base + r] = (int) (keys[r] & (MAX_ROWS - 1)) * stride;
            }
        }
        leafStart[leaves] = groups;
        startAll[groups] = leaves * rows;
        mask = Arrays.copyOf(maskAll, groups);
        memberStart = Arrays.copyOf(startAll, groups + 1);
    }
}
