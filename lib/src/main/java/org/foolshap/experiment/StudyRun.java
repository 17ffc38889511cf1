package org.foolshap.experiment;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.foolshap.Progress;
import org.foolshap.attack.AttackResult;
import org.foolshap.attack.BruteForce;
import org.foolshap.attack.FoolShap;
import org.foolshap.attack.GeneticAttack;
import org.foolshap.attack.LambdaGrid;
import org.foolshap.attack.SweepResult;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.Calibration;
import org.foolshap.audit.Draws;
import org.foolshap.audit.Protocol;
import org.foolshap.audit.Rate;
import org.foolshap.data.Dataset;
import org.foolshap.data.Features;
import org.foolshap.data.Split;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.RandomSearch;
import org.foolshap.model.Trainer;
import org.foolshap.model.Training;
import org.foolshap.shap.Explainers;

/**
 * One dataset x model x seed run of a {@link Study}: train on split {@code seed}, then the study's attack prototype
 * completed for this model and seed (attack, baselines, final audit, lambda grid widened at its edges), and the
 * calibration of the audit on honest draws, all under the prototype's {@link Protocol}.
 */
final class StudyRun {
    /** Smile seeds one global generator when training, so concurrent runs train one at a time. */
    private static final Object TRAINING = new Object();

    record Output(ResultRow row, CalibrationRow calibration) {
    }

    private final Study study;
    private final Dataset data;
    private final ModelKind kind;
    private final int seed;
    private final boolean attack;
    private final boolean calibrate;

    StudyRun(Study study, Dataset data, ModelKind kind, int seed, boolean attack, boolean calibrate) {
        this.study = study;
        this.data = data;
        this.kind = kind;
        this.seed = seed;
        this.attack = attack;
        this.calibrate = calibrate;
    }

    String key() {
        return ResultRow.key(data.name(), kind.id(), seed);
    }

