package org.foolshap.shap;

import java.util.Arrays;

/**
 * One tree's per-pair contributions tabulated block by block for {@link PairTensor}: the tree is cut into
 * {@link SubtreeBlocks} of at most {@code maxLeaves} leaves, and within a block the pair (x, z) contributes
 * C_k(x, z) = sum over the block's leaves l with fx_l & fz_l = 0 of the leaf's Shapley weights (v (a-1)! b! / (a+b)!
 * on each feature of A = fz_l, -v a! (b-1)! / (a+b)! on each of B = fx_l, a = |A|, b = |B|), a function of the
 * rows' fail masks at the block's leaves only. So rows with equal block keys ({@link SubtreeBlocks#keys}: the fail
 * mask at the block's root and the directions inside, which fix the fail masks at its leaves) form a class, and C_k
 * is a table over (foreground class, background class): built once per tree and background block,
 * read by every pair of the two classes' rows. Each cell keeps only its nonzero sums, one per feature (leaves under
 * a common prefix add into the same features, so a cell has fewer entries than its leaves' weights), and each
 * foreground class keeps the list of its nonzero cells with their background rows (small classes' cells written
 * out per row, {@link #FLAT_ROWS}), so reading a pair's block costs no test and one addition per nonzero feature.
 * One feature may be left out of every cell ({@code skip}) for the caller to complete by efficiency.
 *
 * <p>Build time per tree O(rows x (features + nodes)) for the keys (one table look-up per feature from the rows'
 * {@link SplitBins}, or a comparison per node), then per block O(rows + (Kx + Kz) leaves + Ux x z-groups / 64 +
 * cells' entries), Kx and Kz the classes, a z-group the background classes with one fail mask at a leaf, Ux the
 * x classes' distinct fail masks at a leaf (each has its list of disjoint z-groups, found by bitset operations);
 * memory the nonzero cells and their entries. A block
 * whose table would have more than half as many cells as the pairs it serves, or more than 64 features, is left to
 * {@link LeafGroups} ({@link #rest}, {@link #groups}), as are all leaves with {@code maxLeaves = 0}. Immutable.
 */
final class PairBlocks {
    /** Entries per tree: a cell's first entry takes 28 bits of it ({@link #cell}). */
    private static final long MAX_ENTRIES = 1L << 28;
    /**
     * Background classes of at most this many rows have their cells written out row by row, in each table row's
     * flat run ({@link #flat}), instead of as cells: on Adult's forest (200 x 500) 70% of the cells a pair reads
     * but a fifth of its additions. A cell costs a loop over its rows and one over its entries, a flat entry one
     * addition: the additions took 8.8-9.5 instead of 13.4-13.7 ns per triple, for 26% more bytes of tables (1 row:
     * 10.3-11 ns; 8 rows: 8.8-8.9 ns and 50% more bytes).
     */
    static final int FLAT_ROWS = 4;

    /** Leaves left to {@link LeafGroups}, in order; {@link #groups} is null when there are none. */
    final int[] rest;
    final LeafGroups groups;

