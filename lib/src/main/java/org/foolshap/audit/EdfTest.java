package org.foolshap.audit;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Tests based on the empirical distribution function (EDF) of real values, e.g. model outputs, with ties handled
 * exactly (a forest's probabilities take few values). Three statistics, each in two forms:
 * <ul>
 *   <li><b>two samples</b> x (m values) and y (n values), N = m + n, pooled distinct values z_j with multiplicities
 *   l_j, EDFs F (of x), G (of y) and H (pooled):
 *   <pre>
 *   Kolmogorov-Smirnov  D   = max_j |F(z_j) - G(z_j)|
 *   Cramer-von Mises    T   = (m n / N^2) sum_j l_j (F(z_j) - G(z_j))^2                          (Anderson 1962)
 *   Anderson-Darling    A^2 = (m n / N) sum_{j: H(z_j) < 1} (l_j / N) (F - G)^2 / (H (1 - H))   (Pettitt 1976;
 *                                                                   with ties as Scholz and Stephens 1987)
 *   </pre>
 *   with a permutation p-value ({@link #test(double[], double[], long)}), exact when every split is enumerated;</li>
 *   <li><b>one sample against a population</b> the auditor holds in full ({@link EmpiricalDistribution}: support
 *   z_j, probabilities p_j, CDF F_D), sample of M values with EDF F_S:
 *   <pre>
 *   Kolmogorov-Smirnov  D   = sup_t |F_S(t) - F_D(t)|
 *   Cramer-von Mises    W^2 = M sum_j p_j (F_S(z_j) - F_D(z_j))^2
 *   Anderson-Darling    A^2 = M sum_{j: F_D(z_j) < 1} p_j (F_S(z_j) - F_D(z_j))^2 / (F_D(z_j) (1 - F_D(z_j)))
 *   </pre>
 *   with a Monte Carlo p-value from honest draws of M values from the population
 *   ({@link #test(double[], EmpiricalDistribution, long)}): (1 + #{T_b >= T}) / (B + 1), exactly valid for the
 *   hypothesis "the sample is M uniform draws from the population", whatever the ties.</li>
 * </ul>
 * Immutable; randomness only from the seeds passed in. Cost: O(N log N) per statistic; the Monte Carlo test
 * O(B (M log M + support)).
 */
public final class EdfTest {
    /** The three statistics. */
    public enum Kind {
        KOLMOGOROV_SMIRNOV("KS"), CRAMER_VON_MISES("CvM"), ANDERSON_DARLING("AD");

        private final String abbreviation;

        Kind(String abbreviation) {
            this.abbreviation = abbreviation;
        }

        /** KS, CvM or AD. */
        public String abbreviation() {
            return abbreviation;
        }
    }

    private final Kind kind;
    private final int permutations;
    private final int draws;
    private final boolean replacement;

    private EdfTest(Kind kind, int permutations, int draws, boolean replacement) {
        this.kind = kind;
        this.permutations = permutations;
        this.draws = draws;
        this.replacement = replacement;
    }

    /** Anderson-Darling, 999 permutations or Monte Carlo draws (with replacement). */
    public static EdfTest andersonDarling() {
        return new EdfTest(Kind.ANDERSON_DARLING, 999, 999, true);
    }

    /** Cramer-von Mises, 999 permutations or Monte Carlo draws (with replacement). */
    public static EdfTest cramerVonMises() {
        return new EdfTest(Kind.CRAMER_VON_MISES, 999, 999, true);
    }

    /** Kolmogorov-Smirnov (for two samples of outputs prefer the exact {@link ExactKs}). */
    public static EdfTest kolmogorovSmirnov() {
        return new EdfTest(Kind.KOLMOGOROV_SMIRNOV, 999, 999, true);
    }

    public Kind kind() {
        return kind;
    }

    public EdfTest withPermutations(int permutations) {
        Permutations.checkCount("permutations", permutations);
        return new EdfTest(kind, permutations, draws, replacement);
    }

    /** Monte Carlo draws B of the one-sample test. */
    public EdfTest withDraws(int draws) {
        Permutations.checkCount("Monte Carlo draws", draws);
        return new EdfTest(kind, permutations, draws, replacement);
    }

    /** Whether honest samples are drawn with replacement (the paper's protocol, default) or without. */
    public EdfTest withReplacement(boolean replacement) {
        return new EdfTest(kind, permutations, draws, replacement);
    }

    /** The two-sample statistic. */
    public double statistic(double[] x, double[] y) {
        ExactKs.check("first sample", x);
        ExactKs.check("second sample", y);
        Pooled p = Pooled.of(x, y);
        return p.statistic(kind, MmdTest.range(x.length));
    }

    /** The two-sample statistic with its permutation p-value. */
    public TestResult test(double[] x, double[] y, long seed) {
        ExactKs.check("first sample", x);
        ExactKs.check("second sample", y);
        Pooled p = Pooled.of(x, y);
        return Permutations.test(p.ids.length, x.length, chosen -> p.statistic(kind, chosen), permutations,
                new SplittableRandom(seed));
    }

    /** The one-sample statistic of {@code sample} against the population. */
    public double statistic(double[] sample, EmpiricalDistribution population) {
        ExactKs.check("sample", sample);
        double[] s = sample.clone();
        Arrays.sort(s);
        return oneSample(kind, s, population);
    }

    /** The one-sample statistic with its Monte Carlo p-value from B honest draws of the population. */
    public TestResult test(double[] sample, EmpiricalDistribution population, long seed) {
        double t = statistic(sample, population);
        double bar = Permutations.atLeast(t);
        SplittableRandom rng = new SplittableRandom(seed);
        long hits = 0;
        for (int b = 0; b < draws; b++) {
            double[] d = population.draw(sample.length, replacement, rng);
            Arrays.sort(d);
            hits += oneSample(kind, d, population) >= bar ? 1 : 0;
        }
        return new TestResult(t, (1.0 + hits) / (draws + 1.0), draws, false);
    }

    /** The one-sample statistic of an ascending sample. O(M + support). */
    static double oneSample(Kind kind, double[] sorted, EmpiricalDistribution population) {
        double[] z = population.supportArray();
        double[] p = population.massArray();
        double[] fd = population.cdfArray();
        int m = sorted.length;
        if (kind == Kind.KOLMOGOROV_SMIRNOV) {
            // both EDFs are right-continuous steps; the sup is attained at a jump of either
            double d = 0;
            int i = 0;
            int j = 0;
            while (i < m || j < z.length) {
                double t = j == z.length ? sorted[i] : i == m ? z[j] : Math.min(sorted[i], z[j]);
                while (i < m && sorted[i] <= t) {
                    i++;
                }
                while (j < z.length && z[j] <= t) {
                    j++;
                }
                double fdt = j == 0 ? 0 : fd[j - 1];
                d = Math.max(d, Math.abs(i / (double) m - fdt));
            }
            return d;
        }
        double s = 0;
        int i = 0;
        for (int j = 0; j < z.length; j++) {
            while (i < m && sorted[i] <= z[j]) {
                i++;
            }
            double diff = i / (double) m - fd[j];
            if (kind == Kind.CRAMER_VON_MISES) {
                s += p[j] * diff * diff;
            } else if (fd[j] < 1) {
                s += p[j] * diff * diff / (fd[j] * (1 - fd[j]));
            }
        }
        // values above the population's maximum: F_S < 1 = F_D there only at the last point, already counted
        return m * s;
    }

    /** The pooled sample: each point's distinct-value id and the multiplicities. */
    private record Pooled(int[] ids, int[] multiplicity) {
        static Pooled of(double[] x, double[] y) {
            int n = x.length + y.length;
            double[] v = new double[n];
            System.arraycopy(x, 0, v, 0, x.length);
            System.arraycopy(y, 0, v, x.length, y.length);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
            int[] ids = new int[n];
            int distinct = 0;
            for (int k = 0; k < n; k++) {
                if (k > 0 && v[order[k]] != v[order[k - 1]]) {
                    distinct++;
                }
                ids[order[k]] = distinct;
            }
            int[] l = new int[distinct + 1];
            for (int id : ids) {
                l[id]++;
            }
            return new Pooled(ids, l);
        }

        double statistic(Kind kind, int[] chosen) {
            int n = ids.length;
            int m = chosen.length;
            int k = n - m;
            int[] a = new int[multiplicity.length];
            for (int c : chosen) {
                a[ids[c]]++;
            }
            double s = 0;
            long cumA = 0;
            long cumL = 0;
            for (int j = 0; j < multiplicity.length; j++) {
                cumA += a[j];
                cumL += multiplicity[j];
                double f = cumA / (double) m;
                double g = (cumL - cumA) / (double) k;
                double diff = f - g;
                switch (kind) {
                    case KOLMOGOROV_SMIRNOV -> s = Math.max(s, Math.abs(diff));
                    case CRAMER_VON_MISES -> s += multiplicity[j] * diff * diff;
                    case ANDERSON_DARLING -> {
                        double h = cumL / (double) n;
                        if (cumL < n) {
                            s += (multiplicity[j] / (double) n) * diff * diff / (h * (1 - h));
                        }
                    }
                }
            }
            return switch (kind) {
                case KOLMOGOROV_SMIRNOV -> s;
                case CRAMER_VON_MISES -> (double) m * k / ((double) n * n) * s;
                case ANDERSON_DARLING -> (double) m * k / n * s;
            };
        }
    }
}
