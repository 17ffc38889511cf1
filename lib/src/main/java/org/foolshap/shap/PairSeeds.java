package org.foolshap.shap;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Randomness for sampling explainers: each pair (x, z) gets a generator derived from the explainer's seed and the
 * two rows, so results are reproducible and independent of thread scheduling.
 */
final class PairSeeds {
    private PairSeeds() {
    }

    static SplittableRandom random(long seed, double[] x, double[] z) {
        long h = seed * 0x9E3779B97F4A7C15L + Arrays.hashCode(x) * 0xBF58476D1CE4E5B9L + Arrays.hashCode(z);
        return new SplittableRandom(h);
    }

}
