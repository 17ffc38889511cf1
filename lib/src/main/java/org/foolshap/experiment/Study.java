package org.foolshap.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.foolshap.attack.LambdaGrid;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.model.ModelKind;

/**
 * The paper's experiment grid (Section 5, Figure 5) as one immutable object: datasets x models x seeds, each run
 * being {@link StudyRun}: split, train on the seed's training rows, honest SHAP on a uniform S_0' x S_1',
 * coefficients on the FULL background, the lambda sweep, the Fool SHAP sample, the brute-force and genetic
 * baselines with the sweep's time budget, and the final audit. Each finished run appends a {@link ResultRow} to
 * results.csv and (optionally) a {@link CalibrationRow} to calibration.csv: re-running skips the runs already there.
 *
 * <pre>{@code
 * Study.Outcome o = Study.withDefaults().withDatasets(List.of("compas")).withModels(List.of(ModelKind.RF))
 *         .withSeeds(List.of(0, 1)).withDataDir(Path.of("data"))
 *         .run(new ResultsFile(out.resolve("results.csv")), new CalibrationFile(out.resolve("calibration.csv")),
 *              StudyListener.NONE);
 * }</pre>
 *
 * <p>Determinism: every random step of a run derives from its seed (split, model, S_0', sweep, S_1', audits), so
 * the Fool SHAP columns are reproducible; the two baselines search within a wall-time budget (the paper's rule), so
 * their results depend on the machine's speed. Training is serialised because Smile seeds a global generator.
 *
 * <p>Cost: one run on Adult with RF takes about a minute on 2 cores, dominated by the sweep's 2,000 audits and the
 * baselines (which get the sweep's time each); the SHAP passes already use every core, hence sequential runs by
 * default ({@link #withThreads}).
 *
 * <p>MLP: an MLP has no TreeSHAP, and the exact explainer needs 2^k model calls per (foreground, background) pair
 * (2^11 on Adult), so its background is capped to {@link #mlpBackground()} uniformly drawn rows (seeded), and
 * datasets with more than {@link #MLP_MAX_FEATURES} features are skipped for MLP with a message.
 */
public final class Study {
    /** Widest dataset on which the exact explainer of an MLP is attempted (2^16 calls per pair at worst). */
    public static final int MLP_MAX_FEATURES = 16;

    private final List<String> datasets;
    private final List<ModelKind> models;
    private final List<Integer> seeds;
    private final int m;
    private final int repeats;
    private final double significance;
    private final LambdaGrid lambdas;
    private final Path dataDir;
    private final int threads;
    private final int mlpBackground;
    private final int calibrationDraws;
    private final double baselineSeconds;
    private final int lambdaExtensions;

    private Study(List<String> datasets, List<ModelKind> models, List<Integer> seeds, int m, int repeats,
                  double significance, LambdaGrid lambdas, Path dataDir, int threads, int mlpBackground,
                  int calibrationDraws, double baselineSeconds, int lambdaExtensions) {
        this.datasets = List.copyOf(datasets);
        this.models = List.copyOf(models);
        this.seeds = List.copyOf(seeds);
        this.m = m;
        this.repeats = repeats;
        this.significance = significance;
        this.lambdas = lambdas;
        this.dataDir = dataDir;
        this.threads = threads;
        this.mlpBackground = mlpBackground;
        this.calibrationDraws = calibrationDraws;
        this.baselineSeconds = baselineSeconds;
        this.lambdaExtensions = lambdaExtensions;
    }

    /**
     * The paper's grid: adult, compas, communities, marketing, default_credit x rf, gbt, mlp x seeds 0-4; M = 200,
     * R = 100 audits per lambda, significance 0.05, lambdas 10^-0.5..10^2 (20), 1000 calibration draws per run,
     * MLP background capped at 1000 rows, sequential runs, data found through FOOLSHAP_DATA or the cache.
     */
    public static Study withDefaults() {
        return new Study(List.of("adult", "compas", "communities", "marketing", "default_credit"),
                List.of(ModelKind.RF, ModelKind.GBT, ModelKind.MLP), List.of(0, 1, 2, 3, 4), 200, 100, 0.05,
                LambdaGrid.paper(), null, 1, 1000, 1000, 0, 2);
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
        return new Study(distinct(names), models, seeds, m, repeats, significance, lambdas, dataDir, threads,
                mlpBackground, calibrationDraws, baselineSeconds, lambdaExtensions);
    }

