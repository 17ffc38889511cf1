package org.foolshap.audit;

import java.util.SplittableRandom;

/**
 * The kernel two-sample test of Gretton, Borgwardt, Rasch, Schoelkopf and Smola (JMLR 13, 2012): the squared maximum
 * mean discrepancy between two samples of rows with the Gaussian kernel k(a, b) = exp(-||a - b||^2 / (2 sigma^2)),
 * <pre>
 *   MMD^2 = mean k(x, x') + mean k(y, y') - 2 mean k(x, y)      (biased V-statistic, all pairs)
 * </pre>
 * with a permutation p-value ({@link #test}). Rows are numeric vectors: embed model rows first (standardised numeric,
 * one-hot categorical: {@link Embedding}). The bandwidth sigma is the median heuristic (the median distance between
 * pooled rows, a function of the pooled sample, so the permutation test stays exact) unless set.
 *
 * <p>Cost: O((m + n)^2 width) for the Gram matrix, then O(min(m, n)^2) per permutation; tens of milliseconds for
 * 200 + 200 rows of width 40 and 999 permutations. Immutable; randomness only from the seed passed to {@link #test}.
 * Against a population the auditor holds in full, the audit's "mmd" family uses the same statistic with a Monte Carlo
 * null instead ({@link AuditFamily#MMD}).
 *
 * <pre>{@code
 * TestResult r = MmdTest.withDefaults().withPermutations(1999).test(x, y, 7);
 * }</pre>
 */
public final class MmdTest {
    private final double bandwidth;
    private final int permutations;

    private MmdTest(double bandwidth, int permutations) {
        this.bandwidth = bandwidth;
        this.permutations = permutations;
    }

    /** Median-heuristic bandwidth, 999 permutations. */
    public static MmdTest withDefaults() {
        return new MmdTest(Double.NaN, 999);
    }

    /** A fixed bandwidth sigma instead of the median heuristic. */
    public MmdTest withBandwidth(double sigma) {
        Kernels.gaussian(sigma);
        return new MmdTest(sigma, permutations);
    }

    /** Random permutations when the splits are too many to enumerate (C(m + n, m) > permutations). */
    public MmdTest withPermutations(int permutations) {
        Permutations.checkCount("permutations", permutations);
        return new MmdTest(bandwidth, permutations);
    }

    /** The bandwidth used for these samples: the one set, or the median heuristic on the pooled rows. */
    public double bandwidth(double[][] x, double[][] y) {
        Kernels.checkSamples(x, y);
        return Double.isNaN(bandwidth) ? Kernels.medianDistance(Kernels.pool(x, y)) : bandwidth;
    }

    /** MMD^2 (biased V-statistic) between the two samples. */
    public double statistic(double[][] x, double[][] y) {
        double sigma = bandwidth(x, y);
        return Kernels.split(Kernels.pool(x, y), Kernels.gaussian(sigma)).of(range(x.length));
    }

    /** MMD^2 with its permutation p-value; exact when every split is enumerated. */
    public TestResult test(double[][] x, double[][] y, long seed) {
        double sigma = bandwidth(x, y);
        double[][] pooled = Kernels.pool(x, y);
        return Permutations.test(pooled.length, x.length, Kernels.split(pooled, Kernels.gaussian(sigma)),
                permutations, new SplittableRandom(seed));
    }

    static int[] range(int m) {
        int[] r = new int[m];
        for (int i = 0; i < m; i++) {
            r[i] = i;
        }
        return r;
    }
}
