package org.foolshap.audit;

import org.foolshap.data.AuditSetting;
import org.foolshap.data.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * Beyond the paper: feature-level tests, for an auditor who also holds the group's feature data. Per feature j:
 * numeric features get the exact two-sample KS test ({@link ExactKs}) of S'[:, j] against a fresh uniform size-M
 * subsample of D[:, j] (as the paper's output tests do); categorical features get a chi-square goodness-of-fit test
 * of S''s level counts against D's level proportions, pooling levels expected fewer than 5 times into one cell (a
 * level absent from D gives p = 0). Each test runs at alpha / d (Bonferroni), so the family has level alpha.
 * Reweighting the background by outputs alone also shifts the features that drive the outputs, which is what this
 * catches.
 */
public final class FeatureAudit {
    private final double significance;
    private final boolean[] categorical;
    private final List<String> names;

    private FeatureAudit(double significance, boolean[] categorical, List<String> names) {
        this.significance = significance;
        this.categorical = categorical;
        this.names = names;
    }

    /** alpha = 0.05, all features numeric, features named x0, x1, .... */
    public static FeatureAudit withDefaults() {
        return new FeatureAudit(0.05, null, null);
    }

    /** Categorical mask and names from an audit setting, alpha = 0.05. */
    public static FeatureAudit of(AuditSetting setting) {
        return withDefaults().withCategorical(setting.categorical()).withNames(setting.names());
    }

    /** Tests a supplied sample against its own group of the setting (D_0 for S_0', D_1 for S_1'). */
    public AuditVerdict audit(AuditSetting setting, Sample sample, long seed) {
        return audit(setting.rows(sample.group()), sample.rows(), new SplittableRandom(seed));
    }

    public FeatureAudit withSignificance(double alpha) {
        return new FeatureAudit(Auditor.checkLevel(alpha), categorical, names);
    }

    public FeatureAudit withCategorical(boolean[] mask) {
        return new FeatureAudit(significance, mask.clone(), names);
    }

    public FeatureAudit withNames(List<String> names) {
        return new FeatureAudit(significance, categorical, List.copyOf(names));
    }

    /** One outcome per feature; detected when any rejects. */
    public AuditVerdict audit(double[][] group, double[][] sample, long seed) {
        return audit(group, sample, new SplittableRandom(seed));
    }

    public AuditVerdict audit(double[][] group, double[][] sample, SplittableRandom rng) {
        check("group", group);
        check("sample", sample);
        int d = group[0].length;
        if (sample[0].length != d) {
            throw new IllegalArgumentException("the sample has " + sample[0].length + " features, the group " + d);
        }
        if (categorical != null && categorical.length != d) {
            throw new IllegalArgumentException("the categorical mask has " + categorical.length + " entries for " + d
                    + " features");
        }
        if (names != null && names.size() != d) {
            throw new IllegalArgumentException(names.size() + " feature names for " + d + " features");
        }
        double level = significance / d;
        int m = sample.length;
        int[] ref = Draws.uniform(group.length, m, rng);
        List<TestOutcome> out = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            String name = "feature " + (names == null ? "x" + j : names.get(j));
            double[] s = column(sample, j, null);
            if (categorical != null && categorical[j]) {
                double[] stat = chiSquare(column(group, j, null), s);
                out.add(TestOutcome.of(name, stat[0], stat[1], level));
            } else {
                ExactKs.Result r = ExactKs.test(s, column(group, j, ref));
                out.add(TestOutcome.of(name, r.statistic(), r.pValue(), level));
            }
        }
        return AuditVerdict.of(out, significance);
    }

    /** {statistic, p-value} of the goodness of fit of the sample's levels to the group's proportions. */
    static double[] chiSquare(double[] group, double[] sample) {
        Map<Double, long[]> counts = new LinkedHashMap<>();
        for (double v : group) {
            counts.computeIfAbsent(v, k -> new long[2])[0]++;
        }
        for (double v : sample) {
            long[] c = counts.get(v);
            if (c == null) {
                return new double[] {Double.POSITIVE_INFINITY, 0}; // a level the group never takes
            }
            c[1]++;
        }
        double m = sample.length;
        double n = group.length;
        List<double[]> cells = new ArrayList<>();
        double pooledExpected = 0;
        long pooledObserved = 0;
        for (long[] c : counts.values()) {
            double e = m * c[0] / n;
            if (e < 5) {
                pooledExpected += e;
                pooledObserved += c[1];
            } else {
                cells.add(new double[] {e, c[1]});
            }
        }
        if (pooledExpected > 0) {
            cells.add(new double[] {pooledExpected, pooledObserved});
        }
        if (cells.size() < 2) {
            return new double[] {0, 1};
        }
        double[] expected = new double[cells.size()];
        long[] observed = new long[cells.size()];
        for (int k = 0; k < cells.size(); k++) {
            expected[k] = cells.get(k)[0];
            observed[k] = (long) cells.get(k)[1];
        }
        var r = ChiSquareTest.withDefaults().test(expected, observed);
        return new double[] {r.getStatistic(), r.getPValue()};
    }

    private static double[] column(double[][] rows, int j, int[] pick) {
        int n = pick == null ? rows.length : pick.length;
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            c[k] = rows[pick == null ? k : pick[k]][j];
        }
        return c;
    }

    private static void check(String what, double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("the " + what + " rows are empty");
        }
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != rows[0].length) {
                throw new IllegalArgumentException(what + " row " + r + " has " + rows[r].length + " values, row 0 has "
                        + rows[0].length);
            }
            for (int j = 0; j < rows[r].length; j++) {
                if (Double.isNaN(rows[r][j])) {
                    throw new IllegalArgumentException(what + " row " + r + " has NaN in column " + j);
                }
            }
        }
    }

}
