package org.foolshap.audit;

import java.util.List;
import java.util.SplittableRandom;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Sample;

/**
 * Beyond the paper: feature-level tests, for an auditor who also holds the group's feature rows. A supplied sample
 * is compared with the group itself, its empirical distribution, never with a subsample of it: per feature, the
 * Kolmogorov-Smirnov distance to the group's column for a numeric feature, Pearson's X^2 against the group's level
 * proportions for a categorical one (every level, however rare; a level the group never takes is as extreme as a
 * statistic gets). P-values are exact Monte Carlo p-values from B honest draws of the group ({@link MonteCarloNull}),
 * adjusted across features by max-T on standardised statistics, so the family's false-positive rate is at most
 * alpha whatever the ties, the sparse levels or the dependence between features. Reweighting the background by outputs alone also shifts the
 * features that drive the outputs, which is what this catches.
 *
 * <p>Why not the earlier tests: a chi-square test pooling levels expected fewer than 5 times still had cells with
 * tiny expected counts (Adult's relationship = Wife occurs for 3 of 32,650 men: one such man in 200 gave p = 0), and
 * comparing each numeric feature with one size-M subsample drawn from the audit's seed made every audit with that
 * seed share one reference, so an unlucky reference flagged many honest samples.
 *
 * <p>Cost: B x (M log M) per numeric and B x M per categorical feature to draw the null (about 0.1 s for Adult's 11
 * features, M = 200, B = 999); {@link #prepare} draws it once for many samples.
 */
public final class FeatureAudit {
    private final double significance;
    private final boolean[] categorical;
    private final List<String> names;
    private final int draws;
    private final boolean replacement;

    private FeatureAudit(double significance, boolean[] categorical, List<String> names, int draws,
                         boolean replacement) {
        this.significance = significance;
        this.categorical = categorical;
        this.names = names;
        this.draws = draws;
        this.replacement = replacement;
    }

    /** alpha = 0.05, all features numeric, named x0, x1, ...; B = 999 draws with replacement (the paper's sampling). */
    public static FeatureAudit withDefaults() {
        return new FeatureAudit(0.05, null, null, 999, true);
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
        return new FeatureAudit(Auditor.checkLevel(alpha), categorical, names, draws, replacement);
    }

    public FeatureAudit withCategorical(boolean[] mask) {
        return new FeatureAudit(significance, mask.clone(), names, draws, replacement);
    }

    public FeatureAudit withNames(List<String> names) {
        return new FeatureAudit(significance, categorical, List.copyOf(names), draws, replacement);
    }

    /** Monte Carlo draws B (p-values are multiples of 1 / (B + 1); choose B + 1 >= 20 / alpha). */
    public FeatureAudit withDraws(int draws) {
        Permutations.checkCount("Monte Carlo draws", draws);
        return new FeatureAudit(significance, categorical, names, draws, replacement);
    }

    /** Whether honest samples are drawn with replacement (the paper's protocol, default) or without. */
    public FeatureAudit withReplacement(boolean replacement) {
        return new FeatureAudit(significance, categorical, names, draws, replacement);
    }

    public double significance() {
        return significance;
    }

    /** The categorical mask, or null when every feature is numeric. */
    boolean[] categorical() {
        return categorical == null ? null : categorical.clone();
    }

    /** The feature names, or null for x0, x1, .... */
    List<String> names() {
        return names;
    }

    int draws() {
        return draws;
    }

    boolean replacement() {
        return replacement;
    }

    /** One outcome per feature, adjusted p-values at level alpha; detected when any rejects. */
    public AuditVerdict audit(double[][] group, double[][] sample, long seed) {
        return audit(group, sample, new SplittableRandom(seed));
    }

    public AuditVerdict audit(double[][] group, double[][] sample, SplittableRandom rng) {
        Kernels.checkRows("sample", sample);
        return prepare(group, sample.length, rng).audit(sample);
    }

    /** Draws the null once for samples of {@code m} rows of this group; the result audits many samples. */
    public Prepared prepare(double[][] group, int m, SplittableRandom rng) {
        check("group", group);
        int d = group[0].length;
        if (categorical != null && categorical.length != d) {
            throw new IllegalArgumentException("the categorical mask has " + categorical.length + " entries for " + d
                    + " features");
        }
        if (names != null && names.size() != d) {
            throw new IllegalArgumentException(names.size() + " feature names for " + d + " features");
        }
        FeatureStatistics stats = new FeatureStatistics(group, categorical, names);
        return new Prepared(MonteCarloNull.draw(List.of(stats), null, new int[] {group.length}, new int[] {m}, draws,
                replacement, rng), d, significance);
    }

    /** The feature tests with their null drawn, for samples of one size. Immutable. */
    public static final class Prepared {
        private final MonteCarloNull nullDistribution;
        private final int width;
        private final double significance;

        private Prepared(MonteCarloNull nullDistribution, int width, double significance) {
            this.nullDistribution = nullDistribution;
            this.width = width;
            this.significance = significance;
        }

        /** The verdict on one supplied sample of the prepared size. */
        public AuditVerdict audit(double[][] sample) {
            check("sample", sample);
            if (sample[0].length != width) {
                throw new IllegalArgumentException("the sample has " + sample[0].length + " features, the group "
                        + width);
            }
            double[] t = nullDistribution.observe(java.util.Collections.singletonList(sample),
                    java.util.Collections.singletonList((double[]) null));
            return nullDistribution.test(t, significance);
        }
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
