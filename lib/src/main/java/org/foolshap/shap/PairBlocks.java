package org.foolshap.shap;

import java.util.Arrays;

/**
 * One tree's per-pair contributions tabulated block by block for {@link PairTensor}: the tree is cut into
 * {@link SubtreeBlocks} of at most {@code maxLeaves} leaves, and within a block the pair (x, z) contributes
 * C_k(x, z) = sum over the block's leaves l with fx_l & fz_l = 0 of the leaf's Shapley weights (v (a-1)! b! / (a+b)!
 * on each feature of A = fz_l, -v a! (b-1)! / (a+b)! on each of B = fx_l, a = |A|, b = |B|), a function of the
 * rows' fail masks at the block's leaves only. So rows with equal fail masks at every leaf of the block form a
 * class, and C_k is a table over (foreground class, background class): built once per tree and background block,
 * read by every pair of the two classes' rows. Each cell keeps only its nonzero sums, one per feature (leaves under
 * a common prefix add into the same features, so a cell has fewer entries than its leaves' weights), and each
 * foreground class keeps the list of its nonzero cells with their background rows, so reading a pair's block costs
 * no test and one addition per nonzero feature.
 *
 * <p>Build time per block O(rows x leaves + Kx (leaves x z-groups + cells' entries)), Kx and Kz the classes, a
 * z-group the background classes with one fail mask at a leaf; memory the nonzero cells and their entries. A block
 * whose table would have more than half as many cells as the pairs it serves, or more than 64 features, is left to
 * {@link LeafGroups} ({@link #rest}, {@link #groups}), as are all leaves with {@code maxLeaves = 0}. Immutable.
 */
final class PairBlocks {
    /** Entries per tree: a cell's first entry takes 28 bits of it ({@link #cell}). */
    private static final long MAX_ENTRIES = 1L << 28;

    /** Leaves left to {@link LeafGroups}, in order; {@link #groups} is null when there are none. */
    final int[] rest;
    final LeafGroups groups;

    /** Foreground row a's table row in block k is xRow[a tables + k]; its nonzero cells are rowStart[row .. row+1). */
    final int tables;
    private final int nf;
    private final int[] xRow;
    private final int[] rowStart;
    /** Where the bases of a row's cells start in {@link #base}: its block's background rows by class. */
    private final int[] rowBase;
    /**
     * Cell e, packed in one long so a pair's block reads one word before its weights: it adds feature[j], weight[j]
     * for j0 <= j < j0 + count at acc[base + feature] for every base = r d, r a background row of its class,
     * base[first .. last); bits 0-6 count, 7-20 first, 21-34 last, 35-62 j0.
     */
    private final long[] cell;
    private final int[] base;
    private final int[] feature;
    private final double[] weight;

