package org.foolshap.attack;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.foolshap.Progress;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.AuditVerdict;
import org.foolshap.audit.Draws;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.audit.Protocol;
import org.foolshap.shap.Attributions;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.GlobalShap;

/**
 * The whole Fool SHAP protocol (paper, Sections 4-5) in one call:
 * <ol>
 *   <li>S_0' = M foreground rows drawn uniformly (seeded);</li>
 *   <li>the coefficients C[j][i] = Phi_i(f, S_0', z_j) on the whole background (one SHAP pass);</li>
 *   <li>the {@link LambdaSweep}: exact weights per lambda, R audited draws each, lambda*;</li>
 *   <li>S_1' = M background rows drawn from the weights at lambda*; SHAP on S_0' x S_1' ("after") and on S_0' x an
 *   honest uniform S_1' ("before");</li>
 *   <li>the final audit of S_0', S_1' at the chosen significance;</li>
 *   <li>optionally the baselines: brute force with the sweep's wall time as budget (the paper's rule; at least 5 s,
 *   or {@link #withBaselineSeconds}), and the genetic attack in its FAST setting (the same budget) or as published
 *   (population 10, 100 generations, early stop after 10 consecutive detections; {@link #withFastGenetic}).</li>
 * </ol>
 * Every random step derives from one seed; progress goes to the listener, nothing is printed.
 *
 * <pre>{@code
 * AttackResult r = FoolShap.of(Explainers.auto(model)).withM(200).withLambdas(LambdaGrid.parse("-0.5:2:20"))
 *         .withRepeats(100).withSignificance(0.05).withSeed(0).attack(women, men, gender);
 * }</pre>
 */
public final class FoolShap {
    private final Explainer explainer;
    private final LambdaSweep sweep;
    private final double significance;
    private final long seed;
    private final boolean baselines;
    private final boolean[] categorical;
    private final List<String> names;
    private final Progress progress;
    private final double baselineSeconds;
    private final boolean fastGenetic;

    private FoolShap(Explainer explainer, LambdaSweep sweep, double significance, long seed, boolean baselines,
                     boolean[] categorical, List<String> names, Progress progress) {
        this(explainer, sweep, significance, seed, baselines, categorical, names, progress, 0, true);
    }

    private FoolShap(Explainer explainer, LambdaSweep sweep, double significance, long seed, boolean baselines,
                     boolean[] categorical, List<String> names, Progress progress, double baselineSeconds,
                     boolean fastGenetic) {
        this.fastGenetic = fastGenetic;
        this.explainer = explainer;
        this.sweep = sweep;
        this.significance = significance;
        this.seed = seed;
        this.baselines = baselines;
        this.categorical = categorical;
        this.names = names;
        this.progress = progress;
        this.baselineSeconds = baselineSeconds;
    }

    /** The paper's settings: M = 200, lambdas 10^-0.5..10^2 (20), R = 100, alpha = 0.05, threshold 10%, seed 0. */
    public static FoolShap of(Explainer explainer) {
        return new FoolShap(explainer, LambdaSweep.withDefaults(), 0.05, 0, true, null, null, Progress.ambient());
    }

    /**
     * The paper's settings without an explainer yet: a prototype to configure once (e.g. in a study) and complete
     * per model with {@link #withExplainer}.
     */
    public static FoolShap withDefaults() {
        return new FoolShap(null, LambdaSweep.withDefaults(), 0.05, 0, true, null, null, Progress.ambient());
    }

    /** The same attack explaining another model (e.g. one prototype, many trained models). */
    public FoolShap withExplainer(Explainer explainer) {
        return new FoolShap(java.util.Objects.requireNonNull(explainer, "explainer"), sweep, significance, seed,
                baselines, categorical, names, progress, baselineSeconds, fastGenetic);
    }

    private FoolShap with(LambdaSweep s) {
        return new FoolShap(explainer, s, significance, seed, baselines, categorical, names, progress, baselineSeconds, fastGenetic);
    }

    /** M, repeats, significance and stealth threshold at once (the paper's: {@link Protocol#paper()}). */
    public FoolShap withProtocol(Protocol protocol) {
        return new FoolShap(explainer, sweep.withProtocol(protocol), protocol.significance(), seed, baselines,
                categorical, names, progress, baselineSeconds, fastGenetic);
    }