    public Study withModels(List<ModelKind> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("the study needs at least one model");
        }
        return new Study(datasets, distinct(kinds), seeds, m, repeats, significance, lambdas, dataDir, threads,
                mlpBackground, calibrationDraws, baselineSeconds, lambdaExtensions);
    }

    public Study withSeeds(List<Integer> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("the study needs at least one seed");
        }
        for (int s : list) {
            if (s < 0) {
                throw new IllegalArgumentException("seeds must be >= 0, got " + s);
            }
        }
        return new Study(datasets, models, distinct(list), m, repeats, significance, lambdas, dataDir, threads,
                mlpBackground, calibrationDraws, baselineSeconds, lambdaExtensions);
    }

    /** Sample size M of S_0' and S_1' (>= 2). */
    public Study withM(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("M must be at least 2, got " + size);
        }
        return new Study(datasets, models, seeds, size, repeats, significance, lambdas, dataDir, threads,
                mlpBackground, calibrationDraws, baselineSeconds, lambdaExtensions);
    }

    /** Audited draws per lambda in the sweep (>= 1). */
    public Study withRepeats(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + count);
        }
        return new Study(datasets, models, seeds, m, count, significance, lambdas, dataDir, threads, mlpBackground,
                calibrationDraws, baselineSeconds, lambdaExtensions);
    }

    /** The auditor's total level, in the sweep, the final audit and the calibration. */
    public Study withSignificance(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("the significance must be in (0, 1), got " + alpha);
        }
        return new Study(datasets, models, seeds, m, repeats, alpha, lambdas, dataDir, threads, mlpBackground,
                calibrationDraws, baselineSeconds, lambdaExtensions);
    }

    public Study withLambdas(LambdaGrid grid) {
        return new Study(datasets, models, seeds, m, repeats, significance, grid, dataDir, threads, mlpBackground,
                calibrationDraws, baselineSeconds, lambdaExtensions);
    }

    /** Where the raw files are (a directory with the files or with {@code <name>/}); null: FOOLSHAP_DATA, cache. */
    public Study withDataDir(Path dir) {
        return new Study(datasets, models, seeds, m, repeats, significance, lambdas, dir, threads, mlpBackground,
                calibrationDraws, baselineSeconds, lambdaExtensions);
    }

    /**
     * Runs in parallel (>= 1). Each run's SHAP passes already use every core and a run on Adult holds a few hundred
     * MB, so more than one thread only helps on machines with many cores and idle time in the audits.
     */
    public Study withThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + count);
        }
        return new Study(datasets, models, seeds, m, repeats, significance, lambdas, dataDir, count, mlpBackground,
                calibrationDraws, baselineSeconds, lambdaExtensions);
    }

    /** Background rows kept (uniformly, seeded) for MLP runs, whose exact SHAP costs 2^k calls per pair (>= M). */
    public Study withMlpBackground(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("the MLP background cap must be at least 1 row, got " + rows);
        }
        return new Study(datasets, models, seeds, m, repeats, significance, lambdas, dataDir, threads, rows,
                calibrationDraws, baselineSeconds, lambdaExtensions);
    }

    /** Honest draws audited per run for calibration.csv; 0 turns calibration off. */
    public Study withCalibrationDraws(int draws) {
        if (draws < 0) {
            throw new IllegalArgumentException("calibration draws must be >= 0, got " + draws);
        }
        return new Study(datasets, models, seeds, m, repeats, significance, lambdas, dataDir, threads, mlpBackground,
                draws, baselineSeconds, lambdaExtensions);
    }

    /**
     * Wall-time budget of each baseline (brute force, genetic) in seconds; 0 (default) is the paper's rule: the
     * sweep's own time, at least 5 s. Tests use a small fixed budget.
     */
    public Study withBaselineSeconds(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("the baseline budget must be >= 0 seconds, got " + seconds);
        }
        return new Study(datasets, models, seeds, m, repeats, significance, lambdas, dataDir, threads, mlpBackground,
                calibrationDraws, seconds, lambdaExtensions);
    }

    /**
     * How many times a run may widen its lambda grid when lambda* lands on the grid's edge (default 2; 0 = the
     * paper's fixed grid). lambda multiplies a distance between model outputs, whose scale depends on the output
     * (probabilities for rf, log-odds for gbt), so a grid that suits one model can be too narrow for another: when
     * lambda* is the smallest lambda (a more aggressive one might still be stealthy) the grid is extended by its own
     * span below, when it is the largest (or no lambda is stealthy) by its span above, at the same density, and the
     * run is repeated with the wider grid.
     */
    public Study withLambdaExtensions(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("lambda extensions must be >= 0, got " + count);
        }
        return new Study(datasets, models, seeds, m, repeats, significance, lambdas, dataDir, threads, mlpBackground,
                calibrationDraws, baselineSeconds, count);
    }

    public int lambdaExtensions() {
        return lambdaExtensions;
    }

    public double baselineSeconds() {
        return baselineSeconds;
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

    public int m() {
        return m;
    }

    public int repeats() {
        return repeats;
    }

    public double significance() {
        return significance;
    }

    public LambdaGrid lambdas() {
        return lambdas;
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

    /** A dataset (model null) or a dataset x model pair that did not run, and why. */
    public record Skip(String dataset, String model, String reason) {
        @Override
        public String toString() {
            return "skipped " + dataset + (model == null ? "" : " x " + model) + ": " + reason;
        }
    }

    /**
     * What a call to {@link #run} did.
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

    /** Runs the grid without calibration. */
    public Outcome run(ResultsFile results, StudyListener listener) throws IOException {
        return run(results, null, listener);
    }

    /**
     * Runs every dataset x model x seed not yet in {@code results}, appending each row as soon as it is done; with
     * {@code calibration} non-null, also the calibration of each run's model not yet in it. Missing datasets are
     * reported to the listener and skipped; the others still run.
     */
    public Outcome run(ResultsFile results, CalibrationFile calibration, StudyListener listener) throws IOException {
        long start = System.nanoTime();
        Map<String, ResultRow> done = new LinkedHashMap<>();
        for (ResultRow r : results.read()) {
            done.put(r.key(), r);
        }
        Set<String> calibrated = calibration == null || calibrationDraws == 0 ? null
                : calibration.read().stream().map(CalibrationRow::key).collect(Collectors.toSet());

        List<Skip> skipped = new ArrayList<>();
        List<StudyRun> todo = new ArrayList<>();
        int resumed = 0;
        for (String name : datasets) {
            Dataset data = null;
            String loadError = null;
            for (ModelKind kind : models) {
                String mlpProblem = null;
                for (int seed : seeds) {
                    String key = ResultRow.key(name, kind.id(), seed);
                    boolean needRow = !done.containsKey(key);
                    boolean needCalibration = calibrated != null && !calibrated.contains(key);
                    if (!needRow && !needCalibration) {
                        resumed++;
                        continue;
                    }
                    if (data == null && loadError == null) {
                        try {
                            data = Datasets.load(name, dataDir);
                        } catch (IllegalArgumentException | UncheckedIOException e) {
                            loadError = fetchHint(name, e.getMessage());
                            Skip s = new Skip(name, null, loadError);
                            skipped.add(s);
                            listener.skipped(s);
                        }
                    }
                    if (loadError != null) {
                        break;
                    }
                    if (kind == ModelKind.MLP && data.features().width() > MLP_MAX_FEATURES) {
                        mlpProblem = "exact SHAP of an MLP needs up to 2^" + data.features().width()
                                + " model calls per (foreground, background) pair on this dataset ("
                                + data.features().width() + " features, limit " + MLP_MAX_FEATURES + ")";
                        Skip s = new Skip(name, kind.id(), mlpProblem);
                        skipped.add(s);
                        listener.skipped(s);
                        break;
                    }
                    if (!needRow) {
                        resumed++;
                    }
                    todo.add(new StudyRun(this, data, kind, seed, needRow, needCalibration));
                }
                if (loadError != null) {
                    break;
                }
            }
        }
        listener.planned(todo.size(), resumed);

        AtomicInteger finished = new AtomicInteger();
        List<ResultRow> fresh = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, todo.size())), r -> {
            Thread t = new Thread(r, "study-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (StudyRun run : todo) {
                futures.add(pool.submit(() -> {
                    listener.started(run.key());
                    StudyRun.Output out = run.execute(listener);
                    if (out.row() != null) {
                        results.append(out.row());
                        fresh.add(out.row());
                    }
                    if (out.calibration() != null && calibration != null) {
                        calibration.append(out.calibration());
                    }
                    listener.finished(out.row() != null ? out.row() : done.get(run.key()),
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
        return new Outcome(rows, skipped, todo.size(), resumed, (System.nanoTime() - start) / 1e9);
    }

    private static String fetchHint(String name, String message) {
        String m = message == null ? "raw files not found" : message;
        if (m.contains("fetch")) {
            return m;
        }
        return m + "; download it with: java -jar lib/target/foolshap.jar fetch --dataset " + name;
    }

    private static <T> List<T> distinct(List<T> list) {
        return List.copyOf(new java.util.LinkedHashSet<>(list));
    }

    @Override
    public String toString() {
        return "Study " + datasets + " x " + models.stream().map(ModelKind::id).toList() + " x seeds " + seeds
                + " (M " + m + ", repeats " + repeats + ", significance " + significance + ", lambdas " + lambdas
                + (lambdaExtensions > 0 ? " widened up to " + lambdaExtensions + " times at its edges" : "")
                + ", threads " + threads + ")";
    }
}
