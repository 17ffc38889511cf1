package org.foolshap.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.foolshap.Progress;

/**
 * Beyond the paper: which audit catches which attack. For each lambda (its background weights, e.g. from the attack's
 * sweep) and each sample size M, draws R pairs (S_0' uniform from D_0, S_1' from the weights) and records how often
 * each test rejects: the paper's six tests one by one and together ("paper"), the duplicate-rows test on S_1' (on
 * row identity when the background's rows are known: {@link DuplicateTest#prepare}), and,
 * when the auditor holds the background's features, the feature-level family. Every family runs at the auditor's
 * significance. Seeded; O(lambdas x Ms x R) audits. {@link #run(FullAudit, org.foolshap.attack.SweepResult, int, int)}
 * does the same for every family of a full audit.
 */
public final class DetectionPower {
    private final int repeats;
    private final long seed;
    private final FeatureAudit features;
    private final double[][] backgroundRows;
    private final Progress progress;
    private final List<List<AuditFamily>> batteries;

    private DetectionPower(int repeats, long seed, FeatureAudit features, double[][] backgroundRows,
                           Progress progress, List<List<AuditFamily>> batteries) {
        this.repeats = repeats;
        this.seed = seed;
        this.features = features;
        this.backgroundRows = backgroundRows;
        this.progress = progress;
        this.batteries = batteries;
    }

    /** R = 100, seed 0, no feature tests. */
    public static DetectionPower withDefaults() {
        return new DetectionPower(100, 0, null, null, Progress.ambient(), List.of());
    }

    public DetectionPower withRepeats(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        return new DetectionPower(repeats, seed, features, backgroundRows, progress, batteries);
    }

    public DetectionPower withSeed(long seed) {
        return new DetectionPower(repeats, seed, features, backgroundRows, progress, batteries);
    }

    /** Adds the feature-level family, run on the drawn rows of {@code backgroundRows} (D_1's features). */
    public DetectionPower withFeatures(FeatureAudit audit, double[][] backgroundRows) {
        return new DetectionPower(repeats, seed, audit, backgroundRows, progress, batteries);
    }

    /**
     * Smaller batteries whose detection rates {@link #run(FullAudit, org.foolshap.attack.SweepResult, int, int)} also
     * reports, each family of a battery at alpha / its size, from the same audits.
     */
    @SafeVarargs
    public final DetectionPower withBatteries(List<AuditFamily>... batteries) {
        return new DetectionPower(repeats, seed, features, backgroundRows, progress, List.of(batteries));
    }

    public DetectionPower withProgress(Progress progress) {
        return new DetectionPower(repeats, seed, features, backgroundRows, progress, batteries);
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
        // one feature null per M, shared by every lambda and draw
        FeatureAudit.Prepared[] featureNull = new FeatureAudit.Prepared[ms.length];
        if (features != null) {
            SplittableRandom nullRng = root.split();
            for (int k = 0; k < ms.length; k++) {
                featureNull[k] = features.withSignificance(auditor.significance()).prepare(backgroundRows, ms[k],
                        nullRng);
            }
        }
        // the duplicate test counts repeated rows, not repeated indices: identical background rows are one identity
        // (each index its own when the rows are not known)
        int[] identities = backgroundRows != null ? DuplicateTest.identities(backgroundRows)
                : java.util.stream.IntStream.range(0, n1).toArray();
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
                DuplicateTest.Prepared duplicates = DuplicateTest.prepare("S_1'", identities, m,
                        auditor.significance(), rng.nextLong());
                int[] hits = new int[tests.size()];
                for (int r = 0; r < repeats; r++) {
                    double[] s0 = Draws.pick(f0, Draws.uniform(f0.length, m, rng));
                    int[] rows = Draws.fromCumulative(cum, m, rng);
                    AuditVerdict v = auditor.audit(s0, Draws.pick(f1, rows), rng);
                    for (int t = 0; t < 6; t++) {
                        hits[tests.indexOf(v.tests().get(t).name())] += v.tests().get(t).reject() ? 1 : 0;
                    }
                    hits[6] += v.detected() ? 1 : 0;
                    hits[7] += duplicates.test(rows).reject() ? 1 : 0;
                    if (features != null) {
                        hits[8] += featureNull[k].audit(Draws.pick(backgroundRows, rows)).detected() ? 1 : 0;
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

    /**
     * Every family of a full audit against a sweep's samplers, on the auditor's setting: for every {@code every}-th
     * lambda, R pairs (S_0' uniform from D_0, S_1' drawn from the lambda's weights, both with replacement, M rows)
     * audited by each family. The audit is prepared once (one Monte Carlo null per family, shared by every draw).
     * Rows: each family on its own at the total alpha, then "all" (alpha split between the families), then each
     * battery of {@link #withBatteries} (alpha split between its families).
     */
    public PowerTable run(FullAudit audit, org.foolshap.attack.SweepResult sweep, int every, int m) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every);
        }
        var setting = audit.auditor().setting().orElseThrow(() -> new IllegalStateException(
                "this auditor has no audit setting: build it with Auditor.of(model, setting)"));
        var points = sweep.points();
        int n = (points.size() + every - 1) / every;
        double[] lambdas = new double[n];
        double[][] weights = new double[n][];
        for (int k = 0; k < n; k++) {
            lambdas[k] = points.get(k * every).lambda();
            weights[k] = points.get(k * every).weights().weights();
        }
        return run(audit.withFeatureDefaults(setting), setting.rows(org.foolshap.data.Group.FOREGROUND),
                setting.rows(org.foolshap.data.Group.BACKGROUND), lambdas, weights, m);
    }

