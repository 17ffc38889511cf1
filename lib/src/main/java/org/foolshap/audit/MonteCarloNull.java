package org.foolshap.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An exact Monte Carlo test of "each supplied sample is M uniform draws from its group", for several statistics at
 * once, with single-step max-T adjusted p-values (Westfall and Young 1993; Ge, Dudoit and Speed 2003). The auditor
 * holds the groups, so it draws the null itself: B honest samples per group (with or without replacement) give B
 * rows of statistics T_b; the supplied samples give T_0. With the B + 1 rows pooled, each statistic k is standardised
 * by its pooled mean and standard deviation (over its finite values), z_k(i) = (T_k(i) - mean_k) / sd_k, and every
 * row gets its maximum Z(i) = max_k z_k(i). Then
 * <ul>
 *   <li>the adjusted p-value of statistic k is #{i : Z(i) >= z_k(0)} / (B + 1), and</li>
 *   <li>the family's p-value is #{i : Z(i) >= Z(0)} / (B + 1), the smallest adjusted p-value.</li>
 * </ul>
 * The standardisation is a symmetric function of the pool, so under the null the B + 1 rows stay exchangeable and
 * the family's p-value is exactly valid (P(p <= u) <= u) for any statistics, ties and dependence; rejecting the
 * statistics whose adjusted p-value is below alpha controls the family-wise error at alpha with no Bonferroni
 * penalty for correlated statistics. Unlike min-p on Monte Carlo ranks, whose smallest adjusted p-value is about
 * (number of statistics) / (B + 1), max-T resolves p-values down to 1 / (B + 1) whatever the number of statistics.
 * The null is drawn once per (groups, M, B, seed) and can test many supplied samples; each test is exactly valid for
 * a null drawn independently of the sample. Cost: B draws of every statistic, then O(K B log B) per test.
 */
final class MonteCarloNull {
    private final List<String> names;
    private final int[] ms;
    private final double[][] nullRows;   // [b][statistic]
    private final List<GroupStatistics> groups;

    private MonteCarloNull(List<String> names, int[] ms, double[][] nullRows, List<GroupStatistics> groups) {
        this.names = names;
        this.ms = ms;
        this.nullRows = nullRows;
        this.groups = groups;
    }

    /**
     * Draws the null.
     *
     * @param groups  the statistics of each group
     * @param labels  a label per group appended to its statistics' names (e.g. "S_0'"), or null for none
     * @param sizes   each group's size N
     * @param ms      each supplied sample's size M
     */
    static MonteCarloNull draw(List<GroupStatistics> groups, List<String> labels, int[] sizes, int[] ms, int draws,
                               boolean replacement, SplittableRandom rng) {
        Permutations.checkCount("Monte Carlo draws", draws);
        List<String> names = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String n : groups.get(g).names()) {
                names.add(labels == null ? n : n + " " + labels.get(g));
            }
        }
        double[][] rows = new double[draws][];
        for (int b = 0; b < draws; b++) {
            double[] row = new double[names.size()];
            int at = 0;
            for (int g = 0; g < groups.size(); g++) {
                double[] t = groups.get(g).ofDraw(HonestDraws.positions(sizes[g], ms[g], replacement, rng));
                System.arraycopy(t, 0, row, at, t.length);
                at += t.length;
            }
            rows[b] = row;
        }
        return new MonteCarloNull(List.copyOf(names), ms.clone(), rows, groups);
    }

    int draws() {
        return nullRows.length;
    }

    /** The statistics of supplied samples, one per group (rows, and outputs or null). */
    double[] observe(List<double[][]> rows, List<double[]> outputs) {
        double[] t = new double[names.size()];
        int at = 0;
        for (int g = 0; g < groups.size(); g++) {
            if (rows.get(g).length != ms[g]) {
                throw new IllegalArgumentException("the null was drawn for samples of " + ms[g] + " rows, the "
                        + "supplied sample " + (g + 1) + " has " + rows.get(g).length);
            }
            double[] v = groups.get(g).of(rows.get(g), outputs.get(g));
            System.arraycopy(v, 0, t, at, v.length);
            at += v.length;
        }
        return t;
    }

    /** The verdict on observed statistics: one outcome per statistic with its adjusted p-value, level alpha. */
    AuditVerdict test(double[] observed, double alpha) {
        int k = names.size();
        int total = nullRows.length + 1;
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (int s = 0; s < k; s++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < total; i++) {
                double v = value(observed, i, s);
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
            mean[s] = n == 0 ? 0 : sum / n;
            double ss = 0;
            for (int i = 0; i < total; i++) {
                double v = value(observed, i, s);
                if (Double.isFinite(v)) {
                    ss += (v - mean[s]) * (v - mean[s]);
                }
            }
            sd[s] = n == 0 ? 0 : Math.sqrt(ss / n);
        }
        double[] maxZ = new double[total];
        double[] z0 = new double[k];
        for (int i = 0; i < total; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < k; s++) {
                double z = standardise(value(observed, i, s), mean[s], sd[s]);
                if (i == 0) {
                    z0[s] = z;
                }
                m = Math.max(m, z);
            }
            maxZ[i] = m;
        }
        double[] sorted = maxZ.clone();
        Arrays.sort(sorted);
        List<TestOutcome> out = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            double adjusted = countAtLeast(sorted, z0[s]) / (double) total;
            out.add(TestOutcome.of(names.get(s), observed[s], Math.min(1, adjusted), alpha));
        }
        return AuditVerdict.of(out, alpha);
    }

    /** Pool row i (0 = observed) of statistic s. */
    private double value(double[] observed, int i, int s) {
        return i == 0 ? observed[s] : nullRows[i - 1][s];
    }

    private static double standardise(double v, double mean, double sd) {
        if (Double.isInfinite(v)) {
            return v;
        }
        return sd > 0 ? (v - mean) / sd : 0;
    }

    /** #{values >= v} (ties within a relative 1e-12 count) in an ascending array. */
    private static int countAtLeast(double[] ascending, double v) {
        double bar = Permutations.atLeast(v);
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < bar) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return ascending.length - lo;
    }
}
