package org.foolshap.audit;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov-Smirnov (Smirnov) test with its exact permutation p-value P(D >= d), correct with ties.
 *
 * <p>Model outputs have many ties (a forest's probabilities take few values), where the continuous-case p-value is
 * conservative and jittering ties (Commons Math 3) makes it arbitrary. Under the null both samples are exchangeable,
 * so every assignment of the m + n pooled values to the two samples is equally likely; D only looks at the empirical
 * CDFs at the ends of blocks of tied values. Walking the pooled sorted values is a lattice path from (0, 0) to (m, n)
 * (i values of x and j of y seen so far); D = max over block ends of |i/m - j/n|. The p-value is the probability
 * that a uniformly random path touches |i n - j m| >= d m n at a block end, computed by a forward recursion on path
 * probabilities in O(m n) time and O(m) memory (about 0.1 ms for m = n = 200 on this machine), with no sampling error.
 * The test suite checks it against a permutation Monte Carlo and against Apache Commons Statistics'
 * {@code KolmogorovSmirnovTest} with {@code PValueMethod.ESTIMATE} (a Monte Carlo estimate, about 150 times slower at
 * its default 10,000 iterations, and off by up to 0.02 at large p-values in our checks).
 */
public final class ExactKs {
    private ExactKs() {
    }

    /** The statistic D and its exact p-value. */
    public record Result(double statistic, double pValue) {
    }

    /** Tests whether x and y come from the same distribution. Inputs are copied, never sorted in place. */
    public static Result test(double[] x, double[] y) {
        check("first sample", x);
        check("second sample", y);
        double[] xs = x.clone();
        double[] ys = y.clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        return testSorted(xs, ys);
    }

    /** As {@link #test} for already sorted samples (not checked). */
    static Result testSorted(double[] xs, double[] ys) {
        int m = xs.length;
        int n = ys.length;
        boolean[] blockEnd = new boolean[m + n + 1];
        long d = 0;
        int i = 0;
        int j = 0;
        while (i < m || j < n) {
            double v = i == m ? ys[j] : j == n ? xs[i] : Math.min(xs[i], ys[j]);
            while (i < m && xs[i] == v) {
                i++;
            }
            while (j < n && ys[j] == v) {
                j++;
            }
            blockEnd[i + j] = true;
            d = Math.max(d, Math.abs((long) i * n - (long) j * m));
        }
        return new Result(d / ((double) m * n), pValue(m, n, blockEnd, d));
    }

    private static double pValue(int m, int n, boolean[] blockEnd, long d) {
        if (d == 0) {
            return 1;
        }
        double[] p = new double[m + 1];
        p[0] = 1;
        double hit = 0;
        for (int k = 1; k <= m + n; k++) {
            int lo = Math.max(0, k - n);
            int hi = Math.min(k, m);
            double left = m + n - (k - 1);
            // descending so that p[i - 1] and p[i] still hold step k - 1
            for (int a = hi; a >= lo; a--) {
                int jOld = k - 1 - a;
                double fromX = a >= 1 ? p[a - 1] * (m - a + 1) : 0;
                double fromY = jOld >= 0 && a <= k - 1 ? p[a] * (n - jOld) : 0;
                p[a] = (fromX + fromY) / left;
            }
            if (lo > 0) {
                p[lo - 1] = 0;
            }
            if (blockEnd[k]) {
                for (int a = lo; a <= hi; a++) {
                    if (Math.abs((long) a * n - (long) (k - a) * m) >= d) {
                        hit += p[a];
                        p[a] = 0;
                    }
                }
            }
        }
        return Math.min(1, hit);
    }

    static void check(String what, double[] v) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw new IllegalArgumentException("the " + what + " has NaN at position " + i);
            }
        }
    }
}