    /**
     * Every family of a full audit against background samplers given by weights (length |D_1| each).
     *
     * @param d0 the foreground's rows, {@code d1} the background's (the auditor holds their outputs)
     */
    public PowerTable run(FullAudit audit, double[][] d0, double[][] d1, double[] lambdas, double[][] weights, int m) {
        if (lambdas.length != weights.length || lambdas.length == 0) {
            throw new IllegalArgumentException(lambdas.length + " lambdas but " + weights.length + " weight vectors");
        }
        Auditor auditor = audit.auditor();
        double alpha = auditor.significance();
        double[] f0 = auditor.foreground().outputs();
        double[] f1 = auditor.background().outputs();
        SplittableRandom root = new SplittableRandom(seed);
        FullAudit.Prepared prepared = audit.prepare(d0, d1, m, m, root.nextLong());
        List<AuditFamily> families = prepared.families();
        List<String> tests = new ArrayList<>(families.stream().map(AuditFamily::id).toList());
        tests.add("all");
        for (List<AuditFamily> b : batteries) {
            if (!families.containsAll(b)) {
                throw new IllegalArgumentException("the battery " + b + " has families the audit does not run "
                        + families);
            }
            tests.add(Calibration.name(b));
        }
        double[][][] rates = new double[tests.size()][lambdas.length][1];
        for (int l = 0; l < lambdas.length; l++) {
            if (weights[l].length != d1.length) {
                throw new IllegalArgumentException("weights " + l + " have " + weights[l].length + " entries for "
                        + d1.length + " background rows");
            }
            double[] cum = Draws.cumulative(weights[l]);
            SplittableRandom rng = root.split();
            int[] hits = new int[tests.size()];
            for (int r = 0; r < repeats; r++) {
                int[] i0 = Draws.uniform(d0.length, m, rng);
                int[] i1 = Draws.fromCumulative(cum, m, rng);
                double[][] s0 = Draws.pick(d0, i0);
                double[][] s1 = Draws.pick(d1, i1);
                double[] y0 = Draws.pick(f0, i0);
                double[] y1 = Draws.pick(f1, i1);
                boolean any = false;
                AuditVerdict[] verdicts = new AuditVerdict[families.size()];
                for (int k = 0; k < families.size(); k++) {
                    AuditVerdict v = prepared.run(families.get(k), s0, s1, y0, y1, rng.split());
                    verdicts[k] = v;
                    hits[k] += v.detectedAt(alpha) ? 1 : 0;
                    any |= v.detected();
                }
                hits[families.size()] += any ? 1 : 0;
                for (int b = 0; b < batteries.size(); b++) {
                    hits[families.size() + 1 + b] += Calibration.detectedBy(batteries.get(b), families, verdicts,
                            alpha) ? 1 : 0;
                }
            }
            for (int t = 0; t < tests.size(); t++) {
                rates[t][l][0] = hits[t] / (double) repeats;
            }
            progress.update("detection power", l + 1, lambdas.length);
        }
        return new PowerTable(tests, lambdas, new int[] {m}, rates, repeats, alpha);
    }
}
