package org.foolshap.audit;

import java.util.SplittableRandom;

/**
 * Permutation p-values for two-sample statistics. The pooled sample has n points, the first m of them the first
 * sample; a statistic is a function of which m points form the first sample. Under the null (both samples from one
 * distribution) every such choice is equally likely, so
 * <ul>
 *   <li>when C(n, m) is at most the permutation budget (or at most 1,000), every choice is enumerated and the
 *   p-value is the exact share of choices whose statistic is at least the observed one;</li>
 *   <li>otherwise B random choices give the Monte Carlo p-value (1 + #{T_b >= T}) / (B + 1), which is itself exactly
 *   valid: P(p <= u) <= u (Phipson and Smyth 2010).</li>
 * </ul>
 * Statistics within a relative 1e-12 of the observed one count as ties (at least as extreme), so that rounding in
 * the same formula evaluated on another order of the same points cannot make the test anti-conservative.
 */
final class Permutations {
    /** Never enumerate more splits than this, whatever the budget. */
    static final int MAX_ENUMERATION = 200_000;

    /** A statistic of the split whose first sample is {@code chosen} (m distinct indices into the pooled sample). */
    @FunctionalInterface
    interface SplitStatistic {
        double of(int[] chosen);
    }

    private Permutations() {
    }

    /** The test of the observed split (the first m points) with at most {@code permutations} random splits. */
    static TestResult test(int n, int m, SplitStatistic statistic, int permutations, SplittableRandom rng) {
        if (m < 1 || m >= n) {
            throw new IllegalArgumentException("both samples need at least one point, got " + m + " of " + n);
        }
        int[] first = MmdTest.range(m);
        double observed = statistic.of(first);
        double bar = atLeast(observed);
        double splits = splits(n, m);
        if (splits <= Math.min(permutations, MAX_ENUMERATION) || splits <= 1000) {
            long hits = 0;
            long total = 0;
            int[] c = first.clone();
            do {
                hits += statistic.of(c) >= bar ? 1 : 0;
                total++;
            } while (next(c, n));
            return new TestResult(observed, hits / (double) total, (int) total, true);
        }
        int[] pool = MmdTest.range(n);
        int[] chosen = new int[m];
        long hits = 0;
        for (int b = 0; b < permutations; b++) {
            for (int i = 0; i < m; i++) { // partial Fisher-Yates: the first m of a uniform permutation
                int j = i + rng.nextInt(n - i);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
                chosen[i] = pool[i];
            }
            hits += statistic.of(chosen) >= bar ? 1 : 0;
        }
        return new TestResult(observed, (1.0 + hits) / (permutations + 1.0), permutations, false);
    }

    /** The smallest value counted as at least {@code observed} (ties within a relative 1e-12). */
    static double atLeast(double observed) {
        return Double.isInfinite(observed) ? observed : observed - 1e-12 * Math.max(1, Math.abs(observed));
    }

    /** C(n, m) as a double (overflows to infinity harmlessly). */
    static double splits(int n, int m) {
        double c = 1;
        int k = Math.min(m, n - m);
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** The next m-subset of {0..n-1} in lexicographic order; false after the last. */
    private static boolean next(int[] c, int n) {
        int m = c.length;
        int i = m - 1;
        while (i >= 0 && c[i] == n - m + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        c[i]++;
        for (int j = i + 1; j < m; j++) {
            c[j] = c[j - 1] + 1;
        }
        return true;
    }

    static void checkCount(String what, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of " + what + " must be at least 1, got " + count);
        }
    }
}
