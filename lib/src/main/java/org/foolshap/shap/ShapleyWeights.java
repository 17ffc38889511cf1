package org.foolshap.shap;

/** Shapley weights |S|! (k - |S| - 1)! / k! for a game of k players, indexed by |S|. */
final class ShapleyWeights {
    private ShapleyWeights() {
    }

    static double[] of(int k) {
        double[] w = new double[k];
        // w[s] = 1 / (k * C(k-1, s)), computed by the recurrence C(k-1, s+1) = C(k-1, s) (k-1-s) / (s+1).
        double binom = 1;
        for (int s = 0; s < k; s++) {
            w[s] = 1.0 / (k * binom);
            binom = binom * (k - 1 - s) / (s + 1);
        }
        return w;
    }

    /** Side of the precomputed tables: a and b below 64 cover every path TreeSHAP's masks can describe. */
    private static final int SIDE = 64;
    private static final double[] FROM_X = new double[SIDE * SIDE];
    private static final double[] FROM_Z = new double[SIDE * SIDE];

    static {
        // The same expressions as the fallbacks below, evaluated once: TreeSHAP's leaves look them up.
        for (int a = 0; a < SIDE; a++) {
            for (int b = 0; b < SIDE; b++) {
                FROM_X[a * SIDE + b] = a > 0 ? computeFromX(a, b) : 0;
                FROM_Z[a * SIDE + b] = b > 0 ? computeFromZ(a, b) : 0;
            }
        }
    }

    /**
     * (a-1)! b! / (a+b)!: weight of each feature that must come from x in a leaf with a x-features, b z-features
     * (a >= 1). A table look-up for a, b < 64.
     */
    static double fromX(int a, int b) {
        return a < SIDE && b < SIDE ? FROM_X[a * SIDE + b] : computeFromX(a, b);
    }

    /** a! (b-1)! / (a+b)!: weight of each feature that must come from z (b >= 1). A table look-up for a, b < 64. */
    static double fromZ(int a, int b) {
        return a < SIDE && b < SIDE ? FROM_Z[a * SIDE + b] : computeFromZ(a, b);
    }

    static double computeFromX(int a, int b) {
        return 1.0 / (a * binomial(a + b, b) * 1.0);
    }

    static double computeFromZ(int a, int b) {
        return 1.0 / (b * binomial(a + b, a) * 1.0);
    }

    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
