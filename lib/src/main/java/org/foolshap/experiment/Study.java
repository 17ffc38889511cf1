package org.foolshap.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.foolshap.Progress;
import org.foolshap.attack.FoolShap;
import org.foolshap.audit.Protocol;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.model.ModelKind;

/**
 * The paper's experiment grid (Section 5, Figure 5) as one immutable object: datasets x models x seeds, each run
 * being {@link StudyRun}: split, train on the seed's training rows, honest SHAP on a uniform S_0' x S_1',
 * coefficients on the FULL background, the lambda sweep, the Fool SHAP sample, the brute-force and genetic
 * baselines with the sweep's time budget, and the final audit. Each finished run appends a {@link ResultRow} to
 * results.csv and (optionally) a {@link CalibrationRow} to calibration.csv: re-running skips the runs already there.
 * The settings those rows depend on ({@link #settings()}) are recorded in settings.json beside them, and a study with
 * other settings refuses to resume there ({@link SettingsChanged}) rather than mix rows of two protocols.
 *
 * <p>Settings are declared once. The audit {@link Protocol} (M, repeats, significance, stealth threshold) and the
 * attack's own settings (lambda grid, baseline budget, baselines on or off, cap) live in an attack prototype,
 * {@link FoolShap#withDefaults()} by default; every run completes it with its model's explainer and replaces its
 * seed, feature names, categorical mask and progress listener. The study itself holds only the grid and how to run
 * it: datasets, models, seeds, data directory, threads, the MLP background cap, calibration draws and lambda-grid
 * extensions.
 *
 * <p>A study plans before it executes: {@link #plan} reads results.csv (and calibration.csv), loads the datasets
 * and lists the runs to do, the runs resumed and the skips with their reasons, without computing anything;
 * {@link #execute} then does the plan's runs.
 *
 * <pre>{@code
 * Study study = Study.withDefaults().withDatasets(List.of("compas")).withModels(List.of(ModelKind.RF))
 *         .withSeeds(List.of(0, 1)).withDataDir(Path.of("data"))
 *         .withAttack(FoolShap.withDefaults().withProtocol(Protocol.paper().withRepeats(30))
 *                 .withLambdas(new LambdaGrid(0, 2, 5)).withBaselineSeconds(1));
 * Plan plan = study.plan(new ResultsFile(out.resolve("results.csv")),
 *         new CalibrationFile(out.resolve("calibration.csv")));   // a table: what will run, what is resumed, why skipped
 * Study.Outcome o = study.execute(plan);                        // progress to Progress.ambient()
 * }</pre>
 *
 * <p>Determinism: every random step of a run derives from its seed (split, model, S_0', sweep, S_1', audits), so
 * the Fool SHAP columns are reproducible; the two baselines search within a wall-time budget (the paper's rule), so
 * their results depend on the machine's speed. Training is serialised because Smile seeds a global generator.
 *
 * <p>Cost: one run on Adult with RF takes about a minute on 2 cores, dominated by the sweep's 2,000 audits and the
 * baselines (which get the sweep's time each); the SHAP passes already use every core, hence sequential runs by
 * default ({@link #withThreads}). Planning costs one read of each results file and one load of each dataset that
 * has work left.
 *
 * <p>MLP, and boosting on Adult and COMPAS: explained on the probability with the exact explainer, which needs 2^k
 * model calls per (foreground, background) pair (k = features where the pair differs, up to 11 on Adult), over the
 * full background as the paper (or {@link #withMlpBackground} uniformly drawn rows for the MLP); datasets with more
 * than {@link #MLP_MAX_FEATURES} features are skipped for MLP with a message. See docs/EXPERIMENTS.md for the cost.
 */
public final class Study {
    /** Widest dataset on which the exact explainer of an MLP is attempted (2^16 calls per pair at worst). */
    public static final int MLP_MAX_FEATURES = 16;

    private final List<String> datasets;
    private final List<ModelKind> models;
    private final List<Integer> seeds;
    private final FoolShap attack;
    private final Path dataDir;
    private final int threads;
    private final int mlpBackground;
    private final int calibrationDraws;
    private final int lambdaExtensions;
    private final int tuning;
    private final boolean paperModels;
    private final int freshDraws;
    private final boolean officialLambdas;

