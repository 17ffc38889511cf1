package org.foolshap.model;

import java.io.Serializable;

/**
 * A read-only binary decision tree in flat arrays, node 0 the root. An internal node tests one feature:
 * ordinal nodes go to {@code yes} when {@code x[feature] <= split}, nominal nodes when {@code x[feature] == split};
 * NaN always goes to {@code no} (as Smile does). Leaves have {@code feature == -1} and carry {@code value}.
 *
 * <p>The constructor checks that the arrays form a tree in pre-order (each child after its parent, every node but
 * the root the child of exactly one node), at most {@link #MAX_DEPTH} levels deep, with finite leaf values and
 * non-NaN split values: so prediction always ends in a leaf, whatever a model file held.
 */
public final class Tree implements Serializable {
    /** Deepest tree accepted (internal nodes on a root-to-leaf path); far beyond what training produces. */
    public static final int MAX_DEPTH = 512;

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
        check();
    }

    private void check() {
        int n = feature.length;
        if (n == 0) {
            throw new IllegalArgumentException("a tree needs at least one node");
        }
        int[] parents = new int[n];
        int[] depth = new int[n];
        for (int k = 0; k < n; k++) {
            if (k > 0 && parents[k] != 1) {
                throw new IllegalArgumentException("tree node " + k + " has " + parents[k]
                        + " parents; every node but the root needs exactly one, listed after it");
            }
            if (feature[k] == -1) {
                if (!Double.isFinite(value[k])) {
                    throw new IllegalArgumentException("tree leaf " + k + " has value " + value[k]);
                }
                continue;
            }
            if (feature[k] < 0) {
                throw new IllegalArgumentException("tree node " + k + " tests feature " + feature[k]);
            }
            if (Double.isNaN(split[k])) {
                throw new IllegalArgumentException("tree node " + k + " splits at NaN");
            }
            for (int child : new int[] {yes[k], no[k]}) {
                if (child <= k || child >= n) {
                    throw new IllegalArgumentException("tree node " + k + " has child " + child + "; children must "
                            + "follow their parent among the " + n + " nodes");
                }
                parents[child]++;
                depth[child] = depth[k] + 1;
                if (depth[child] > MAX_DEPTH) {
                    throw new IllegalArgumentException("tree is deeper than " + MAX_DEPTH + " levels");
                }
            }
            if (yes[k] == no[k]) {
                throw new IllegalArgumentException("tree node " + k + " has the same node as both children");
            }
        }
    }

    /** Checks a deserialized tree like a constructed one. */
    private Object readResolve() {
        return new Tree(feature, split, nominal, yes, no, value);
    }

    /** Largest feature index tested by a node, -1 for a single leaf. */
    public int maxFeature() {
        int max = -1;
        for (int f : feature) {
            max = Math.max(max, f);
        }
        return max;
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

    /**
     * Whether this node's test is one of the two plain ones, {@code v <= split} (ordinal) or {@code v == split}
     * (nominal), with NaN going to {@code no}. Fast paths (flat layouts in TreeSHAP) may inline plain tests; for
     * any other node they must call {@link #goesYes}, the one definition of a node's decision.
     */
    public boolean plain(int node) {
        return true;
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
        int[] d = new int[feature.length];
        int max = 0;
        for (int k = 0; k < feature.length; k++) { // pre-order: a parent comes before its children
            if (!leaf(k)) {
                d[yes[k]] = d[k] + 1;
                d[no[k]] = d[k] + 1;
                max = Math.max(max, d[k] + 1);
            }
        }
        return max;
    }
}
