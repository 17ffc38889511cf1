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

    /** (a-1)! b! / (a+b)!: weight of each feature that must come from x in a leaf with a x-features, b z-features. */
    static double fromX(int a, int b) {
        return 1.0 / (a * binomial(a + b, b) * 1.0);
    }

    /** a! (b-1)! / (a+b)!: weight of each feature that must come from z. */
    static double fromZ(int a, int b) {
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