    Output execute(Progress progress) {
        long start = System.nanoTime();
        String prefix = key() + " ";
        Progress p = (stage, done, total) -> progress.update(prefix + stage, done, total);
        Split split = data.split(seed);
        Training trained;
        Trainer trainer = Trainer.of(kind).withSeed(seed).withProgress(p);
        synchronized (TRAINING) {
            if (study.tuning() > 0) {
                trainer = RandomSearch.of(study.tuning()).withSeed(seed).withProgress(p).best(trainer, data, split);
            }
            trained = trainer.train(data, split);
        }
        String hyperparameters = hyperparameters(trainer);
        Model model = explained(trained.model(), PaperGrid.scale(data.name(), kind));
        Protocol protocol = study.protocol();
        Features features = data.features();
        double[][] x = data.x();
        double[][] foreground = Draws.pick(x, data.foregroundRows());
        double[][] background = Draws.pick(x, data.backgroundRows());
        if (kind == ModelKind.MLP && study.mlpBackground() > 0 && background.length > study.mlpBackground()) {
            background = subsample(background, study.mlpBackground(), seed);
        }

        CalibrationRow calibration = null;
        if (calibrate) {
            Auditor auditor = Auditor.of(model.outputs(foreground), model.outputs(background))
                    .withSignificance(protocol.significance());
            Rate rate = Calibration.withDefaults().withRepeats(study.calibrationDraws()).withM(protocol.m())
                    .withSeed(seed).withProgress(p).run(auditor);
            calibration = new CalibrationRow(data.name(), kind.id(), seed, rate.trials(), rate.events(),
                    rate.value(), rate.low(), rate.high(), protocol.significance());
        }
        if (!attack) {
            return new Output(null, calibration);
        }

        List<String> names = features.names();
        int sensitive = features.index(data.sensitive());
        boolean[] categorical = new boolean[features.width()];
        for (int i = 0; i < categorical.length; i++) {
            categorical[i] = features.get(i).categorical();
        }
        FoolShap attack = study.attack().withExplainer(new ReusedCoefficients(Explainers.auto(model))).withSeed(seed)
                .withNames(names).withCategorical(categorical).withProgress(p);
        java.util.Optional<LambdaGrid> official = study.officialLambdas()
                ? PaperGrid.officialLambdas(data.name(), kind) : java.util.Optional.empty();
        String gridSource = official.isPresent() ? "official" : "study";
        if (official.isPresent()) {
            attack = attack.withLambdas(official.get());
        }
        // The grid is settled first without the baselines, which do not depend on lambda: the published genetic
        // baseline then runs once per run instead of once per widening (each up to an hour on the exact runs).
        boolean widening = study.lambdaExtensions() > 0 && official.isEmpty() && attack.baselines();
        FoolShap search = widening ? attack.withBaselines(false) : attack;
        AttackResult r = search.attack(foreground, background, sensitive);
        LambdaGrid original = gridOf(r.sweep().lambdas());
        LambdaGrid grid = original;
        int widened = 0;
        for (int k = 0; k < study.lambdaExtensions() && official.isEmpty(); k++) {
            LambdaGrid wider = widen(grid, original, r.sweep());
            if (wider == null) {
                break;
            }
            grid = wider;
            widened++;
            r = search.withLambdas(grid).attack(foreground, background, sensitive);
        }
        if (widening) {
            r = (widened > 0 ? attack.withLambdas(grid) : attack).attack(foreground, background, sensitive);
        }
        String lambdaGrid = gridSource + ":" + grid.lo() + ":" + grid.hi() + ":" + grid.steps()
                + (widened > 0 ? ":widened" + widened : "");
        // the detection rate at lambda*, re-estimated on fresh draws (the sweep's R draws chose lambda*, so their
        // rate is biased low)
        double freshRate = freshDetectionRate(r, study.freshDraws(), seed);
        double phiFull = r.fullPhi()[sensitive];
        String s = names.get(sensitive);
        double before = r.phiBefore();
        double brute = bruteTarget(r.bruteForce());
        double genetic = geneticTarget(r.genetic());
        ResultRow row = new ResultRow(data.name(), kind.id(), seed, foreground.length, background.length,
                parity(model, trained, data, split), before, r.before().rank(s), r.phiAfter(),
                r.after().rank(s), brute, genetic, ResultRow.decrease(before, r.phiAfter()),
                baselineDecrease(before, brute), baselineDecrease(before, genetic), r.lambda(), r.detectionRate(),
                r.detected(), (System.nanoTime() - start) / 1e9,
                r.genetic().map(GeneticAttack.Result::generations).orElse(0),
                r.genetic().map(GeneticAttack.Result::seconds).orElse(0.0), model.scale().label(),
                explainerName(model), hyperparameters, phiFull, ResultRow.decrease(phiFull, r.phiAfter()), freshRate,
                study.freshDraws(), lambdaGrid);
        return new Output(row, calibration);
    }

