package org.foolshap.audit;

import java.util.SplittableRandom;

/**
 * The energy-distance two-sample test (Szekely and Rizzo, J. Stat. Plan. Inference 143, 2013):
 * <pre>
 *   E = 2 mean ||x - y|| - mean ||x - x'|| - mean ||y - y'||      (V-statistics, all pairs)
 * </pre>
 * which is zero exactly when the two distributions agree (for finite first moments), with a permutation p-value.
 * Rows are numeric vectors (see {@link Embedding}); no tuning parameter. Cost as {@link MmdTest}. Immutable. Against a
 * population the auditor holds, the audit's "energy" family uses the same statistic with a Monte Carlo null
 * ({@link AuditFamily#ENERGY}).
 */
public final class EnergyTest {
    private final int permutations;

    private EnergyTest(int permutations) {
        this.permutations = permutations;
    }

    /** 999 permutations. */
    public static EnergyTest withDefaults() {
        return new EnergyTest(999);
    }

    public EnergyTest withPermutations(int permutations) {
        Permutations.checkCount("permutations", permutations);
        return new EnergyTest(permutations);
    }

    /** The energy distance E between the two samples. */
    public double statistic(double[][] x, double[][] y) {
        Kernels.checkSamples(x, y);
        return Kernels.split(Kernels.pool(x, y), Kernels.negativeDistance()).of(MmdTest.range(x.length));
    }

    /** E with its permutation p-value; exact when every split is enumerated. */
    public TestResult test(double[][] x, double[][] y, long seed) {
        Kernels.checkSamples(x, y);
        double[][] pooled = Kernels.pool(x, y);
        return Permutations.test(pooled.length, x.length, Kernels.split(pooled, Kernels.negativeDistance()),
                permutations, new SplittableRandom(seed));
    }
}
