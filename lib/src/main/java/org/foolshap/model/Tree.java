package org.foolshap.model;

import java.io.Serializable;

/**
 * A read-only binary decision tree in flat arrays, node 0 the root. An internal node tests one feature:
 * ordinal nodes go to {@code yes} when {@code x[feature] <= split}, nominal nodes when {@code x[feature] == split};
 * NaN always goes to {@code no} (as Smile does). Leaves have {@code feature == -1} and carry {@code value}.
 */
public final class Tree implements Serializable {
    private final int[] feature;
    private final double[] split;
    private final boolean[] nominal;
    private final int[] yes;
    private final int[] no;
    private final double[] value;

    public Tree(int[] feature, double[] split, boolean[] nominal, int[] yes, int[] no, double[] value) {
        int n = feature.length;
        if (split.length != n || nominal.length != n || yes.length != n || no.length != n || value.length != n) {
            throw new IllegalArgumentException("tree arrays must all have length " + n);
        }
        this.feature = feature.clone();
        this.split = split.clone();
        this.nominal = nominal.clone();
        this.yes = yes.clone();
        this.no = no.clone();
        this.value = value.clone();
    }

    public int size() {
        return feature.length;
    }

    public boolean leaf(int node) {
        return feature[node] < 0;
    }

    public int feature(int node) {
        return feature[node];
    }

    public double split(int node) {
        return split[node];
    }

    public boolean nominal(int node) {
        return nominal[node];
    }

    public int yes(int node) {
        return yes[node];
    }

    public int no(int node) {
        return no[node];
    }

    public double value(int node) {
        return value[node];
    }

    /** Whether a row with value {@code v} on this node's feature goes to the {@code yes} child. */
    public boolean goesYes(int node, double v) {
        return nominal[node] ? v == split[node] : v <= split[node];
    }

    /** The leaf a row falls into. */
    public int leafOf(double[] row) {
        int n = 0;
        while (feature[n] >= 0) {
            n = goesYes(n, row[feature[n]]) ? yes[n] : no[n];
        }
        return n;
    }

    public double predict(double[] row) {
        return value[leafOf(row)];
    }

    /** Largest number of internal nodes on a root-to-leaf path. */
    public int depth() {
        return depth(0);
    }

    private int depth(int node) {
        return leaf(node) ? 0 : 1 + Math.max(depth(yes[node]), depth(no[node]));
    }
}