    /** Foreground row a's table row in block k is xRow[a tables + k]; its nonzero cells are rowStart[row .. row+1). */
    final int tables;
    private final int nf;
    private final int[] xRow;
    private final int[] rowStart;
    /**
     * Table row's flat run: entries flat[2 row] .. flat[2 row + 1] - 1 each add weight[j] at acc[feature[j]], the
     * feature's index in the tensor's slice already offset by its background row (r d + feature).
     */
    private final int[] flat;
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
        this(tree, treeWeight, d, foreground, background, from, to, maxLeaves, null, null, null, -1);
    }

    /**
     * As above, with the rows' bins among the forest's thresholds ({@link SplitBins#bins}; all three null to compare
     * values node by node): each row's block keys ({@link SubtreeBlocks#keys}) then come from one table look-up per
     * feature. Feature {@code skip} (-1: none) is left out of the tables, for the caller to complete by efficiency
     * ({@link PairTensor}).
     */
    PairBlocks(FlatTree tree, double treeWeight, int d, double[][] foreground, double[][] background, int from,
               int to, int maxLeaves, SplitBins splits, int[][] binsX, int[][] binsZ, int skip) {
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
            SubtreeBlocks blocks = new SubtreeBlocks(tree, maxLeaves, splits);
            int kb = blocks.count;
            long[] dir = new long[blocks.words + 1];
            long[] scratch = new long[tree.size];
            long[] keyX = keys(blocks, foreground, binsX, 0, nf, dir, scratch);
            long[] keyZ = keys(blocks, background, binsZ, from, rows, dir, scratch);
            int[] rowsX = new int[kb * nf];
            int[] classX = new int[nf];
            int[] classZ = new int[rows];
            long[] repX = new long[nf];
            long[] repZ = new long[rows];
            MaskIds ids = new MaskIds();
            Table table = new Table(rows, d);
            int count = 0;
            for (int k = 0; k < kb; k++) {
                int l0 = blocks.firstLeaf[k];
                int l1 = blocks.firstLeaf[k + 1];
                int kx = classes(keyX, nf, kb, k, classX, repX, ids);
                int kz = classes(keyZ, rows, kb, k, classZ, repZ, ids);
                int width = blocks.features[k].length;
                if (width > 64 || (long) kx * kz > (long) nf * rows / 2
                        || grow.entries + (long) kx * Math.min(rows, (long) FLAT_ROWS * kz) * width >= MAX_ENTRIES) {
                    for (int l = l0; l < l1; l++) {
                        restLeaves[restCount++] = l;
                    }
                    continue;
                }
                long[] failX = classMasks(blocks, k, repX, kx, scratch);
                long[] failZ = classMasks(blocks, k, repZ, kz, scratch);
                int rowOffset = grow.rows;
                table.build(tree, treeWeight, blocks.features[k], skip, l0, l1, failX, kx, failZ, kz, classZ, d,
                        grow);
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
        flat = Arrays.copyOf(grow.flat, 2 * grow.rows);
        rowBase = Arrays.copyOf(grow.rowBase, grow.rows);
        cell = Arrays.copyOf(grow.cell, grow.cells);
        base = Arrays.copyOf(grow.base, grow.bases);
        feature = Arrays.copyOf(grow.feature, grow.entries);
        weight = Arrays.copyOf(grow.weight, grow.entries);
        rest = Arrays.copyOf(restLeaves, restCount);
        groups = restCount > 0 ? new LeafGroups(tree, background, from, to, d) : null;
    }

    /** Block keys of rows from .. from+n-1: keys[(r - from) count + k] for block k ({@link SubtreeBlocks#keys}). */
    private static long[] keys(SubtreeBlocks blocks, double[][] rows, int[][] bins, int from, int n, long[] dir,
                               long[] scratch) {
        int kb = blocks.count;
        long[] keys = new long[n * kb];
        for (int r = 0; r < n; r++) {
            blocks.keys(rows[from + r], bins == null ? null : bins[from + r], keys, r * kb, dir, scratch);
        }
        return keys;
    }

    /** Fail masks of classes 0..count-1 (keys rep) at block k's n leaves: masks[c n + i] at its i-th leaf. */
    private static long[] classMasks(SubtreeBlocks blocks, int k, long[] rep, int count, long[] scratch) {
        int n = blocks.firstLeaf[k + 1] - blocks.firstLeaf[k];
        long[] masks = new long[count * n];
        for (int c = 0; c < count; c++) {
            blocks.leafFailMasks(k, rep[c], masks, c * n, scratch);
        }
        return masks;
    }

    /** Bytes held (for the caller's budget), the leaf groups included. */
    long bytes() {
        long b = 4L * (xRow.length + rowStart.length + flat.length + rowBase.length + base.length + feature.length)
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
            for (int j = flat[2 * row], stop = flat[2 * row + 1]; j < stop; j++) {
                acc[feature[j]] += weight[j];
            }
        }
    }

    /**
     * Numbers the distinct keys[r stride + k] of rows 0..n-1 in order of first appearance: classOf[r] is r's class,
     * rep[c] class c's key; returns the number of classes.
     */
    private static int classes(long[] keys, int n, int stride, int k, int[] classOf, long[] rep, MaskIds ids) {
        ids.clear(n);
        for (int r = 0; r < n; r++) {
            long key = keys[r * stride + k];
            int c = ids.number(key);
            rep[c] = key;
            classOf[r] = c;
        }
        return ids.size();
    }

    /** Numbers distinct longs in order of first appearance; open addressing cleared in O(1) by a stamp. */
    private static final class MaskIds {
        private long[] key = new long[16];
        private int[] number = new int[16];
        private int[] stamp = new int[16];
        private int generation;
        private int size;

        /** Forgets every number, ready for at most {@code expected} distinct values. */
        void clear(int expected) {
            int capacity = Integer.highestOneBit(Math.max(8, expected)) * 4;
            if (key.length < capacity) {
                key = new long[capacity];
                number = new int[capacity];
                stamp = new int[capacity];
                generation = 0;
            }
            generation++;
            size = 0;
        }

        /** v's number; an unseen v gets the next one. */
        int number(long v) {
            int mask = key.length - 1;
            long h = v * 0x9E3779B97F4A7C15L;
            for (int s = (int) (h ^ h >>> 32) & mask; ; s = (s + 1) & mask) {
                if (stamp[s] != generation) {
                    stamp[s] = generation;
                    key[s] = v;
                    number[s] = size;
                    return size++;
                }
                if (key[s] == v) {
                    return number[s];
                }
            }
        }

        int size() {
            return size;
        }
    }

    /** Growing flat arrays of the tables under construction. */
    private static final class Growing {
        int rows;
        int[] rowStart = new int[64];
        int[] flat = new int[128];
        int[] rowBase = new int[64];
        int cells;
        long[] cell = new long[256];
        int bases;
        int[] base = new int[256];
        int entries;
        int[] feature = new int[1024];
        double[] weight = new double[1024];

        /**
         * Ends a table row whose cells' first and last count from {@code base} on in {@link #base}, and whose
         * flat run is entries flatFrom .. flatTo - 1.
         */
        void endRow(int at, int flatFrom, int flatTo) {
            rowStart = ensure(rowStart, rows + 2);
            rowBase = ensure(rowBase, rows + 1);
            flat = ensure(flat, 2 * rows + 2);
            rowBase[rows] = at;
            flat[2 * rows] = flatFrom;
            flat[2 * rows + 1] = flatTo;
            rowStart[++rows] = cells;
        }

        /** A cell of entries j0 .. j1-1 (at most 64) for the bases from .. to-1 (at most 2^14). */
        void cell(int from, int to, int j0, int j1) {
            if (cells == cell.length) {
                cell = Arrays.copyOf(cell, 2 * cells);
            }
            cell[cells++] = (long) j0 << 35 | (long) to << 21 | (long) from << 7 | (j1 - j0);
        }

        /** Makes room for n more entries, feature and weight [entries .. entries + n), for the caller to fill. */
        void reserveEntries(int n) {
            if (entries + n > feature.length) {
                int size = Math.max(entries + n, 2 * feature.length);
                feature = Arrays.copyOf(feature, size);
                weight = Arrays.copyOf(weight, size);
            }
        }

        /** Makes room for n more bases, base[bases .. bases + n), for the caller to fill. */
        void reserveBases(int n) {
            base = ensure(base, bases + n);
            bases += n;
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
        /**
         * Hybrid lists: x-class mask id's hybrid (z group, weights) entries are listStart[id] .. listStart[id + 1];
         * entry h adds hWeight[j] at slot hSlot[j] for hFirst[h] <= j < hFirst[h + 1] to each class of z group
         * hGroup[h], whose touched slots are hBits[h]; listOf[cx n + i] is x class cx's id at the block's leaf i.
         */
        private int[] listStart = new int[64];
        private int[] listOf = new int[64];
        private int[] hGroup = new int[64];
        private long[] hBits = new long[64];
        private int[] hFirst = new int[65];
        private int[] hSlot = new int[256];
        private double[] hWeight = new double[256];
        /**
         * The block's background groups: at its leaf i, group g has fail mask gMask[i kz + g] and the classes
         * gMembers[i kz + gStart[i (kz + 1) + g] ..  i kz + gStart[i (kz + 1) + g + 1]); groupCount[i] groups.
         */
        private long[] gMask = new long[64];
        private int[] gStart = new int[64];
        private int[] gMembers = new int[64];
        private int[] gOf = new int[64];
        private int[] groupCount = new int[8];
        private long[] byBit = new long[64];
        private final MaskIds ids = new MaskIds();
        /** The slot of the block's features that gets no entries, -1 for none. */
        private int skipSlot;
        /** Hybrid entries and lists of the block being built. */
        private int hybrids;
        private int lists;

        Table(int rows, int d) {
            sum = new double[64];
            touched = new long[rows];
            touchedList = new int[rows];
            memberStart = new int[rows + 1];
            slot = new int[d];
        }

        /**
         * Appends block [l0, l1)'s table rows, one per x class, to {@code out}, and the background rows grouped
         * by class to its bases; features are the block's distinct path features (at most 64), of which feature
         * {@code skip} gets no entries. failX[c n + i] and failZ[c n + i] are class c's fail masks at the block's
         * leaf l0 + i, n = l1 - l0.
         */
        void build(FlatTree tree, double treeWeight, int[] features, int skip, int l0, int l1, long[] failX, int kx,
                   long[] failZ, int kz, int[] classZ, int dd, Growing out) {
            int n = l1 - l0;
            int width = features.length;
            skipSlot = -1;
            for (int s = 0; s < width; s++) {
                slot[features[s]] = s;
                if (features[s] == skip) {
                    skipSlot = s;
                }
            }
            if (sum.length < kz * width) {
                sum = new double[Math.max(kz * width, 2 * sum.length)];
            }
            int offset = bases(classZ, kz, dd, out);
            gStart = ensure(gStart, n * (kz + 1));
            gMembers = ensure(gMembers, n * kz);
            gOf = ensure(gOf, kz);
            if (gMask.length < n * kz) {
                gMask = new long[Math.max(n * kz, 2 * gMask.length)];
            }
            groupCount = ensure(groupCount, n);
            listStart = ensure(listStart, kx * n + 1);
            listOf = ensure(listOf, kx * n);
            hybrids = 0;
            hFirst[0] = 0;
            lists = 0;
            for (int i = 0; i < n; i++) {
                groups(failZ, kz, n, i);
                lists(tree, treeWeight, l0 + i, failX, kx, kz, n, i);
            }
            for (int cx = 0; cx < kx; cx++) {
                row(cx * n, n, kz, features, offset, out);
            }
        }

        /** Appends the background rows to out's bases (as r dd) class by class; returns where they start. */
        private int bases(int[] classZ, int kz, int dd, Growing out) {
            int rows = classZ.length;
            Arrays.fill(memberStart, 0, kz + 1, 0);
            for (int r = 0; r < rows; r++) {
                memberStart[classZ[r] + 1]++;
            }
            for (int c = 0; c < kz; c++) {
                memberStart[c + 1] += memberStart[c];
            }
            int offset = out.bases;
            out.reserveBases(rows);
            int[] at = Arrays.copyOf(memberStart, kz);
            for (int r = 0; r < rows; r++) {
                out.base[offset + at[classZ[r]]++] = r * dd;
            }
            return offset;
        }

        /** The background classes grouped by their fail mask at the block's leaf i (a counting sort). */
        private void groups(long[] failZ, int kz, int n, int i) {
            int base = i * kz;
            int sb = i * (kz + 1);
            ids.clear(kz);
            for (int c = 0; c < kz; c++) {
                long m = failZ[c * n + i];
                int g = ids.number(m);
                gMask[base + g] = m;
                gOf[c] = g;
            }
            int g = ids.size();
            groupCount[i] = g;
            Arrays.fill(gStart, sb, sb + g + 1, 0);
            for (int c = 0; c < kz; c++) {
                gStart[sb + gOf[c] + 1]++;
            }
            for (int q = 0; q < g; q++) {
                gStart[sb + q + 1] += gStart[sb + q];
            }
            for (int c = 0; c < kz; c++) {
                gMembers[base + gStart[sb + gOf[c]]++] = c; // moves each group's start to its end
            }
            System.arraycopy(gStart, sb, gStart, sb + 1, g);
            gStart[sb] = 0;
        }

        /**
         * At the block's leaf i (tree leaf l): the x classes' distinct fail masks, and for each its hybrid list,
         * the z groups disjoint from it with the leaf's weights, computed once per mask instead of once per x class.
         * The groups are bitsets per path bit, so the groups disjoint from a mask come from a few word operations
         * instead of a test per group (most groups share a failed feature with x: about 88% on Adult's forest).
         */
        private void lists(FlatTree tree, double treeWeight, int l, long[] failX, int kx, int kz, int n, int i) {
            double v = treeWeight * tree.leafValue[l];
            int[] path = tree.leafFeatures[l];
            int base = i * kz;
            int groups = groupCount[i];
            int words = (groups + 63) >>> 6;
            if (byBit.length < path.length * words) {
                byBit = new long[Math.max(path.length * words, 2 * byBit.length)];
            }
            Arrays.fill(byBit, 0, path.length * words, 0L);
            int zeroGroup = -1;
            for (int g = 0; g < groups; g++) {
                long fz = gMask[base + g];
                if (fz == 0) {
                    zeroGroup = g;
                }
                for (long m = fz; m != 0; m &= m - 1) {
                    byBit[Long.numberOfTrailingZeros(m) * words + (g >>> 6)] |= 1L << g;
                }
            }
            int first = lists;
            ids.clear(kx);
            for (int cx = 0; cx < kx; cx++) {
                long fx = failX[cx * n + i];
                int id = first + ids.number(fx);
                listOf[cx * n + i] = id;
                if (id < lists) {
                    continue;
                }
                lists++;
                listStart[id] = hybrids;
                for (int q = 0; q < words; q++) {
                    long open = q < words - 1 || (groups & 63) == 0 ? -1L : (1L << groups) - 1;
                    for (long m = fx; m != 0; m &= m - 1) {
                        open &= ~byBit[Long.numberOfTrailingZeros(m) * words + q];
                    }
                    if (fx == 0 && zeroGroup >= 0 && zeroGroup >>> 6 == q) {
                        open &= ~(1L << zeroGroup); // x and z share the leaf: no feature matters
                    }
                    for (; open != 0; open &= open - 1) {
                        int g = (q << 6) + Long.numberOfTrailingZeros(open);
                        hybrid(g, gMask[base + g], fx, v, path);
                    }
                }
            }
            listStart[lists] = hybrids;
        }

        /**
         * Appends the hybrid entry of z group g (fail mask fz) for an x fail mask fx at a leaf of value v: A = fz
         * (features that must come from x) get v (a-1)! b! / (a+b)!, B = fx (from z) -v a! (b-1)! / (a+b)!; the
         * skipped feature gets nothing, and an entry that would hold only it is not appended.
         */
        private void hybrid(int g, long fz, long fx, double v, int[] path) {
            int nfz = Long.bitCount(fz);
            int nfx = Long.bitCount(fx);
            double wx = nfz > 0 ? v * ShapleyWeights.fromX(nfz, nfx) : 0;
            double wz = nfx > 0 ? v * ShapleyWeights.fromZ(nfz, nfx) : 0;
            int count = nfz + nfx;
            if (hybrids == hGroup.length) {
                hGroup = Arrays.copyOf(hGroup, 2 * hybrids);
                hBits = Arrays.copyOf(hBits, 2 * hybrids);
                hFirst = Arrays.copyOf(hFirst, 2 * hybrids + 1);
            }
            int j = hFirst[hybrids]; // where the previous entry ended
            if (j + count > hSlot.length) {
                hSlot = Arrays.copyOf(hSlot, 2 * (j + count));
                hWeight = Arrays.copyOf(hWeight, 2 * (j + count));
            }
            long bits = 0;
            for (long m = fz | fx; m != 0; m &= m - 1) {
                int p = Long.numberOfTrailingZeros(m);
                int sl = slot[path[p]];
                if (sl == skipSlot) {
                    continue;
                }
                hSlot[j] = sl;
                hWeight[j++] = (fz >>> p & 1L) != 0 ? wx : -wz;
                bits |= 1L << sl;
            }
            if (bits == 0) {
                return; // only the skipped feature: nothing to add (and row() counts a class touched by its bits)
            }
            hGroup[hybrids] = g;
            hBits[hybrids++] = bits;
            hFirst[hybrids] = j;
        }

        private static int[] ensure(int[] a, int size) {
            return size <= a.length ? a : new int[Math.max(size, 2 * a.length)];
        }

        /**
         * Appends the table row of the x class whose hybrid lists per leaf are listOf[at .. at + n) to out: a cell
         * per background class of more than {@link #FLAT_ROWS} rows with nonzero sums, and the smaller classes'
         * sums written out per row (bases from {@code offset} on in out's bases) in the row's flat run.
         */
        private void row(int at, int n, int kz, int[] features, int offset, Growing out) {
            int width = features.length;
            int touchedCount = 0;
            double[] sum = this.sum;
            long[] touched = this.touched;
            int[] hSlot = this.hSlot;
            double[] hWeight = this.hWeight;
            int[] gStart = this.gStart;
            int[] gMembers = this.gMembers;
            for (int i = 0; i < n; i++) {
                int id = listOf[at + i];
                int sb = i * (kz + 1);
                int base = i * kz;
                for (int h = listStart[id], end = listStart[id + 1]; h < end; h++) {
                    int g = sb + hGroup[h];
                    long bits = hBits[h];
                    int j0 = hFirst[h];
                    int j1 = hFirst[h + 1];
                    for (int q = base + gStart[g], stop = base + gStart[g + 1]; q < stop; q++) {
                        int cz = gMembers[q];
                        if (touched[cz] == 0) {
                            touchedList[touchedCount++] = cz;
                        }
                        touched[cz] |= bits;
                        int row = cz * width;
                        for (int j = j0; j < j1; j++) {
                            sum[row + hSlot[j]] += hWeight[j];
                        }
                    }
                }
            }
            int room = 0;
            for (int t = 0; t < touchedCount; t++) {
                int cz = touchedList[t];
                room += Long.bitCount(touched[cz]) * Math.min(FLAT_ROWS + 1, memberStart[cz + 1] - memberStart[cz]);
            }
            out.reserveEntries(room);
            int[] entryFeature = out.feature;
            double[] entryWeight = out.weight;
            int e = out.entries;
            for (int t = 0; t < touchedCount; t++) {
                int cz = touchedList[t];
                if (memberStart[cz + 1] - memberStart[cz] <= FLAT_ROWS) {
                    continue;
                }
                int row = cz * width;
                int first = e;
                for (long m = touched[cz]; m != 0; m &= m - 1) {
                    int s = Long.numberOfTrailingZeros(m);
                    double v = sum[row + s];
                    sum[row + s] = 0;
                    if (v != 0) { // leaves' weights can cancel
                        entryFeature[e] = features[s];
                        entryWeight[e++] = v;
                    }
                }
                touched[cz] = 0;
                if (e > first) {
                    out.cell(memberStart[cz], memberStart[cz + 1], first, e);
                }
            }
            int flatFrom = e;
            int[] bases = out.base;
            for (int t = 0; t < touchedCount; t++) {
                int cz = touchedList[t];
                if (touched[cz] == 0) {
                    continue; // written as a cell above
                }
                int row = cz * width;
                for (long m = touched[cz]; m != 0; m &= m - 1) {
                    int s = Long.numberOfTrailingZeros(m);
                    double v = sum[row + s];
                    sum[row + s] = 0;
                    if (v != 0) {
                        for (int q = offset + memberStart[cz], stop = offset + memberStart[cz + 1]; q < stop; q++) {
                            entryFeature[e] = bases[q] + features[s];
                            entryWeight[e++] = v;
                        }
                    }
                }
                touched[cz] = 0;
            }
            out.entries = e;
            out.endRow(offset, flatFrom, e);
        }
    }
}
