package org.foolshap.audit;

import java.util.SplittableRandom;

/** Synthetic outputs shaped like a random forest's probabilities on Adult: a spike at 0, few distinct values. */
final class AdultLike {
    private AdultLike() {
    }

    static double[] outputs(int n, double positiveRate, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < 0.4) {
                f[i] = 0; // many rows get probability exactly zero from every tree
            } else {
                double u = Math.pow(r.nextDouble(), 1 / (2 * positiveRate + 0.2));
                f[i] = Math.round(u * 50) / 50.0; // 50 trees: probabilities on a grid
            }
        }
        return f;
    }
}
