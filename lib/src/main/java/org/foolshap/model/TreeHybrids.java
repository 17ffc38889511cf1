package org.foolshap.model;

import java.util.Arrays;

/**
 * A tree ensemble's outputs on all 2^k hybrid rows (x on a subset S of k players, z elsewhere) in one pass per tree
 * instead of 2^k predictions: the margin game of exact enumeration, e.g. under the sigmoid of a boosted model
 * explained on the probability (paper, Section 5: XGBoost on Adult and COMPAS with the exact explainer).
 *
 * <p>Why it works. The hybrid for S falls in leaf L iff A subset S and B disjoint S, where A (B) are the players on
 * L's hybrid path that must come from x (z); the walk that follows x and z together, branching only where they go
 * different ways on a player not yet decided, finds each reachable leaf once with its (A, B). By inclusion-exclusion
 * 1[A subset S, B disjoint S] = sum over C subset B of (-1)^|C| 1[A u C subset S], so adding
 * (-1)^|C| w_t v_L at index A u C for every C, then one subset-sum (zeta) transform g(S) = sum_{T subset S} h(T),
 * gives every margin. Cost per pair: the reachable leaves times 2^|B| plus k 2^(k-1) additions, against
 * 2^k root-to-leaf walks per tree.
 */
final class TreeHybrids {
    private TreeHybrids() {
    }

    static void outputs(TreeEnsemble e, double[] x, double[] z, int[] players, double[] out) {
        int k = players.length;
        int n = 1 << k;
        int[] bitOf = new int[e.width()];
        Arrays.fill(bitOf, -1);
        for (int b = 0; b < k; b++) {
            bitOf[players[b]] = b;
        }
        Arrays.fill(out, 0, n, 0.0);
        LeafScan.Cache cache = CACHE.get();
        LeafScan scan = cache.scan(e);
        if (scan != null) {
            long[] mx = cache.masks(x);
            long[] mz = cache.masks(z);
            long playerMask = 0;
            for (int p : players) {
                playerMask |= 1L << p;
            }
            scan.add(mx, mz, playerMask, bitOf, out);
        } else {
            for (int t = 0; t < e.trees().size(); t++) {
                walk(e.tree(t), 0, 0, 0, e.weight(t), x, z, bitOf, out);
            }
        }
        for (int bit = 1; bit < n; bit <<= 1) {
            for (int mask = 0; mask < n; mask++) {
                if ((mask & bit) != 0) {
                    out[mask] += out[mask ^ bit];
                }
            }
        }
        double intercept = e.intercept();
        for (int mask = 0; mask < n; mask++) {
            out[mask] += intercept;
        }
    }

    /** Each thread's {@link LeafScan} and its rows' masks. */
    private static final ThreadLocal<LeafScan.Cache> CACHE = ThreadLocal.withInitial(LeafScan.Cache::new);

    /** Leaf value v reached with players fromX from x and fromZ from z: (-1)^|C| v at fromX u C, C subset fromZ. */
    static void leaf(double v, int fromX, int fromZ, double[] h) {
        for (int c = fromZ; ; c = (c - 1) & fromZ) {
            h[fromX | c] += (Integer.bitCount(c) & 1) == 0 ? v : -v;
            if (c == 0) {
                break;
            }
        }
    }

    /** Walks x and z together from {@code node}; fromX (fromZ) holds the players already decided for x (z). */
    private static void walk(Tree tree, int node, int fromX, int fromZ, double weight, double[] x, double[] z,
                             int[] bitOf, double[] h) {
        while (!tree.leaf(node)) {
            int f = tree.feature(node);
            int b = bitOf[f];
            int bit = b < 0 ? 0 : 1 << b;
            if (b < 0 || (fromZ & bit) != 0) {
                node = tree.goesYes(node, z[f]) ? tree.yes(node) : tree.no(node);
                continue;
            }
            boolean xYes = tree.goesYes(node, x[f]);
            if ((fromX & bit) != 0) {
                node = xYes ? tree.yes(node) : tree.no(node);
                continue;
            }
            boolean zYes = tree.goesYes(node, z[f]);
            if (xYes == zYes) {
                node = xYes ? tree.yes(node) : tree.no(node);
                continue;
            }
            walk(tree, xYes ? tree.yes(node) : tree.no(node), fromX | bit, fromZ, weight, x, z, bitOf, h);
            node = zYes ? tree.yes(node) : tree.no(node);
            fromZ |= bit;
        }
        leaf(weight * tree.value(node), fromX, fromZ, h);
    }
}