    /**
     * The log10 grid from the smallest to the largest of {@code lambdas}, with as many steps: exactly the prototype's
     * {@link LambdaGrid} when it was given as one (exponents rounded to 12 decimals to undo {@code log10(10^x)}'s
     * last-bit error).
     */
    static LambdaGrid gridOf(double[] lambdas) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double l : lambdas) {
            min = Math.min(min, l);
            max = Math.max(max, l);
        }
        double lo = exponent(min);
        double hi = exponent(max);
        return new LambdaGrid(lo, hi, lo == hi ? 1 : Math.max(2, lambdas.length));
    }

    private static double exponent(double lambda) {
        return Math.round(Math.log10(lambda) * 1e12) / 1e12;
    }

    /**
     * {@code grid} extended by the span of the study's {@code original} grid past the edge lambda* sits on, at the
     * original density, or null when lambda* is inside the grid. No stealthy lambda at all widens upwards, towards
     * the honest weights.
     */
    static LambdaGrid widen(LambdaGrid grid, LambdaGrid original, SweepResult sweep) {
        int best = sweep.best().orElse(-1);
        int last = sweep.points().size() - 1;
        double span = original.hi() - original.lo();
        if (span <= 0 || (best > 0 && best < last)) {
            return null;
        }
        int steps = grid.steps() + original.steps() - 1;
        if (best == 0) {
            return new LambdaGrid(grid.lo() - span, grid.hi(), steps);
        }
        return new LambdaGrid(grid.lo(), grid.hi() + span, steps);
    }

    /**
     * The trained model as the paper explains it: a boosted model on the probability scale becomes the sigmoid of its
     * log-odds (then explained exactly, not by TreeSHAP); otherwise the model itself.
     */
    static Model explained(Model trained, org.foolshap.model.OutputScale scale) {
        if (scale == trained.scale() || trained.scale() != org.foolshap.model.OutputScale.LOG_ODDS
                || scale != org.foolshap.model.OutputScale.PROBABILITY) {
            return trained;
        }
        return new org.foolshap.model.LogisticOutput(trained); // exact enumeration then takes the trees' fast route
    }

    /**
     * The demographic-parity gap on the scale explained, which sum_i Phi_i estimates: the trained model's own
     * evaluation, unless it is explained through a sigmoid (boosting on the probability), whose gap differs from
     * the margins' (COMPAS's boosted model: about -0.54 in log-odds against -0.1 in probability).
     */
    static double parity(Model explained, Training trained, Dataset data, Split split) {
        return explained == trained.model() ? trained.evaluation().demographicParity()
                : org.foolshap.model.Evaluation.of(explained, data, split).demographicParity();
    }

    /** "treeshap", "linear" or "exact": what {@link Explainers#auto} picks for the model. */
    static String explainerName(Model model) {
        return model instanceof org.foolshap.model.TreeEnsemble ? "treeshap"
                : model instanceof org.foolshap.model.LinearModel ? "linear" : "exact";
    }

    /** The chosen hyperparameters as key=value pairs joined by ';' (no commas: they sit in a CSV field). */
    static String hyperparameters(Trainer trainer) {
        return trainer.describe().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(";"));
    }

    /**
     * Detection rate at the chosen lambda on {@code draws} fresh pairs: S_1' drawn from lambda*'s weights (M rows
     * with replacement) and audited with the attack's fixed S_0', with a generator independent of the sweep's.
     */
    static double freshDetectionRate(AttackResult r, int draws, long seed) {
        double[] cum = Draws.cumulative(r.chosen().weights().weights());
        Auditor auditor = r.auditor();
        double[] f1 = auditor.backgroundOutputs();
        double[] s0 = Draws.pick(auditor.foregroundOutputs(), r.s0());
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 12_345);
        int m = r.s1().length;
        int detected = 0;
        for (int t = 0; t < draws; t++) {
            detected += auditor.detects(s0, Draws.pick(f1, Draws.fromCumulative(cum, m, rng)), rng) ? 1 : 0;
        }
        return detected / (double) draws;
    }

    /** Phi_s of the best undetected brute-force sample; NaN when every tried sample was detected. */
    static double bruteTarget(Optional<BruteForce.Result> b) {
        return b.filter(BruteForce.Result::found).map(BruteForce.Result::target).orElse(Double.NaN);
    }

    /** Phi_s of the best undetected genetic sample; NaN when none was found (or the baselines were off). */
    static double geneticTarget(Optional<GeneticAttack.Result> g) {
        return g.filter(GeneticAttack.Result::found).map(GeneticAttack.Result::target).orElse(Double.NaN);
    }

    /** A baseline that found no undetected sample must show an honest one: no decrease. */
    static double baselineDecrease(double before, double after) {
        return Double.isNaN(after) ? 0 : ResultRow.decrease(before, after);
    }

    /** {@code n} rows drawn uniformly without replacement (partial Fisher-Yates, seeded), in original order. */
    static double[][] subsample(double[][] rows, int n, long seed) {
        int[] idx = new int[rows.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] keep = java.util.Arrays.copyOf(idx, n);
        java.util.Arrays.sort(keep);
        return Draws.pick(rows, keep);
    }
}