    /**
     * Tables of {@code tree} (times {@code treeWeight}) for the foreground rows against background rows from .. to-1,
     * with blocks of at most maxLeaves leaves (0: no tables, all leaves to {@link LeafGroups}); d features.
     */
    PairBlocks(FlatTree tree, double treeWeight, int d, double[][] foreground, double[][] background, int from,
               int to, int maxLeaves) {
        int leaves = tree.leaves;
        int rows = to - from;
        nf = foreground.length;
        Growing grow = new Growing();
        int[] restLeaves = new int[leaves];
        int restCount = 0;
        if (maxLeaves <= 0) {
            for (int l = 0; l < leaves; l++) {
                restLeaves[restCount++] = l;
            }
            tables = 0;
            xRow = new int[0];
        } else {
            SubtreeBlocks blocks = new SubtreeBlocks(tree, maxLeaves);
            long[] failX = tree.failMasks(foreground, 0, nf);
            long[] failZ = tree.failMasks(background, from, to);
            int[] rowsX = new int[blocks.count * nf];
            int[] classX = new int[nf];
            int[] classZ = new int[rows];
            int[] repX = new int[nf];
            int[] repZ = new int[rows];
            int[] hash = new int[Integer.highestOneBit(Math.max(nf, rows)) * 4];
            Table table = new Table(rows, d);
            int count = 0;
            for (int k = 0; k < blocks.count; k++) {
                int l0 = blocks.firstLeaf[k];
                int l1 = blocks.firstLeaf[k + 1];
                int kx = classes(failX, nf, leaves, l0, l1, classX, repX, hash);
                int kz = classes(failZ, rows, leaves, l0, l1, classZ, repZ, hash);
                int width = blocks.features[k].length;
                if (width > 64 || (long) kx * kz > (long) nf * rows / 2
                        || grow.entries + (long) kx * kz * width >= MAX_ENTRIES) {
                    for (int l = l0; l < l1; l++) {
                        restLeaves[restCount++] = l;
                    }
                    continue;
                }
                int rowOffset = grow.rows;
                table.build(tree, treeWeight, blocks.features[k], l0, l1, failX, repX, kx, failZ, repZ, kz, classZ,
                        d, grow);
                for (int a = 0; a < nf; a++) {
                    rowsX[count * nf + a] = rowOffset + classX[a];
                }
                count++;
            }
            tables = count;
            xRow = new int[count * nf];
            for (int k = 0; k < count; k++) {
                for (int a = 0; a < nf; a++) {
                    xRow[a * count + k] = rowsX[k * nf + a];
                }
            }
        }
        rowStart = Arrays.copyOf(grow.rowStart, grow.rows + 1);
        rowBase = Arrays.copyOf(grow.rowBase, grow.rows);
        cell = Arrays.copyOf(grow.cell, grow.cells);
        base = Arrays.copyOf(grow.base, grow.bases);
        feature = Arrays.copyOf(grow.feature, grow.entries);
        weight = Arrays.copyOf(grow.weight, grow.entries);
        rest = Arrays.copyOf(restLeaves, restCount);
        groups = restCount > 0 ? new LeafGroups(tree, background, from, to, d) : null;
    }

    /** Bytes held (for the caller's budget), the leaf groups included. */
    long bytes() {
        long b = 4L * (xRow.length + rowStart.length + rowBase.length + base.length + feature.length)
                + 8L * (cell.length + weight.length);
        if (groups != null) {
            b += 8L * groups.mask.length + 4L * (groups.memberStart.length + groups.members.length);
        }
        return b;
    }

    /** Adds the tabulated blocks' C_k(x_a, z) to acc[r d ..] for every background row r of the block. */
    void add(int a, double[] acc) {
        for (int k = a * tables, end = k + tables; k < end; k++) {
            int row = xRow[k];
            int at = rowBase[row];
            for (int e = rowStart[row], stop = rowStart[row + 1]; e < stop; e++) {
                long c = cell[e];
                int j0 = (int) (c >>> 35);
                Scatter.add(acc, base, at + ((int) (c >>> 7) & 0x3FFF), at + ((int) (c >>> 21) & 0x3FFF), feature,
                        weight, j0, j0 + ((int) c & 0x7F));
            }
        }
    }

