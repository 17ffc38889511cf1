package org.foolshap.shap;

import java.util.Arrays;
import org.foolshap.model.Tree;

/**
 * One tree laid out for TreeSHAP's walks: structure of arrays in depth-first pre-order, so a node's {@code yes}
 * child is the next node and its subtree ends at {@code end[n]}; walks are loops over primitive arrays instead of
 * recursion through {@link Tree}'s accessors. Plain nodes ({@link Tree#plain}: {@code v <= split} or
 * {@code v == split}, NaN to {@code no}) are tested inline; every other node asks {@link Tree#goesYes}, the one
 * definition of a node's decision, so new node kinds stay correct here without change.
 *
 * <p>For each internal node, {@code bit} is the position of its feature among the distinct features on the path to
 * it (first-appearance order); leaf l's path features are {@code leafFeatures[l]} in that order. A row's "fail mask"
 * at a leaf is the set of path features on which it violates at least one condition of the path, its "ok mask" the
 * complement within the path features. Build O(nodes); immutable.
 */
final class FlatTree {
    static final byte LEAF = 0;
    static final byte ORDINAL = 1;
    static final byte NOMINAL = 2;
    static final byte OTHER = 3;

    final Tree tree;
    final int size;
    final byte[] kind;
    final int[] feature;
    final double[] split;
    /** The {@code no} child; the {@code yes} child of node n is n + 1. */
    final int[] no;
    /** One past the last node of n's subtree. */
    final int[] end;
    /** The node's index in {@link #tree}. */
    final int[] original;
    final int[] bit;
    final double[] value;
    final int leaves;
    /** Leaf number of a flat node, -1 for internal nodes. */
    final int[] leafOf;
    final int[] leafNode;
    final int[][] leafFeatures;
    final double[] leafValue;
    /** Largest number of distinct features on a root-to-leaf path. */
    final int maxWidth;

    FlatTree(Tree tree) {
        this.tree = tree;
        size = tree.size();
        kind = new byte[size];
        feature = new int[size];
        split = new double[size];
        no = new int[size];
        end = new int[size];
        original = new int[size];
        bit = new int[size];
        value = new double[size];
        leafOf = new int[size];
        int count = 0;
        for (int k = 0; k < size; k++) {
            if (tree.leaf(k)) {
                count++;
            }
        }
        leaves = count;
        leafNode = new int[count];
        leafFeatures = new int[count][];
        leafValue = new double[count];
        int[] path = new int[Tree.MAX_DEPTH + 1];
        int[] state = new int[] {0, 0, 0}; // next flat index, next leaf, widest path
        layout(0, path, 0, state);
        maxWidth = state[2];
    }

    /** Lays out the subtree of original node {@code node} from flat index state[0] on; returns its flat index. */
    private int layout(int node, int[] path, int distinct, int[] state) {
        int n = state[0]++;
        original[n] = node;
        if (tree.leaf(node)) {
            int l = state[1]++;
            kind[n] = LEAF;
            feature[n] = -1;
            value[n] = tree.value(node);
            leafOf[n] = l;
            leafNode[l] = n;
            leafFeatures[l] = Arrays.copyOf(path, distinct);
            leafValue[l] = value[n];
            state[2] = Math.max(state[2], distinct);
            end[n] = n + 1;
            return n;
        }
        int f = tree.feature(node);
        kind[n] = !tree.plain(node) ? OTHER : tree.nominal(node) ? NOMINAL : ORDINAL;
        feature[n] = f;
        split[n] = tree.split(node);
        leafOf[n] = -1;
        int b = -1;
        for (int p = 0; p < distinct; p++) {
            if (path[p] == f) {
                b = p;
                break;
            }
        }
        int d = distinct;
        if (b < 0) {
            b = distinct;
            path[d++] = f;
        }
        bit[n] = b;
        layout(tree.yes(node), path, d, state);
        no[n] = layout(tree.no(node), path, d, state);
        end[n] = state[0];
        return n;
    }