    private Study(List<String> datasets, List<ModelKind> models, List<Integer> seeds, FoolShap attack, Path dataDir,
                  int threads, int mlpBackground, int calibrationDraws, int lambdaExtensions, int tuning,
                  boolean paperModels, int freshDraws, boolean officialLambdas) {
        this.tuning = tuning;
        this.paperModels = paperModels;
        this.freshDraws = freshDraws;
        this.officialLambdas = officialLambdas;
        this.datasets = List.copyOf(datasets);
        this.models = List.copyOf(models);
        this.seeds = List.copyOf(seeds);
        this.attack = attack;
        this.dataDir = dataDir;
        this.threads = threads;
        this.mlpBackground = mlpBackground;
        this.calibrationDraws = calibrationDraws;
        this.lambdaExtensions = lambdaExtensions;
    }

    /**
     * The paper's Figure 5 grid: compas, adult, marketing, communities x rf, xgb ({@link PaperGrid#XGB_COLUMN}), mlp
     * (mlp on adult and compas only, {@link #withPaperModels}) x seeds 0-4 = 50 runs, models tuned by a random search
     * of 50 iterations (validation AUC), attacked with {@link FoolShap#withDefaults()} (the paper's
     * {@link Protocol#paper() protocol}: M = 200, R = 100 audits per lambda, significance 0.05, stealthy below 10%;
     * lambdas 10^-0.5..10^2 in 20 steps widened at most twice at their edges; brute force with the sweep's time,
     * the published genetic attack), the detection rate at lambda* re-estimated on 1000 fresh draws, 1000
     * calibration draws per run, the MLP explained over the full background, sequential runs, data found through
     * FOOLSHAP_DATA or the cache.
     */
    public static Study withDefaults() {
        return new Study(PaperGrid.DATASETS, List.of(ModelKind.RF, PaperGrid.XGB_COLUMN, ModelKind.MLP),
                List.of(0, 1, 2, 3, 4), FoolShap.withDefaults().withFastGenetic(false), null, 1, 0, 1000, 2, 50, true,
                1000, false);
    }

