package org.foolshap.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.foolshap.Progress;

/**
 * Beyond the paper: which audit catches which attack. For each lambda (its background weights, e.g. from the attack's
 * sweep) and each sample size M, draws R pairs (S_0' uniform from D_0, S_1' from the weights) and records how often
 * each test rejects: the paper's six tests one by one and together ("paper"), the duplicate-rows test on S_1', and,
 * when the auditor holds the background's features, the feature-level family. Every family runs at the auditor's
 * significance. Seeded; O(lambdas x Ms x R) audits.
 */
public final class DetectionPower {
    private final int repeats;
    private final long seed;
    private final FeatureAudit features;
    private final double[][] backgroundRows;
    private final Progress progress;

    private DetectionPower(int repeats, long seed, FeatureAudit features, double[][] backgroundRows,
                           Progress progress) {
        this.repeats = repeats;
        this.seed = seed;
        this.features = features;
        this.backgroundRows = backgroundRows;
        this.progress = progress;
    }

    /** R = 100, seed 0, no feature tests. */
    public static DetectionPower withDefaults() {
        return new DetectionPower(100, 0, null, null, Progress.ambient());
    }

    public DetectionPower withRepeats(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        return new DetectionPower(repeats, seed, features, backgroundRows, progress);
    }

    public DetectionPower withSeed(long seed) {
        return new DetectionPower(repeats, seed, features, backgroundRows, progress);
    }

    /** Adds the feature-level family, run on the drawn rows of {@code backgroundRows} (D_1's features). */
    public DetectionPower withFeatures(FeatureAudit audit, double[][] backgroundRows) {
        return new DetectionPower(repeats, seed, audit, backgroundRows, progress);
    }

    public DetectionPower withProgress(Progress progress) {
        return new DetectionPower(repeats, seed, features, backgroundRows, progress);
    }

    /**
     * Power against a sweep's own samplers: every {@code every}-th lambda of the sweep (1 = all) with its weights,
     * at each M. When the auditor has an audit setting ({@code Auditor.of(model, setting)}) the feature family runs
     * on its background rows with its categorical mask and names, unless {@link #withFeatures} set another.
     */
    public PowerTable run(Auditor auditor, org.foolshap.attack.SweepResult sweep, int every, int... ms) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every);
        }
        var points = sweep.points();
        int n = (points.size() + every - 1) / every;
        double[] lambdas = new double[n];
        double[][] weights = new double[n][];
        for (int k = 0; k < n; k++) {
            lambdas[k] = points.get(k * every).lambda();
            weights[k] = points.get(k * every).weights().weights();
        }
        return withSettingFeatures(auditor).run(auditor, lambdas, weights, ms);
    }

    /**
     * The same tests on honest samples (uniform weights on the background, the limit lambda -> infinity, labelled
     * lambda = +Infinity): each family should fire about alpha of the time; more means it is miscalibrated.
     */
    public PowerTable runHonest(Auditor auditor, int... ms) {
        double[] uniform = new double[auditor.backgroundSize()];
        java.util.Arrays.fill(uniform, 1.0 / uniform.length);
        return withSettingFeatures(auditor).run(auditor, new double[] {Double.POSITIVE_INFINITY}, new double[][] {uniform}, ms);
    }

    /** With the feature family of the auditor's setting, unless one was set. */
    private DetectionPower withSettingFeatures(Auditor auditor) {
        if (features != null || auditor.setting().isEmpty()) {
            return this;
        }
        var setting = auditor.setting().get();
        return withFeatures(FeatureAudit.of(setting), setting.rows(org.foolshap.data.Group.BACKGROUND));
    }

    /**
     * @param auditor  holds f(D_0), f(D_1) and the significance
     * @param lambdas  labels of the samplers (any numbers; the attack's lambdas)
     * @param weights  {@code weights[l]} = the background weights at lambda l (length |D_1|)
     * @param ms       the sample sizes M to try
     */
    public PowerTable run(Auditor auditor, double[] lambdas, double[][] weights, int[] ms) {
        if (lambdas.length != weights.length || lambdas.length == 0) {
            throw new IllegalArgumentException(lambdas.length + " lambdas but " + weights.length + " weight vectors");
        }
        int n1 = auditor.backgroundSize();
        if (backgroundRows != null && backgroundRows.length != n1) {
            throw new IllegalArgumentException("the auditor holds " + n1 + " background outputs but "
                    + backgroundRows.length + " background rows were given");
        }
        List<String> tests = new ArrayList<>(List.of("Wald D_0", "KS-1 D_0", "KS-2 D_0", "Wald D_1", "KS-1 D_1",
                "KS-2 D_1", "paper", "duplicates S_1'"));
        if (features != null) {
            tests.add("features S_1'");
        }
        double[][][] rates = new double[tests.size()][lambdas.length][ms.length];
        double[] f0 = auditor.foreground().outputs();
        double[] f1 = auditor.background().outputs();
        SplittableRandom root = new SplittableRandom(seed);
        long total = (long) lambdas.length * ms.length;
        long done = 0;
        for (int l = 0; l < lambdas.length; l++) {
            if (weights[l].length != n1) {
                throw new IllegalArgumentException("weights " + l + " have " + weights[l].length + " entries for "
                        + n1 + " background rows");
            }
            double[] cum = Draws.cumulative(weights[l]);
            for (int k = 0; k < ms.length; k++) {
                int m = ms[k];
                if (m < 1) {
                    throw new IllegalArgumentException("M must be at least 1, got " + m);
                }
                SplittableRandom rng = root.split();
                int[] hits = new int[tests.size()];
                for (int r = 0; r < repeats; r++) {
                    double[] s0 = Draws.pick(f0, Draws.uniform(f0.length, m, rng));
                    int[] rows = Draws.fromCumulative(cum, m, rng);
                    AuditVerdict v = auditor.audit(s0, Draws.pick(f1, rows), rng);
                    for (int t = 0; t < 6; t++) {
                        hits[tests.indexOf(v.tests().get(t).name())] += v.tests().get(t).reject() ? 1 : 0;
                    }
                    hits[6] += v.detected() ? 1 : 0;
                    hits[7] += DuplicateTest.indices("S_1'", rows, n1, auditor.significance()).reject() ? 1 : 0;
                    if (features != null) {
                        hits[8] += features.audit(backgroundRows, Draws.pick(backgroundRows, rows), rng).detected()
                                ? 1 : 0;
                    }
                }
                for (int t = 0; t < tests.size(); t++) {
                    rates[t][l][k] = hits[t] / (double) repeats;
                }
                progress.update("detection power", ++done, total);
            }
        }
        return new PowerTable(tests, lambdas, ms, rates, repeats, auditor.significance());
    }
}
