package org.foolshap.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A read-only binary decision tree in flat arrays, node 0 the root. Leaves have {@code feature == -1} and carry
 * {@code value}. An internal node tests one feature {@code v = x[feature]} with one of the {@link Test tests}
 * ({@code v <= split}, {@code v < split}, {@code v == split}, {@code v} in a set of categories) and goes to
 * {@code yes} when it holds; its options cover what other libraries' trees do:
 * <ul>
 *   <li><b>missing direction</b>: where NaN goes ({@code no} unless set: Smile's rule);</li>
 *   <li><b>zero is missing</b>: values in [-1e-35f, 1e-35f] go the missing direction (LightGBM's {@code Zero}
 *       missing type);</li>
 *   <li><b>float32</b>: the comparison is done on {@code (float) v} and {@code (float) split}, as XGBoost and
 *       ONNX Runtime compare (their inputs are float32).</li>
 * </ul>
 * The six-array constructor builds Smile's two plain kinds (ordinal {@code <=} and nominal {@code ==}, NaN to
 * {@code no}); {@link Builder} builds any node. {@link #goesYes} is the one definition of a node's decision.
 *
 * <p>Every constructor checks that the arrays form a tree in pre-order (each child after its parent, every node but
 * the root the child of exactly one node), at most {@link #MAX_DEPTH} levels deep, with finite leaf values and
 * non-NaN split values: so prediction always ends in a leaf, whatever a model file held.
 */
public final class Tree implements Serializable {
    /** Deepest tree accepted (internal nodes on a root-to-leaf path); far beyond what training produces. */
    public static final int MAX_DEPTH = 512;

    /** Largest category index a {@link Test#IN} node may list (LightGBM's categories are non-negative ints). */
    public static final int MAX_CATEGORY = 1 << 24;

    /** LightGBM's zero threshold: {@code |v| <= 1e-35f} counts as zero when zero is missing. */
    static final double ZERO = 1e-35f;

    /** What an internal node tests on {@code v = x[feature]}. */
    public enum Test {
        /** {@code v <= split} (Smile ordinal, LightGBM numerical, ONNX BRANCH_LEQ). */
        LE,
        /** {@code v < split} (XGBoost, ONNX BRANCH_LT). */
        LT,
        /** {@code v == split} (Smile nominal, ONNX BRANCH_EQ). */
        EQ,
        /**
         * {@code (int) v} (truncated toward zero) is one of the node's categories (LightGBM categorical); a value
         * below 0 (after truncation) is in no set.
         */
        IN
    }

    private static final byte NAN_YES = 1;
    private static final byte ZERO_MISSING = 2;
    private static final byte FLOAT32 = 4;
    private static final Test[] TESTS = Test.values();

    private final int[] feature;
    private final double[] split;
    private final byte[] test;
    private final byte[] flags;
    private final int[][] categories; // sorted, for IN nodes; null elsewhere
    private final int[] yes;
    private final int[] no;
    private final double[] value;

    /**
     * Smile's trees: ordinal nodes go to {@code yes} when {@code x[feature] <= split}, nominal nodes when
     * {@code x[feature] == split}; NaN always goes to {@code no}.
     */
    public Tree(int[] feature, double[] split, boolean[] nominal, int[] yes, int[] no, double[] value) {
        this(feature, split, tests(nominal, feature.length), new byte[feature.length], new int[feature.length][],
                yes, no, value, true);
    }

    private static byte[] tests(boolean[] nominal, int n) {
        if (nominal.length != n) {
            throw new IllegalArgumentException("tree arrays must all have length " + n);
        }
        byte[] t = new byte[n];
        for (int k = 0; k < n; k++) {
            t[k] = (byte) (nominal[k] ? Test.EQ.ordinal() : Test.LE.ordinal());
        }
        return t;
    }

    private Tree(int[] feature, double[] split, byte[] test, byte[] flags, int[][] categories, int[] yes, int[] no,
                 double[] value, boolean copy) {
        int n = feature.length;
        if (split.length != n || test.length != n || flags.length != n || categories.length != n || yes.length != n
                || no.length != n || value.length != n) {
            throw new IllegalArgumentException("tree arrays must all have length " + n);
        }
        this.feature = copy ? feature.clone() : feature;
        this.split = copy ? split.clone() : split;
        this.test = copy ? test.clone() : test;
        this.flags = copy ? flags.clone() : flags;
        this.categories = new int[n][];
        for (int k = 0; k < n; k++) {
            this.categories[k] = categories[k] == null ? null : categories[k].clone();
        }
        this.yes = copy ? yes.clone() : yes;
        this.no = copy ? no.clone() : no;
        this.value = copy ? value.clone() : value;
        check();
    }

    /** The node arrays as {@link LeafScan} reads them (internal, read only). */
    int[] features() {
        return feature;
    }

    int[] yesChildren() {
        return yes;
    }

    int[] noChildren() {
        return no;
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
            if (test[k] < 0 || test[k] >= TESTS.length) {
                throw new IllegalArgumentException("tree node " + k + " has unknown test " + test[k]);
            }
            if ((flags[k] & ~(NAN_YES | ZERO_MISSING | FLOAT32)) != 0) {
                throw new IllegalArgumentException("tree node " + k + " has unknown flags " + flags[k]);
            }
            if (TESTS[test[k]] == Test.IN) {
                int[] c = categories[k];
                if (c == null) {
                    throw new IllegalArgumentException("tree node " + k + " tests a category set but has none");
                }
                for (int i = 0; i < c.length; i++) {
                    if (c[i] < 0 || c[i] > MAX_CATEGORY || (i > 0 && c[i] <= c[i - 1])) {
                        throw new IllegalArgumentException("tree node " + k + " has categories " + Arrays.toString(c)
                                + "; they must be increasing, in 0.." + MAX_CATEGORY);
                    }
                }
            } else if (categories[k] != null) {
                throw new IllegalArgumentException("tree node " + k + " has categories but tests " + TESTS[test[k]]);
            } else if (Double.isNaN(split[k])) {
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
        return new Tree(feature, split, test, flags, categories, yes, no, value, true);
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

    /** The split value ({@link Test#IN} nodes: unused, 0). */
    public double split(int node) {
        return split[node];
    }

    /** The node's test. */
    public Test test(int node) {
        return TESTS[test[node]];
    }

    /** Whether the node tests {@code v == split} (Smile's nominal nodes). */
    public boolean nominal(int node) {
        return TESTS[test[node]] == Test.EQ;
    }

    /** Whether NaN goes to {@code yes}. */
    public boolean missingGoesYes(int node) {
        return (flags[node] & NAN_YES) != 0;
    }

    /** Whether values within [-1e-35f, 1e-35f] go where NaN goes (LightGBM's zero-as-missing). */
    public boolean zeroIsMissing(int node) {
        return (flags[node] & ZERO_MISSING) != 0;
    }

    /** Whether the comparison is made on float32 values. */
    public boolean float32(int node) {
        return (flags[node] & FLOAT32) != 0;
    }

    /** The categories that go to {@code yes} at an {@link Test#IN} node, increasing; empty for other nodes. */
    public int[] categories(int node) {
        return categories[node] == null ? new int[0] : categories[node].clone();
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
     * (nominal), in double precision, with NaN going to {@code no}. Fast paths (flat layouts in TreeSHAP) may
     * inline plain tests; for any other node they must call {@link #goesYes}, the one definition of a node's
     * decision.
     */
    public boolean plain(int node) {
        return flags[node] == 0 && (test[node] == Test.LE.ordinal() || test[node] == Test.EQ.ordinal());
    }

    /** Whether a row with value {@code v} on this node's feature goes to the {@code yes} child. */
    public boolean goesYes(int node, double v) {
        byte f = flags[node];
        if (Double.isNaN(v) || ((f & ZERO_MISSING) != 0 && v >= -ZERO && v <= ZERO)) {
            return (f & NAN_YES) != 0;
        }
        double s = split[node];
        if ((f & FLOAT32) != 0) {
            v = (float) v;
            s = (float) s;
        }
        return switch (test[node]) {
            case 0 -> v <= s;
            case 1 -> v < s;
            case 2 -> v == s;
            default -> {
                int c = (int) v; // truncation toward zero, as C's static_cast<int>
                yield c >= 0 && Arrays.binarySearch(categories[node], c) >= 0;
            }
        };
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

    /**
     * Builds a tree from nodes numbered in any order (as XGBoost, LightGBM and ONNX number them), root first given
     * by {@link #build(int)}: {@link #build} renumbers the nodes reachable from the root in pre-order and drops
     * the others (e.g. XGBoost's deleted nodes). Every node index must be set once, as a leaf or a split.
     */
    public static final class Builder {
        private final int size;
        private final int[] feature;
        private final double[] split;
        private final byte[] test;
        private final byte[] flags;
        private final int[][] categories;
        private final int[] yes;
        private final int[] no;
        private final double[] value;
        private final boolean[] set;

        /** A builder for node indices 0 .. nodes-1. */
        public Builder(int nodes) {
            if (nodes < 1) {
                throw new IllegalArgumentException("a tree needs at least one node, got " + nodes);
            }
            size = nodes;
            feature = new int[nodes];
            split = new double[nodes];
            test = new byte[nodes];
            flags = new byte[nodes];
            categories = new int[nodes][];
            yes = new int[nodes];
            no = new int[nodes];
            value = new double[nodes];
            set = new boolean[nodes];
        }

        private void claim(int node) {
            if (node < 0 || node >= size) {
                throw new IllegalArgumentException("tree node " + node + " is outside 0.." + (size - 1));
            }
            if (set[node]) {
                throw new IllegalArgumentException("tree node " + node + " is given twice");
            }
            set[node] = true;
        }

        public Builder leaf(int node, double leafValue) {
            claim(node);
            feature[node] = -1;
            value[node] = leafValue;
            return this;
        }

        /**
         * A numeric node: goes to {@code yesChild} when {@code test} (LE, LT or EQ) holds for
         * {@code x[feat]} against {@code splitValue}; NaN goes where {@code missingYes} says.
         */
        public Builder split(int node, int feat, Test kind, double splitValue, int yesChild, int noChild,
                             boolean missingYes) {
            if (kind == Test.IN) {
                throw new IllegalArgumentException("use categories(...) for a category-set node");
            }
            claim(node);
            feature[node] = feat;
            split[node] = splitValue;
            test[node] = (byte) kind.ordinal();
            flags[node] = missingYes ? NAN_YES : 0;
            yes[node] = yesChild;
            no[node] = noChild;
            return this;
        }

        /** A category-set node: {@code (int) x[feat]} in {@code yesCategories} goes to {@code yesChild}. */
        public Builder categories(int node, int feat, int[] yesCategories, int yesChild, int noChild,
                                  boolean missingYes) {
            claim(node);
            int[] c = yesCategories.clone();
            Arrays.sort(c);
            feature[node] = feat;
            test[node] = (byte) Test.IN.ordinal();
            categories[node] = c;
            flags[node] = missingYes ? NAN_YES : 0;
            yes[node] = yesChild;
            no[node] = noChild;
            return this;
        }

        /** Values within [-1e-35f, 1e-35f] go where NaN goes at this (already set) node. */
        public Builder zeroIsMissing(int node) {
            flags[node] |= ZERO_MISSING;
            return this;
        }

        /** This (already set) node compares {@code (float) v} with {@code (float) split}. */
        public Builder float32(int node) {
            flags[node] |= FLOAT32;
            return this;
        }

        /** The tree rooted at node 0. */
        public Tree build() {
            return build(0);
        }

        /** The tree rooted at {@code root}, its reachable nodes renumbered in pre-order. */
        public Tree build(int root) {
            if (root < 0 || root >= size || !set[root]) {
                throw new IllegalArgumentException("tree root " + root + " is not a node");
            }
            int[] order = new int[size]; // new index -> old index
            int[] renumber = new int[size];
            Arrays.fill(renumber, -1);
            int[] stack = new int[size + 1];
            int top = 0;
            int count = 0;
            stack[top++] = root;
            while (top > 0) {
                int k = stack[--top];
                if (k < 0 || k >= size || !set[k]) {
                    throw new IllegalArgumentException("tree node " + k + " is a child but was never given");
                }
                if (renumber[k] >= 0) {
                    throw new IllegalArgumentException("tree node " + k + " is reached twice; nodes must form a tree");
                }
                renumber[k] = count;
                order[count++] = k;
                if (feature[k] != -1) {
                    if (top + 2 > stack.length) {
                        throw new IllegalArgumentException("tree nodes do not form a tree");
                    }
                    stack[top++] = no[k];
                    stack[top++] = yes[k];
                }
            }
            int[] f = new int[count];
            double[] s = new double[count];
            byte[] t = new byte[count];
            byte[] fl = new byte[count];
            int[][] c = new int[count][];
            int[] y = new int[count];
            int[] n = new int[count];
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                int k = order[i];
                f[i] = feature[k];
                s[i] = split[k];
                t[i] = test[k];
                fl[i] = flags[k];
                c[i] = categories[k];
                v[i] = value[k];
                y[i] = f[i] == -1 ? -1 : renumber[yes[k]];
                n[i] = f[i] == -1 ? -1 : renumber[no[k]];
            }
            return new Tree(f, s, t, fl, c, y, n, v, false);
        }
    }

    /** Raw per-node arrays for {@link ModelCodec}: test ordinal and flag bits. */
    byte testCode(int node) {
        return test[node];
    }

    byte flagBits(int node) {
        return flags[node];
    }

    /** Rebuilds a tree from {@link ModelCodec}'s arrays, with every check of the constructors. */
    static Tree of(int[] feature, double[] split, byte[] test, byte[] flags, int[][] categories, int[] yes, int[] no,
                   double[] value) {
        return new Tree(feature, split, test, flags, categories, yes, no, value, false);
    }
}