    public Study withDatasets(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the study needs at least one dataset");
        }
        Set<String> known = Set.copyOf(Datasets.names());
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("unknown dataset '" + n + "' (choose among "
                        + String.join(", ", Datasets.names()) + ")");
            }
        }
        return new Study(distinct(names), models, seeds, attack, dataDir, threads, mlpBackground, calibrationDraws,
                lambdaExtensions, tuning, paperModels, freshDraws, officialLambdas);
    }

    public Study withModels(List<ModelKind> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("the study needs at least one model");
        }
        return new Study(datasets, distinct(kinds), seeds, attack, dataDir, threads, mlpBackground, calibrationDraws,
                lambdaExtensions, tuning, paperModels, freshDraws, officialLambdas);
    }

    /** Seeds of the runs: each one is the split's, the model's and the attack's seed. */
    public Study withSeeds(List<Integer> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("the study needs at least one seed");
        }
        for (int s : list) {
            if (s < 0) {
                throw new IllegalArgumentException("seeds must be >= 0, got " + s);
            }
        }
        return new Study(datasets, models, distinct(list), attack, dataDir, threads, mlpBackground, calibrationDraws,
                lambdaExtensions, tuning, paperModels, freshDraws, officialLambdas);
    }

    /**
     * The audit protocol of every run (sweep, final audit, calibration): shorthand for
     * {@code withAttack(attack().withProtocol(protocol))}, so the prototype's other settings are kept.
     */
    public Study withProtocol(Protocol protocol) {
        return withAttack(attack.withProtocol(Objects.requireNonNull(protocol, "protocol")));
    }

    /**
     * The attack every run derives from, protocol included ({@link FoolShap#protocol()}): e.g.
     * {@code FoolShap.withDefaults().withProtocol(p).withLambdas(grid).withBaselineSeconds(1)}. Per run its explainer
     * becomes the trained model's ({@code Explainers.auto}), and its seed, feature names, categorical mask and
     * progress listener are replaced by the run's; an explainer already set is ignored.
     */
    public Study withAttack(FoolShap prototype) {
        return new Study(datasets, models, seeds, Objects.requireNonNull(prototype, "prototype"), dataDir, threads,
                mlpBackground, calibrationDraws, lambdaExtensions, tuning, paperModels, freshDraws, officialLambdas);
    }

    /** Where the raw files are (a directory with the files or with {@code <name>/}); null: FOOLSHAP_DATA, cache. */
    public Study withDataDir(Path dir) {
        return new Study(datasets, models, seeds, attack, dir, threads, mlpBackground, calibrationDraws,
                lambdaExtensions, tuning, paperModels, freshDraws, officialLambdas);
    }

    /**
     * Runs in parallel (>= 1). Each run's SHAP passes already use every core and a run on Adult holds a few hundred
     * MB, so more than one thread only helps on machines with many cores and idle time in the audits.
     */
    public Study withThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + count);
        }
        return new Study(datasets, models, seeds, attack, dataDir, count, mlpBackground, calibrationDraws,
                lambdaExtensions, tuning, paperModels, freshDraws, officialLambdas);
    }

    /**
     * Background rows kept (uniformly, seeded) for MLP runs, whose exact SHAP costs 2^k calls per pair (>= M); 0
     * (default) keeps the full background, as the paper.
     */
    public Study withMlpBackground(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("the MLP background cap must be >= 0 rows (0 = all), got " + rows);
        }
        return new Study(datasets, models, seeds, attack, dataDir, threads, rows, calibrationDraws, lambdaExtensions, tuning, paperModels, freshDraws, officialLambdas);
    }

    /** Honest draws audited per run for calibration.csv (at the protocol's M and significance); 0 turns it off. */
    public Study withCalibrationDraws(int draws) {
        if (draws < 0) {
            throw new IllegalArgumentException("calibration draws must be >= 0, got " + draws);
        }
        return new Study(datasets, models, seeds, attack, dataDir, threads, mlpBackground, draws, lambdaExtensions, tuning, paperModels, freshDraws, officialLambdas);
    }

    /**
     * How many times a run may widen its lambda grid when lambda* lands on the grid's edge (default 2; 0 = the
     * prototype's fixed grid). lambda multiplies a distance between model outputs, whose scale depends on the output
     * (probabilities for rf, log-odds for gbt), so a grid that suits one model can be too narrow for another: when
     * lambda* is the smallest lambda (a more aggressive one might still be stealthy) the grid is extended by its own
     * span (in log10) below, when it is the largest (or no lambda is stealthy) by its span above, at the same
     * density, and the run is repeated with the wider grid. The span is read from the lambdas the prototype's sweep
     * used (its smallest and largest); lambdas given as a list rather than a log grid are widened as the log grid
     * with the same ends and count.
     */
    public Study withLambdaExtensions(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("lambda extensions must be >= 0, got " + count);
        }
        return new Study(datasets, models, seeds, attack, dataDir, threads, mlpBackground, calibrationDraws, count, tuning, paperModels, freshDraws, officialLambdas);
    }

    public int lambdaExtensions() {
        return lambdaExtensions;
    }

    /**
     * Random-search iterations per run (the paper: 50, scored by AUC on a validation split of the training rows,
     * {@link org.foolshap.model.RandomSearch}); 0 trains the default hyperparameters. The chosen ones are recorded in
     * each row.
     */
    public Study withTuning(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("tuning iterations must be >= 0, got " + iterations);
        }
        return new Study(datasets, models, seeds, attack, dataDir, threads, mlpBackground, calibrationDraws,
                lambdaExtensions, iterations, paperModels, freshDraws, officialLambdas);
    }

    public int tuning() {
        return tuning;
    }

    /**
     * Whether only the paper's Figure 5 pairs run (default): mlp on adult and compas only, as in the paper
     * ({@link PaperGrid#inFigure5}); other pairs are skipped with that reason. False runs every dataset x model.
     */
    public Study withPaperModels(boolean on) {
        return new Study(datasets, models, seeds, attack, dataDir, threads, mlpBackground, calibrationDraws,
                lambdaExtensions, tuning, on, freshDraws, officialLambdas);
    }

    public boolean paperModels() {
        return paperModels;
    }

    /** Fresh biased draws on which each run re-estimates the detection rate at lambda* (>= 1; default 1000). */
    public Study withFreshDraws(int draws) {
        if (draws < 1) {
            throw new IllegalArgumentException("fresh draws must be at least 1, got " + draws);
        }
        return new Study(datasets, models, seeds, attack, dataDir, threads, mlpBackground, calibrationDraws,
                lambdaExtensions, tuning, paperModels, draws, officialLambdas);
    }

    public int freshDraws() {
        return freshDraws;
    }

    /**
     * The official per-configuration lambda grids ({@link PaperGrid#officialLambdas}) instead of the prototype's grid
     * where the official scripts give one (default off: the prototype's grid, widened at its edges). Each row says
     * which grid it used (lambda_grid).
     */
    public Study withOfficialLambdas(boolean on) {
        return new Study(datasets, models, seeds, attack, dataDir, threads, mlpBackground, calibrationDraws,
                lambdaExtensions, tuning, paperModels, freshDraws, on);
    }

    public boolean officialLambdas() {
        return officialLambdas;
    }

    public List<String> datasets() {
        return datasets;
    }

    public List<ModelKind> models() {
        return models;
    }

    public List<Integer> seeds() {
        return seeds;
    }

    /** The attack prototype every run derives from (see {@link #withAttack}). */
    public FoolShap attack() {
        return attack;
    }

    /** The audit protocol, declared once in the attack prototype. */
    public Protocol protocol() {
        return attack.protocol();
    }

    public Path dataDir() {
        return dataDir;
    }

    public int threads() {
        return threads;
    }

    public int mlpBackground() {
        return mlpBackground;
    }

    public int calibrationDraws() {
        return calibrationDraws;
    }

    /** Number of dataset x model x seed runs in the grid. */
    public int size() {
        return datasets.size() * models.size() * seeds.size();
    }

    /**
     * The settings every row of this study depends on, as text in a fixed order: m, repeats, significance,
     * stealth_threshold, lambdas (values, {@code LO:HI:STEPS} when log-spaced), lambda_extensions, baselines,
     * baseline_seconds, cap, mlp_background, calibration_draws, genetic, tuning, paper_models, fresh_draws,
     * official_lambdas, xgb_column. Not the grid (datasets, models, seeds), which chooses
     * rows, nor threads. A resumed study must have the settings its folder's settings.json records ({@link #plan}).
     */
    public Map<String, String> settings() {
        Protocol p = protocol();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("m", Integer.toString(p.m()));
        m.put("repeats", Integer.toString(p.repeats()));
        m.put("significance", Double.toString(p.significance()));
        m.put("stealth_threshold", Double.toString(p.stealthThreshold()));
        m.put("lambdas", lambdaText(attack.lambdas()));
        m.put("lambda_extensions", Integer.toString(lambdaExtensions));
        m.put("baselines", Boolean.toString(attack.baselines()));
        m.put("baseline_seconds", Double.toString(attack.baselineSeconds()));
        m.put("cap", Integer.toString(attack.cap()));
        m.put("mlp_background", mlpBackground == 0 ? "all" : Integer.toString(mlpBackground));
        m.put("calibration_draws", Integer.toString(calibrationDraws));
        m.put("genetic", attack.fastGenetic() ? "fast" : "published");
        m.put("tuning", Integer.toString(tuning));
        m.put("paper_models", Boolean.toString(paperModels));
        m.put("fresh_draws", Integer.toString(freshDraws));
        m.put("official_lambdas", Boolean.toString(officialLambdas));
        m.put("xgb_column", PaperGrid.XGB_COLUMN.id());
        return m;
    }

    /** {@code LO:HI:STEPS} in values (6 significant digits) for a log-spaced list, the whole list otherwise. */
    static String lambdaText(double[] lambdas) {
        int n = lambdas.length;
        boolean logSpaced = true;
        for (int k = 0; k < n && n > 1; k++) {
            double expected = Math.pow(10, Math.log10(lambdas[0])
                    + (Math.log10(lambdas[n - 1]) - Math.log10(lambdas[0])) * k / (n - 1));
            logSpaced &= Math.abs(lambdas[k] - expected) <= 1e-9 * expected;
        }
        if (logSpaced) {
            return number(lambdas[0]) + ":" + number(lambdas[n - 1]) + ":" + n;
        }
        return java.util.Arrays.stream(lambdas).mapToObj(Study::number)
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** Six significant digits, without trailing zeros: 0.316228, 100. */
    private static String number(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /**
     * A results folder holds rows computed with other settings than this study's ({@link #settings()}); resuming would
     * mix them. {@link #changes()} says which, with the recorded value ({@code null} when the folder has rows but no
     * settings.json, i.e. an older version wrote it) and this study's.
     */
    public static final class SettingsChanged extends IllegalArgumentException {
        /** One setting whose recorded value differs from this study's. */
        public record Change(String setting, String recorded, String now) {
        }

        private final transient List<Change> changes;
        private final Path folder;

        SettingsChanged(Path folder, List<Change> changes) {
            super(message(folder, changes));
            this.folder = folder;
            this.changes = List.copyOf(changes);
        }

        public List<Change> changes() {
            return changes;
        }

        /** The folder of results.csv. */
        public Path folder() {
            return folder;
        }

        private static String message(Path folder, List<Change> changes) {
            if (changes.stream().anyMatch(c -> c.recorded() == null)) {
                return "the results in " + folder + " do not record their settings (no settings.json); resuming "
                        + "could mix settings, so choose another output folder";
            }
            return "the results in " + folder + " were computed with other settings: " + changes.stream()
                    .map(c -> c.setting() + " " + c.recorded() + " (now " + c.now() + ")")
                    .collect(java.util.stream.Collectors.joining(", "))
                    + "; resume with the recorded settings, or choose another output folder";
        }
    }

    /** A dataset (model null) or a dataset x model pair that will not run, and why. */
    public record Skip(String dataset, String model, String reason) {
        @Override
        public String toString() {
            return "skipped " + dataset + (model == null ? "" : " x " + model) + ": " + reason;
        }
    }

    /**
     * What a call to {@link #execute} (or {@link #run}) did.
     *
     * @param rows    every row of the grid now in results.csv (resumed and new), grid order
     * @param skipped datasets or pairs that could not run
     * @param ran     runs computed by this call
     * @param resumed runs found finished in results.csv
     */
    public record Outcome(List<ResultRow> rows, List<Skip> skipped, int ran, int resumed, double seconds) {
        public Outcome {
            rows = List.copyOf(rows);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Lists what {@link #execute} will do, without computing anything: the runs whose row is not in {@code results}
     * (or whose calibration is not in {@code calibration}, when that is non-null and calibration draws are on), the
     * runs already in results.csv, and the datasets or pairs skipped with their reasons (raw files missing, with the
     * command that fetches them; an MLP on a dataset too wide for exact SHAP). Loads each dataset that has work
     * left. Execute the plan soon: runs finished by someone else in between would be computed again.
     *
     * <p>Refuses to mix: when the folder already holds rows (results.csv or calibration.csv), its settings.json must
     * record exactly this study's {@link #settings()}. Also checks up front that M fits each dataset with work left
     * (both groups, and the MLP background cap when MLPs run), rather than failing after the first training.
     *
     * @throws IOException              when a results file cannot be read
     * @throws SettingsChanged          when the folder's rows were computed with other settings
     * @throws IllegalArgumentException when a results file exists with another header, or M is larger than a group
     */
    public Plan plan(ResultsFile results, CalibrationFile calibration) throws IOException {
        return Plan.make(this, Objects.requireNonNull(results, "results"),
                calibrationDraws == 0 ? null : calibration);
    }

    /** {@link #plan(ResultsFile, CalibrationFile)} without calibration. */
    public Plan plan(ResultsFile results) throws IOException {
        return plan(results, null);
    }

    /**
     * Does the plan's runs, appending each row to the plan's results file as soon as it is done (and each
     * calibration row to its calibration file). Reports the plan's skips, then {@code planned}, then each run's
     * stages and end to the listener.
     *
     * @throws IllegalArgumentException when the plan was made by another study
     */
    public Outcome execute(Plan plan, StudyListener listener) throws IOException {
        if (plan.study != this) {
            throw new IllegalArgumentException("this plan was made by another study; call plan(...) on this one");
        }
        long start = System.nanoTime();
        for (Skip s : plan.skipped()) {
            listener.skipped(s);
        }
        List<Plan.Task> todo = plan.tasks();
        if (!todo.isEmpty()) {
            plan.settingsFile.write(settings()); // before the first row: the folder always says how its rows were made
        }
        listener.planned(todo.size(), plan.resumed().size());

        AtomicInteger finished = new AtomicInteger();
        List<ResultRow> fresh = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, todo.size())), r -> {
            Thread t = new Thread(r, "study-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Plan.Task task : todo) {
                StudyRun run = new StudyRun(this, plan.data.get(task.dataset()), task.model(), task.seed(),
                        task.attack(), task.calibrate());
                futures.add(pool.submit(() -> {
                    listener.started(task.key());
                    StudyRun.Output out = run.execute(listener);
                    if (out.row() != null) {
                        plan.results.append(out.row());
                        fresh.add(out.row());
                    }
                    if (out.calibration() != null && plan.calibration != null) {
                        plan.calibration.append(out.calibration());
                    }
                    listener.finished(out.row() != null ? out.row() : plan.done.get(task.key()),
                            finished.incrementAndGet(), todo.size());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the study was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }

        Map<String, ResultRow> done = new LinkedHashMap<>(plan.done);
        for (ResultRow r : fresh) {
            done.put(r.key(), r);
        }
        List<ResultRow> rows = new ArrayList<>();
        for (String name : datasets) {
            for (ModelKind kind : models) {
                for (int seed : seeds) {
                    ResultRow r = done.get(ResultRow.key(name, kind.id(), seed));
                    if (r != null) {
                        rows.add(r);
                    }
                }
            }
        }
        return new Outcome(rows, plan.skipped(), todo.size(), plan.resumed().size(),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * What one run of the grid computed, written nowhere yet.
     *
     * @param row         its results.csv row; null when only its calibration was due
     * @param calibration its calibration.csv row; null when not asked for
     */
    public record RunOutput(ResultRow row, CalibrationRow calibration) {
    }

    /**
     * One task of a {@link Plan} computed alone, writing nothing: loads the task's dataset (from {@link #dataDir()})
     * and does exactly the run {@link #execute} does for it. A pure function of this study's settings and the task,
     * so a cluster can compute a plan's tasks anywhere and append the rows in plan order (the spark module's grid
     * job). Cost: one run (see the class comment) plus one load of the dataset.
     */
    public RunOutput run(Plan.Task task, Progress progress) {
        Dataset data = Datasets.load(task.dataset(), dataDir);
        StudyRun.Output out = new StudyRun(this, data, task.model(), task.seed(), task.attack(), task.calibrate())
                .execute(progress);
        return new RunOutput(out.row(), out.calibration());
    }

    /** {@link #execute(Plan, StudyListener)} with stage progress sent to {@link Progress#ambient()}. */
    public Outcome execute(Plan plan) throws IOException {
        return execute(plan, StudyListener.of(Progress.ambient()));
    }

    /** Plans and executes the grid without calibration. */
    public Outcome run(ResultsFile results, StudyListener listener) throws IOException {
        return run(results, null, listener);
    }

    /**
     * Plans and executes in one call: {@code execute(plan(results, calibration), listener)}. Runs every dataset x
     * model x seed not yet in {@code results}, appending each row as soon as it is done; with {@code calibration}
     * non-null, also the calibration of each run's model not yet in it. Missing datasets are reported to the
     * listener and skipped; the others still run.
     */
    public Outcome run(ResultsFile results, CalibrationFile calibration, StudyListener listener) throws IOException {
        return execute(plan(results, calibration), listener);
    }

    private static <T> List<T> distinct(List<T> list) {
        return List.copyOf(new java.util.LinkedHashSet<>(list));
    }

    @Override
    public String toString() {
        return "Study " + datasets + " x " + models.stream().map(ModelKind::id).toList() + " x seeds " + seeds
                + " (" + protocol()
                + (lambdaExtensions > 0 ? ", lambda grid widened up to " + lambdaExtensions + " times at its edges"
                : ", fixed lambda grid")
                + ", " + (calibrationDraws > 0 ? calibrationDraws + " calibration draws per run" : "no calibration")
                + ", threads " + threads + ")";
    }
}