    /** The protocol this attack simulates and is audited with. */
    public Protocol protocol() {
        return new Protocol(sweep.m(), sweep.repeats(), significance, sweep.threshold());
    }

    /** The lambda grid the sweep tries. */
    public double[] lambdas() {
        return sweep.lambdas();
    }

    /** The baselines' wall-time budget in seconds; 0 is the paper's rule (the sweep's time, at least 5 s). */
    public double baselineSeconds() {
        return baselineSeconds;
    }

    /** Whether the brute-force and genetic baselines run. */
    public boolean baselines() {
        return baselines;
    }

    /** The sweep's cap on copies of a background row; 0 = none (the paper). */
    public int cap() {
        return sweep.cap();
    }

    public FoolShap withM(int m) {
        return with(sweep.withM(m));
    }

    public FoolShap withLambdas(LambdaGrid grid) {
        return with(sweep.withLambdas(grid));
    }

    public FoolShap withLambdas(double... lambdas) {
        return with(sweep.withLambdas(lambdas));
    }

    public FoolShap withRepeats(int repeats) {
        return with(sweep.withRepeats(repeats));
    }

    public FoolShap withThreshold(double threshold) {
        return with(sweep.withThreshold(threshold));
    }

    /** At most K of N units of weight per background row ({@link CappedWeights}); 0 = none. */
    public FoolShap withCap(int cap) {
        return with(sweep.withCap(cap));
    }

