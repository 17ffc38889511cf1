package org.foolshap.audit;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The empirical distribution of a population of numbers, e.g. the model outputs f(D) or one feature of D, which the
 * auditor holds in full: its distinct values (the support), their probabilities and cumulative probabilities, and
 * honest draws from it. Supplied samples are tested against it directly ({@link EdfTest#test(double[],
 * EmpiricalDistribution, long)}) rather than against a subsample of it. Built in O(N log N); immutable.
 */
public final class EmpiricalDistribution {
    private final double[] sorted;
    private final double[] support;
    private final double[] mass;
    private final double[] cdf;

    private EmpiricalDistribution(double[] sorted, double[] support, double[] mass, double[] cdf) {
        this.sorted = sorted;
        this.support = support;
        this.mass = mass;
        this.cdf = cdf;
    }

    /** The distribution of the given values (copied; finite, at least one). */
    public static EmpiricalDistribution of(double[] values) {
        ExactKs.check("population", values);
        double[] s = values.clone();
        Arrays.sort(s);
        if (Double.isInfinite(s[0]) || Double.isInfinite(s[s.length - 1])) {
            throw new IllegalArgumentException("the population holds an infinite value; values must be finite");
        }
        int distinct = 1;
        for (int i = 1; i < s.length; i++) {
            distinct += s[i] != s[i - 1] ? 1 : 0;
        }
        double[] support = new double[distinct];
        double[] mass = new double[distinct];
        double[] cdf = new double[distinct];
        int k = -1;
        int start = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                support[++k] = s[i];
                start = i;
            }
            mass[k] = (i + 1.0 - start) / s.length;
            cdf[k] = (i + 1.0) / s.length;
        }
        return new EmpiricalDistribution(s, support, mass, cdf);
    }

    /** Population size N. */
    public int size() {
        return sorted.length;
    }

    /** The distinct values, ascending (a copy). */
    public double[] support() {
        return support.clone();
    }

    /** P(X <= t). */
    public double cdf(double t) {
        int i = upperIndex(support, t);
        return i < 0 ? 0 : cdf[i];
    }

    /** m values drawn uniformly from the population (with or without replacement), in draw order. */
    public double[] draw(int m, boolean replacement, SplittableRandom rng) {
        int[] idx = HonestDraws.positions(sorted.length, m, replacement, rng);
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = sorted[idx[i]];
        }
        return out;
    }

    double[] supportArray() {
        return support;
    }

    double[] massArray() {
        return mass;
    }

    double[] cdfArray() {
        return cdf;
    }

    /** The index of the largest element <= t, or -1. */
    static int upperIndex(double[] ascending, double t) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
