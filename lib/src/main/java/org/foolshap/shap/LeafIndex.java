package org.foolshap.shap;

import org.foolshap.model.Tree;

/**
 * Per-tree layout used by the aggregated TreeSHAP: the leaves in order, and for each internal node the bit of its
 * feature among the distinct features on the path to it (first appearance order). A row's "fail mask" at a leaf
 * is the set of path features on which the row violates at least one condition of that path.
 */
final class LeafIndex {
    final Tree tree;
    final int leaves;
    final int[] leafNode;
    final int[] leafOfNode;
    final int[] nodeBit;
    final int[][] leafFeatures;
    final double[] leafValue;

    LeafIndex(Tree tree) {
        this.tree = tree;
        int n = tree.size();
        leafOfNode = new int[n];
        nodeBit = new int[n];
        java.util.Arrays.fill(leafOfNode, -1);
        int count = 0;
        for (int k = 0; k < n; k++) {
            if (tree.leaf(k)) {
                count++;
            }
        }
        leaves = count;
        leafNode = new int[count];
        leafFeatures = new int[count][];
        leafValue = new double[count];
        int[] path = new int[64];
        layout(0, path, 0, new int[] {0});
    }

    private void layout(int node, int[] path, int distinct, int[] next) {
        if (tree.leaf(node)) {
            int l = next[0]++;
            leafNode[l] = node;
            leafOfNode[node] = l;
            leafFeatures[l] = java.util.Arrays.copyOf(path, distinct);
            leafValue[l] = tree.value(node);
            return;
        }
        int f = tree.feature(node);
        int bit = -1;
        for (int p = 0; p < distinct; p++) {
            if (path[p] == f) {
                bit = p;
                break;
            }
        }
        int d = distinct;
        if (bit < 0) {
            if (distinct == 63) {
                throw new IllegalArgumentException("a tree path tests more than 63 distinct features; "
                        + "use the exact explainer");
            }
            bit = distinct;
            path[d++] = f;
        }
        nodeBit[node] = bit;
        layout(tree.yes(node), path, d, next);
        layout(tree.no(node), path, d, next);
    }

    /** Fills {@code fail[l]} with the row's fail mask at every leaf l. */
    void failMasks(double[] row, long[] fail) {
        walk(0, 0L, row, fail);
    }

    private void walk(int node, long mask, double[] row, long[] fail) {
        if (tree.leaf(node)) {
            fail[leafOfNode[node]] = mask;
            return;
        }
        long bit = 1L << nodeBit[node];
        if (tree.goesYes(node, row[tree.feature(node)])) {
            walk(tree.yes(node), mask, row, fail);
            walk(tree.no(node), mask | bit, row, fail);
        } else {
            walk(tree.yes(node), mask | bit, row, fail);
            walk(tree.no(node), mask, row, fail);
        }
    }
}