    /** The auditor's total level, used in the sweep and in the final audit. */
    public FoolShap withSignificance(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("the significance must be in (0, 1), got " + alpha);
        }
        return new FoolShap(explainer, sweep, alpha, seed, baselines, categorical, names, progress, baselineSeconds, fastGenetic);
    }

    public FoolShap withSeed(long seed) {
        return new FoolShap(explainer, sweep.withSeed(seed), significance, seed, baselines, categorical, names,
                progress, baselineSeconds, fastGenetic);
    }

    /**
     * Wall-time budget of each baseline in seconds; 0 (default) gives each the sweep's own time (the paper's rule),
     * at least 5 seconds so that the genetic attack sees a few generations.
     */
    public FoolShap withBaselineSeconds(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("the baseline budget must be >= 0 seconds, got " + seconds);
        }
        return new FoolShap(explainer, sweep, significance, seed, baselines, categorical, names, progress, seconds,
                fastGenetic);
    }

    /**
     * The genetic baseline's setting: false is the published one ({@link GeneticAttack#withDefaults()}: population
     * 10, 100 generations, stop after 10 consecutive detections, no time limit), which the reproduction
     * ({@code experiment.Study}) uses; true (the default of a single attack, e.g. in a notebook or the attack
     * command, where the published budget would take minutes) is the FAST setting, the same search stopped after the
     * baseline budget ({@link #withBaselineSeconds}; by default the sweep's time, at least 5 s), which is not the
     * paper's budget.
     */
    public FoolShap withFastGenetic(boolean fast) {
        return new FoolShap(explainer, sweep, significance, seed, baselines, categorical, names, progress,
                baselineSeconds, fast);
    }

    /** Whether the genetic baseline runs in the FAST setting (see {@link #withFastGenetic}). */
    public boolean fastGenetic() {
        return fastGenetic;
    }

    /** Whether to run the brute-force and genetic baselines (default on). */
    public FoolShap withBaselines(boolean on) {
        return new FoolShap(explainer, sweep, significance, seed, on, categorical, names, progress, baselineSeconds, fastGenetic);
    }

    /** Categorical features, held fixed by the genetic baseline. */
    public FoolShap withCategorical(boolean[] mask) {
        return new FoolShap(explainer, sweep, significance, seed, baselines, mask.clone(), names, progress,
                baselineSeconds, fastGenetic);
    }

    /** Feature names for the attributions. */
    public FoolShap withNames(List<String> names) {
        return new FoolShap(explainer, sweep, significance, seed, baselines, categorical, List.copyOf(names), progress,
                baselineSeconds, fastGenetic);
    }

    public FoolShap withProgress(Progress progress) {
        return new FoolShap(explainer, sweep.withProgress(progress), significance, seed, baselines, categorical, names,
                progress, baselineSeconds, fastGenetic);
    }

    /**
     * Attacks Phi_s of the setting's sensitive feature: foreground D_0, background D_1, feature names and the
     * categorical mask (held fixed by the genetic baseline) from the setting unless set here.
     */
    public AttackResult attack(AuditSetting setting) {
        FoolShap a = names == null ? withNames(setting.names()) : this;
        a = categorical == null ? a.withCategorical(setting.categorical()) : a;
        return a.run(setting, setting.sensitiveIndex());
    }

    /**
     * Attacks Phi_s for the foreground (e.g. women) against the background (e.g. men): the lower tier.
     *
     * @param foreground D_0 rows; the audit holds their outputs
     * @param background D_1 rows, the data the cheater reweights
     * @param sensitive  index of the sensitive feature
     */
    public AttackResult attack(double[][] foreground, double[][] background, int sensitive) {
        requireExplainer();
        int d = explainer.model().width();
        Checks.feature("sensitive feature", sensitive, d);
        Checks.matrix("foreground", foreground);
        Checks.matrix("background", background);
        if (foreground[0].length != d || background[0].length != d) {
            throw new IllegalArgumentException("foreground rows have " + foreground[0].length + " and background rows "
                    + background[0].length + " columns but the model takes " + d);
        }
        List<String> n = names != null ? names
                : java.util.stream.IntStream.range(0, d).mapToObj(i -> "x" + i).toList();
        return run(AuditSetting.ofRows(foreground, background, n), sensitive);
    }

    private AttackResult run(AuditSetting setting, int sensitive) {
        requireExplainer();
        long start = System.nanoTime();
        int m = sweep.m();
        StealthySampler sampler = StealthySampler.withDefaults().withM(m);
        sampler.fits("foreground", setting.size(Group.FOREGROUND));
        sampler.fits("background", setting.size(Group.BACKGROUND));
        Auditor auditor = Auditor.of(explainer.model(), setting).withSignificance(significance);
        double[][] foreground = setting.rows(Group.FOREGROUND);
        double[][] background = setting.rows(Group.BACKGROUND);
        double[] f0 = auditor.foregroundOutputs();
        double[] f1 = auditor.backgroundOutputs();

        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom sampling = rng.split();
        int[] s0 = sampler.uniform(foreground.length, sampling);
        double[][] s0Rows = Draws.pick(foreground, s0);
        double[] s0Outputs = Draws.pick(f0, s0);
        double[][] c = explainer.coefficients(s0Rows, background, progress);

        SweepResult sw = sweep.run(c, Coefficients.column(c, sensitive), f1, s0Outputs, auditor, setting.names(),
                setting.names().get(sensitive), explainer.model().scale());
        LambdaPoint chosen = sw.chosen().orElseGet(sw::leastDetected);
        int[] s1 = sampler.biased(chosen.weights().weights(), sampling);
        int[] honest = sampler.uniform(background.length, sampling);
        GlobalShap shap = GlobalShap.of(explainer).withProgress(progress).withNames(setting.names());
        Attributions after = shap.explain(s0Rows, Draws.pick(background, s1));
        Attributions before = shap.explain(s0Rows, Draws.pick(background, honest));
        AuditVerdict verdict = auditor.audit(s0Outputs, Draws.pick(f1, s1), rng.split());

        BruteForce.Result brute = null;
        GeneticAttack.Result genetic = null;
        if (baselines) {
            double budget = baselineSeconds > 0 ? baselineSeconds : Math.max(5, sw.seconds());
            brute = BruteForce.withDefaults().withM(m).withSeconds(budget).withSeed(rng.nextLong())
                    .run(c, sensitive, f1, s0Outputs, auditor);
            GeneticAttack ga = (fastGenetic ? GeneticAttack.fast(budget) : GeneticAttack.withDefaults())
                    .withSeed(rng.nextLong()).withProgress(progress);
            if (categorical != null) {
                ga = ga.withCategorical(categorical);
            }
            genetic = ga.run(explainer, s0Rows, Draws.pick(background, honest), sensitive, auditor);
        }
        return new AttackResult(setting, sensitive, s0, s1, honest, before, after, sw.honestPhi(), sw, chosen,
                verdict, Optional.ofNullable(brute), Optional.ofNullable(genetic), auditor,
                (System.nanoTime() - start) / 1e9);
    }

    private void requireExplainer() {
        if (explainer == null) {
            throw new IllegalStateException("this attack has no explainer yet: call withExplainer(Explainers.auto(model))");
        }
    }

}