    /** Whether value v on internal flat node n's feature goes to the yes child (n + 1). */
    boolean goesYes(int n, double v) {
        return switch (kind[n]) {
            case ORDINAL -> v <= split[n];
            case NOMINAL -> v == split[n];
            default -> tree.goesYes(original[n], v);
        };
    }

    /** The leaf the row falls into, as a node index of {@link #tree} (so it can be compared with Tree.leafOf). */
    int leafOf(double[] row) {
        return original[reach(row)];
    }

    /** The value of the leaf the row falls into. */
    double output(double[] row) {
        return value[reach(row)];
    }

    /** The flat index of the leaf the row falls into. */
    private int reach(double[] row) {
        int n = 0;
        while (kind[n] != LEAF) {
            n = goesYes(n, row[feature[n]]) ? n + 1 : no[n];
        }
        return n;
    }

    /** Fail masks of rows from .. to-1 at every leaf, row by row: fail[(r - from) leaves + l]. */
    long[] failMasks(double[][] rows, int from, int to) {
        long[] fail = new long[(to - from) * leaves];
        long[] leafFail = new long[leaves];
        long[] scratch = new long[size];
        for (int r = from; r < to; r++) {
            failMasks(rows[r], leafFail, scratch);
            System.arraycopy(leafFail, 0, fail, (r - from) * leaves, leaves);
        }
        return fail;
    }

    /**
     * Fills {@code fail[l]} with the row's fail mask at every leaf l, in one pass over the nodes in pre-order;
     * {@code scratch} holds one mask per node.
     */
    void failMasks(double[] row, long[] fail, long[] scratch) {
        scratch[0] = 0L;
        for (int n = 0; n < size; n++) {
            long m = scratch[n];
            if (kind[n] == LEAF) {
                fail[leafOf[n]] = m;
                continue;
            }
            long b = 1L << bit[n];
            if (goesYes(n, row[feature[n]])) {
                scratch[n + 1] = m;
                scratch[no[n]] = m | b;
            } else {
                scratch[n + 1] = m | b;
                scratch[no[n]] = m;
            }
        }
    }

    /** The row's fail masks at every leaf (a convenience for tests). */
    long[] failMasks(double[] row) {
        long[] fail = new long[leaves];
        failMasks(row, fail, new long[size]);
        return fail;
    }

    /**
     * Adds {@code weight} times this tree's phi(x, z) to {@code phi}: a depth-first walk that branches only where x
     * and z go different ways on a feature not yet decided, with Shapley weights from {@link ShapleyWeights}'s
     * tables. {@code state} (one byte per feature, all 0) and {@code decided} (at least maxWidth) are scratch.
     */
    void pair(double[] x, double[] z, double weight, double[] phi, byte[] state, int[] decided) {
        walk(0, 0, 0, 0, x, z, weight, phi, state, decided);
    }

    private void walk(int n, int depth, int a, int b, double[] x, double[] z, double weight, double[] phi,
                      byte[] state, int[] decided) {
        while (kind[n] != LEAF) {
            int f = feature[n];
            byte s = state[f];
            if (s == 1) {
                n = goesYes(n, x[f]) ? n + 1 : no[n];
                continue;
            }
            if (s == 2) {
                n = goesYes(n, z[f]) ? n + 1 : no[n];
                continue;
            }
            int toX = goesYes(n, x[f]) ? n + 1 : no[n];
            int toZ = goesYes(n, z[f]) ? n + 1 : no[n];
            if (toX == toZ) {
                n = toX;
                continue;
            }
            decided[depth] = f;
            state[f] = 1;
            walk(toX, depth + 1, a + 1, b, x, z, weight, phi, state, decided);
            state[f] = 2;
            walk(toZ, depth + 1, a, b + 1, x, z, weight, phi, state, decided);
            state[f] = 0;
            return;
        }
        if (a + b == 0) {
            return;
        }
        double v = weight * value[n];
        double wx = a > 0 ? v * ShapleyWeights.fromX(a, b) : 0;
        double wz = b > 0 ? v * ShapleyWeights.fromZ(a, b) : 0;
        for (int k = 0; k < depth; k++) {
            int f = decided[k];
            phi[f] += state[f] == 1 ? wx : -wz;
        }
    }
}