    /**
     * Numbers the distinct vectors fail[r leaves + l0 .. l1) of rows 0..n-1 in order of first appearance:
     * classOf[r] is r's class, rep[c] a row of class c; returns the number of classes. {@code hash} is scratch of a
     * power of two at least 2n (open addressing on the vectors, compared exactly).
     */
    private static int classes(long[] fail, int n, int leaves, int l0, int l1, int[] classOf, int[] rep,
                               int[] hash) {
        int mask = hash.length - 1;
        Arrays.fill(hash, 0);
        int count = 0;
        for (int r = 0; r < n; r++) {
            int at = r * leaves;
            long h = 0;
            for (int l = l0; l < l1; l++) {
                h = (h + fail[at + l]) * 0x9E3779B97F4A7C15L;
            }
            int slot = (int) (h ^ h >>> 32) & mask;
            while (true) {
                int c = hash[slot] - 1;
                if (c < 0) {
                    hash[slot] = count + 1;
                    rep[count] = r;
                    classOf[r] = count++;
                    break;
                }
                if (Arrays.equals(fail, at + l0, at + l1, fail, rep[c] * leaves + l0, rep[c] * leaves + l1)) {
                    classOf[r] = c;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return count;
    }

    /** Growing flat arrays of the tables under construction. */
    private static final class Growing {
        int rows;
        int[] rowStart = new int[64];
        int[] rowBase = new int[64];
        int cells;
        long[] cell = new long[256];
        int bases;
        int[] base = new int[256];
        int entries;
        int[] feature = new int[1024];
        double[] weight = new double[1024];

        /** Ends a table row whose cells' first and last count from {@code base} on in {@link #base}. */
        void endRow(int at) {
            rowStart = ensure(rowStart, rows + 2);
            rowBase = ensure(rowBase, rows + 1);
            rowBase[rows] = at;
            rowStart[++rows] = cells;
        }

        /** A cell of entries j0 .. entries-1 (at most 64) for the bases from .. to-1 (at most 2^14). */
        void cell(int from, int to, int j0) {
            if (cells == cell.length) {
                cell = Arrays.copyOf(cell, 2 * cells);
            }
            cell[cells++] = (long) j0 << 35 | (long) to << 21 | (long) from << 7 | (entries - j0);
        }

        void entry(int f, double w) {
            if (entries == feature.length) {
                feature = Arrays.copyOf(feature, 2 * entries);
                weight = Arrays.copyOf(weight, 2 * entries);
            }
            feature[entries] = f;
            weight[entries++] = w;
        }

        void base(int b) {
            base = ensure(base, bases + 1);
            base[bases++] = b;
        }

        private static int[] ensure(int[] a, int size) {
            return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, 2 * a.length));
        }
    }

    /** Scratch for building one block's table: dense sums per (background class, feature slot) for one x class. */
    private static final class Table {
        private double[] sum;
        private long[] touched;
        private int[] touchedList;
        private int[] memberStart;
        private final int[] slot;
        private final int[] slots = new int[64];
        private final double[] w = new double[64];
        // the block being built
        private FlatTree tree;
        private double treeWeight;
        private int[] features;
        private int l0;
        private int l1;
        private long[] failX;
        private int[][] groupStart;
        private long[][] groupMask;
        private int[][] groupMembers;
        private int offset;

        Table(int rows, int d) {
            sum = new double[64];
            touched = new long[rows];
            touchedList = new int[rows];
            memberStart = new int[rows + 1];
            slot = new int[d];
        }

        /**
         * Appends block [l0, l1)'s table rows, one per x class, to {@code out}, and the background rows grouped
         * by class to its bases; features are the block's distinct path features (at most 64).
         */
        void build(FlatTree tree, double treeWeight, int[] features, int l0, int l1, long[] failX, int[] repX,
                   int kx, long[] failZ, int[] repZ, int kz, int[] classZ, int dd, Growing out) {
            int leaves = tree.leaves;
            int width = features.length;
            for (int s = 0; s < width; s++) {
                slot[features[s]] = s;
            }
            if (sum.length < kz * width) {
                sum = new double[Math.max(kz * width, 2 * sum.length)];
            }
            // background rows by class (counting sort), as bases r d
            int rows = classZ.length;
            Arrays.fill(memberStart, 0, kz + 1, 0);
            for (int r = 0; r < rows; r++) {
                memberStart[classZ[r] + 1]++;
            }
            for (int c = 0; c < kz; c++) {
                memberStart[c + 1] += memberStart[c];
            }
            int offset = out.bases;
            int[] at = Arrays.copyOf(memberStart, kz);
            for (int r = 0; r < rows; r++) {
                out.base(0);
            }
            for (int r = 0; r < rows; r++) {
                out.base[offset + at[classZ[r]]++] = r * dd;
            }
            // per leaf, background classes grouped by their fail mask there
            int n = l1 - l0;
            int[][] groupStart = new int[n][];
            long[][] groupMask = new long[n][];
            int[][] groupMembers = new int[n][];
            for (int l = l0; l < l1; l++) {
                LongLongMap ids = new LongLongMap();
                int[] gOf = new int[kz];
                long[] masks = new long[kz];
                int g = 0;
                for (int c = 0; c < kz; c++) {
                    long m = failZ[repZ[c] * leaves + l];
                    long id = ids.get(m);
                    if (id < 0) {
                        id = g;
                        masks[g++] = m;
                        ids.put(m, id);
                    }
                    gOf[c] = (int) id;
                }
                int[] start = new int[g + 1];
                for (int c = 0; c < kz; c++) {
                    start[gOf[c] + 1]++;
                }
                for (int q = 0; q < g; q++) {
                    start[q + 1] += start[q];
                }
                int[] members = new int[kz];
                int[] put = Arrays.copyOf(start, g);
                for (int c = 0; c < kz; c++) {
                    members[put[gOf[c]]++] = c;
                }
                groupStart[l - l0] = start;
                groupMask[l - l0] = Arrays.copyOf(masks, g);
                groupMembers[l - l0] = members;
            }
            this.tree = tree;
            this.treeWeight = treeWeight;
            this.features = features;
            this.l0 = l0;
            this.l1 = l1;
            this.failX = failX;
            this.groupStart = groupStart;
            this.groupMask = groupMask;
            this.groupMembers = groupMembers;
            this.offset = offset;
            for (int cx = 0; cx < kx; cx++) {
                row(repX[cx] * tree.leaves, width, out);
                out.endRow(offset);
            }
        }

        /** Appends the nonzero cells of the x class whose fail masks start at failX[xAt] to out. */
        private void row(int xAt, int width, Growing out) {
            int touchedCount = 0;
            double[] sum = this.sum;
            long[] touched = this.touched;
            int[] slot = this.slot;
            int[] slots = this.slots;
            double[] w = this.w;
            for (int l = l0; l < l1; l++) {
                long fx = failX[xAt + l];
                int nfx = Long.bitCount(fx);
                double v = treeWeight * tree.leafValue[l];
                int[] path = tree.leafFeatures[l];
                long[] masks = groupMask[l - l0];
                int[] start = groupStart[l - l0];
                int[] members = groupMembers[l - l0];
                for (int g = 0; g < masks.length; g++) {
                    long fz = masks[g];
                    if ((fz & fx) != 0 || (fz | fx) == 0) {
                        continue; // the leaf is on no hybrid path, or x and z share it and no feature matters
                    }
                    int nfz = Long.bitCount(fz);
                    double wx = nfz > 0 ? v * ShapleyWeights.fromX(nfz, nfx) : 0;
                    double wz = nfx > 0 ? v * ShapleyWeights.fromZ(nfz, nfx) : 0;
                    int count = 0;
                    long bits = 0;
                    for (long m = fz | fx; m != 0; m &= m - 1) {
                        int p = Long.numberOfTrailingZeros(m);
                        int s = slot[path[p]];
                        slots[count] = s;
                        w[count++] = (fz >>> p & 1L) != 0 ? wx : -wz;
                        bits |= 1L << s;
                    }
                    for (int q = start[g]; q < start[g + 1]; q++) {
                        int cz = members[q];
                        if (touched[cz] == 0) {
                            touchedList[touchedCount++] = cz;
                        }
                        touched[cz] |= bits;
                        int row = cz * width;
                        for (int j = 0; j < count; j++) {
                            sum[row + slots[j]] += w[j];
                        }
                    }
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int cz = touchedList[t];
                int row = cz * width;
                int entries = out.entries;
                for (long m = touched[cz]; m != 0; m &= m - 1) {
                    int s = Long.numberOfTrailingZeros(m);
                    if (sum[row + s] != 0) {
                        out.entry(features[s], sum[row + s]);
                    }
                    sum[row + s] = 0;
                }
                touched[cz] = 0;
                if (out.entries > entries) {
                    out.cell(memberStart[cz], memberStart[cz + 1], entries);
                }
            }
        }
    }
}
